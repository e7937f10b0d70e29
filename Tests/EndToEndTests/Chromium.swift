import Foundation

/// Headless Chromium, run once per page: `--dump-dom` for the DOM after load, `--screenshot` for a picture.
struct Chromium {
    /// The executable.
    let executable: URL

    /// Chromium from the PATH (Debian's `chromium`), or nil when it is not installed.
    static func find() -> Chromium? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return Chromium(executable: candidate) }
            }
        }
        return nil
    }

    /// The DOM of `page` once loaded, serialised as HTML; with `screenshot`, also a 1200×2000
    /// picture of it saved there (one launch does both).
    func dumpDOM(of page: URL, screenshot: URL? = nil) async throws -> String {
        let picture = screenshot.map { ["--screenshot=\($0.path)", "--window-size=1200,2000", "--hide-scrollbars"] } ?? []
        let output = try await run(["--dump-dom"] + picture + [page.absoluteString])
        guard !output.isEmpty else { throw TestFailure("chromium dumped no DOM for \(page.path)") }
        return output
    }

    /// Runs chromium headless with its own profile folder (so several can run at once), awaiting
    /// its exit (at most 90 s).
    private func run(_ arguments: [String]) async throws -> String {
        let profile = try TemporaryFolder()
        let process = try DeriveProcess(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(profile("profile").path)",
            ] + arguments, in: profile.url, executable: executable)
        let status = try await process.wait(timeout: .seconds(90))
        guard status == 0 else { throw TestFailure("chromium \(arguments) exited \(status)") }
        return process.stdout
    }
}
