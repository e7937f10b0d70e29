import Foundation
import Testing

/// What a new author does: `derive init`, a note of their own, `swift test`, `derive build`, a
/// broken gradient. And a course that depends on Derive by version, as a published course would.
@Suite("derive init: a course in its own package", .serialized)
struct InitTests {
    private static let secondNote = """
        # A second note

        ```swift
        func secondNoteValue() -> Int { 2 }
        ```

        ```swift test
        @Test func secondNoteRuns() {
            #expect(secondNoteValue() == 2)
        }
        ```

        """

    @Test("init, add a note, swift test, derive build, break a gradient", .timeLimit(.minutes(20)))
    func newAuthor() async throws {
        let folder = try TemporaryFolder()
        let made = try await DeriveRun.run(["init", "course", "--title", "Backprop, my way"], in: folder.url)
        #expect(made.status == 0, "\(made.stderr)")
        let course = folder("course")
        for file in ["Package.swift", "derive.yml", "README.md", ".gitignore", ".github/workflows/site.yml",
                     "Notes/01-linear-neuron.md", "Sources/Course/Course.swift", "Sources/Course/Notes/01-linear-neuron.md"] {
            #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent(file).path), "no \(file)")
        }
        let manifest = try String(contentsOf: course.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".package(path: \"\(DeriveRun.repository.path)\")"), "\(manifest)")
        let again = try await DeriveRun.run(["init", "course"], in: folder.url)
        #expect(again.status == 1 && again.stderr.contains("is not empty"), "init never writes over a course")

        try folder.write(Self.secondNote, to: "course/Notes/02-second.md")
        let test = try await DeriveRun.swift(["test"], in: course)
        #expect(test.status == 0, "\(test.stdout.suffix(3000))\n\(test.stderr.suffix(3000))")
        #expect(test.stdout.contains("Test secondNoteRuns() passed"), "the new note's test did not run")
        #expect(test.stdout.contains("Test linearNeuronDerivation() passed"))

        let build = try await DeriveRun.run(["build"], in: course, timeout: .seconds(900))
        #expect(build.status == 0, "\(build.stderr)")
        let index = try String(contentsOf: course.appendingPathComponent("Site/index.html"), encoding: .utf8)
        #expect(index.contains("<h1 class=\"title\">Backprop, my way</h1>"))
        #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent("Site/02-second.html").path))
        let site = try FolderTree(course.appendingPathComponent("Site"))

        let note = course.appendingPathComponent("Notes/01-linear-neuron.md")
        let text = try String(contentsOf: note, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "w: delta * x.transposed", with: "w: 2 * (delta * x.transposed)")
        #expect(broken != text)
        try Data(broken.utf8).write(to: note)
        let failed = try await DeriveRun.run(["build"], in: course, timeout: .seconds(900))
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(failed.stderr.contains("Notes/01-linear-neuron.md:"), "\(failed.stderr)")
        #expect(failed.stderr.contains("linearNeuronDerivation() failed"), "\(failed.stderr)")
        #expect(try FolderTree(course.appendingPathComponent("Site")).differences(from: site) == [], "the failed build changed the site")
    }

    /// A course that depends on Derive by `from: "X.Y.Z"` (a local git copy of this repository,
    /// tagged) resolves, builds, and runs its notes' tests: Derive's manifest is fit to be a
    /// versioned dependency (tools version 6.2, so its runtime's `-O` flag is allowed).
    @Test("a course depending on Derive by version builds and runs its notes' tests", .timeLimit(.minutes(20)))
    func dependsOnDeriveByVersion() async throws {
        let folder = try TemporaryFolder()
        let derive = folder("derive")
        try Self.copyTrackedFiles(of: DeriveRun.repository, to: derive)
        for arguments in [["init", "-q"], ["add", "-A"], ["-c", "user.name=Derive", "-c", "user.email=derive@localhost",
                          "commit", "-q", "-m", "Derive"], ["tag", "0.2.0"]] {
            let git = try await Self.git(arguments, in: derive)
            #expect(git.status == 0, "git \(arguments): \(git.stderr)")
        }
        let made = try await DeriveRun.run(
            ["init", "course", "--title", "Versioned", "--derive-url", "file://" + derive.path, "--from", "0.2.0"], in: folder.url)
        #expect(made.status == 0, "\(made.stderr)")
        let manifest = try String(contentsOf: folder("course/Package.swift"), encoding: .utf8)
        #expect(manifest.contains("from: \"0.2.0\""), "\(manifest)")
        let test = try await DeriveRun.swift(["test"], in: folder("course"))
        #expect(test.status == 0, "\(test.stdout.suffix(3000))\n\(test.stderr.suffix(3000))")
        #expect(test.stdout.contains("Test linearNeuronDerivation() passed"))
    }

    /// Copies the files git tracks in `repository`, as they are in its working tree.
    private static func copyTrackedFiles(of repository: URL, to destination: URL) throws {
        let listing = Process()
        listing.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listing.arguments = ["git", "-C", repository.path, "ls-files", "-z"]
        let pipe = Pipe()
        listing.standardOutput = pipe
        try listing.run()
        let names = pipe.fileHandleForReading.readDataToEndOfFile().split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        listing.waitUntilExit()
        let manager = FileManager.default
        for name in names {
            let source = repository.appendingPathComponent(name)
            let target = destination.appendingPathComponent(name)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let link = try? manager.destinationOfSymbolicLink(atPath: source.path) {
                try manager.createSymbolicLink(atPath: target.path, withDestinationPath: link)
            } else if manager.fileExists(atPath: source.path) {
                try manager.copyItem(at: source, to: target)
            }
        }
    }

    private static func git(_ arguments: [String], in directory: URL) async throws -> DeriveRun {
        let process = try DeriveProcess(arguments, in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"), prefix: ["git"])
        let status = try await process.wait(timeout: .seconds(60))
        return DeriveRun(status: status, stdout: process.stdout, stderr: process.stderr)
    }
}
