import Foundation

/// Prints a site's whole-course page (`print.html`) into one PDF with headless Chromium
/// (Debian's `chromium`), its links kept as the PDF's internal links.
public struct PDFPrinter: Sendable {
    /// Why a PDF was not written.
    public enum Failure: Error, CustomStringConvertible {
        /// No Chromium on the PATH.
        case chromiumMissing
        /// The site has no `print.html`.
        case pageMissing(URL)
        /// Chromium failed, or wrote no PDF.
        case chromiumFailed(String)

        /// What went wrong, for a person.
        public var description: String {
            switch self {
            case .chromiumMissing:
                "derive pdf prints with headless Chromium, and none is on the PATH (install Debian's chromium package)"
            case .pageMissing(let page):
                "the site has no whole-course page to print (\(page.path)); build it first"
            case .chromiumFailed(let reason):
                "Chromium did not print the PDF: \(reason)"
            }
        }
    }

    /// The Chromium executable.
    public let chromium: URL

    /// A printer with `chromium`.
    public init(chromium: URL) {
        self.chromium = chromium
    }

    /// A printer with the first `chromium` or `chromium-browser` on `path` (a PATH-style list).
    public static func find(path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") throws -> PDFPrinter {
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return PDFPrinter(chromium: candidate) }
            }
        }
        throw Failure.chromiumMissing
    }

    /// Prints `site`'s `print.html` to `output`: into a temporary file beside it, renamed into
    /// place only once Chromium wrote a PDF, so a failure leaves no half-written file.
    public func print(site: URL, to output: URL, timeout: Duration = .seconds(600)) throws {
        let page = site.appendingPathComponent("print.html")
        guard FileManager.default.fileExists(atPath: page.path) else { throw Failure.pageMissing(page) }
        let folder = output.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(output.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("derive-pdf-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: profile)
        }
        let log = profile.appendingPathComponent("chromium.log")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = chromium
        process.arguments = Self.arguments(page: page, pdf: temporary, profile: profile)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw Failure.chromiumFailed("it took more than \(timeout)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let said = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(3).joined(separator: "\n")
        guard process.terminationStatus == 0 else { throw Failure.chromiumFailed("exit status \(process.terminationStatus)\n\(said)") }
        guard let head = try? FileHandle(forReadingFrom: temporary).read(upToCount: 5), head == Data("%PDF-".utf8) else {
            throw Failure.chromiumFailed("it wrote no PDF\n\(said)")
        }
        guard rename(temporary.path, output.path) == 0 else {
            throw Failure.chromiumFailed("cannot move the PDF to \(output.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Chromium's arguments: headless, its own profile, no header or footer (no date, no file
    /// path on every page); without the sandbox when run as root, which Chromium otherwise refuses.
    static func arguments(page: URL, pdf: URL, profile: URL) -> [String] {
        ["--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(profile.path)"]
            + (getuid() == 0 ? ["--no-sandbox"] : [])
            + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString]
    }
}
