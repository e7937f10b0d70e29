import Foundation
import Testing

/// `derive pdf` on the real notes: one PDF, its pages plausible for the course, its links internal.
@Suite("derive pdf")
struct PDFTests {
    @Test("is an error, before any build, when derive.yml turns the whole-course page off")
    func refusesACourseWithoutTheWholeCoursePage() async throws {
        let folder = try TemporaryFolder()
        try folder.write("print: false\n", to: "derive.yml")
        try folder.write("# A note\n\nSome text.\n", to: "Notes/01-a.md")
        let run = try await DeriveRun.run(["pdf"], in: folder.url, timeout: .seconds(120))
        #expect(run.status == 1)
        #expect(run.stderr.contains("print: false"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder("Site").path), "it built the site first")
    }

    @Test("prints the whole course into a PDF whose links lead inside it")
    func printsTheRealNotes() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") else {
            Issue.record("pdfinfo is not installed; run scripts/install-system-packages --browser")
            return
        }
        let folder = try TemporaryFolder()
        let notes = DeriveRun.repository.appendingPathComponent("Notes").path
        let weave = try await DeriveRun.run(["weave", "--notes", notes, "--site", "Site", "-q"], in: folder.url)
        try #require(weave.status == 0, "weaving Notes/ failed:\n\(weave.stderr)")
        let pdf = folder("out/course.pdf")
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        let run = try await DeriveRun.run(
            ["pdf", "--no-build", "--notes", notes, "--site", "Site", "--output", pdf.path], in: folder.url, timeout: .seconds(300))
        try #require(run.status == 0, "derive pdf failed:\n\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: pdf.deletingLastPathComponent().path) == ["course.pdf"],
                "only the PDF, no temporary file left")

        let info = try Self.run("/usr/bin/pdfinfo", [pdf.path])
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
        let html = try String(contentsOf: folder("Site/print.html"), encoding: .utf8)
        let notesPrinted = html.components(separatedBy: "<section class=\"print-note\"").count - 1
        let words = html.replacing(/<[^>]*>/, with: " ").split(whereSeparator: \.isWhitespace).count
        // A cover, then every note from a page of its own; not more than a page per 100 words of HTML text.
        #expect(notesPrinted >= 5 && pages >= notesPrinted + 1 && pages <= words / 100, "\(pages) pages for \(notesPrinted) notes, \(words) words")

        let text = try Self.run("/usr/bin/pdftotext", [pdf.path, "-"])
        for title in html.matches(of: /<section class="print-note" id="n\d+">\n<h1 class="title"[^>]*>([^<]*)</).map({ String($0.1) }) {
            #expect(text.contains(title), "the PDF lacks the note \(title)")
        }
        let dests = try Self.run("/usr/bin/pdfinfo", ["-dests", pdf.path])
        #expect(dests.contains(/"n\d+-eq-/), "the PDF names the equations as destinations")
        let bytes = try Data(contentsOf: pdf)
        let links = String(decoding: bytes, as: UTF8.self).matches(of: /\/Subtype\s*\/Link[^>]*\/Dest\b|\/Dest\b[^>]*\/Subtype\s*\/Link/).count
        #expect(links > 100, "the PDF's links lead to its own destinations (\(links) found)")
    }

    @Test("without Chromium, derive pdf says so and exits 1")
    func needsChromium() async throws {
        let folder = try TemporaryFolder()
        let empty = folder("bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let run = try await DeriveRun.run(["pdf", "--no-build", "--output", folder("x.pdf").path], in: folder.url, environment: ["PATH": empty.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("derive: error: derive pdf prints with headless Chromium, and none is on the PATH"))
        #expect(!FileManager.default.fileExists(atPath: folder("x.pdf").path))
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
