import ArgumentParser
import Foundation

/// One site build for `derive serve`, run on its own thread so that serving never waits behind it.
struct ServeBuild: Sendable {
    /// The notes and site folders and the weave options.
    let options: SiteCommandOptions
    /// Whether to run the full build (`derive build`) rather than the weave.
    let runsChecks: Bool

    /// Builds the site; the diagnostics are printed; returns whether the site was replaced.
    func run() async -> Bool {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: runBlocking()) }.start()
        }
    }

    /// Prints `line` on standard output at once (the output may be a pipe, which buffers).
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    private func runBlocking() -> Bool {
        defer { fflush(nil) }
        do {
            try SiteBuild(options: options, runsChecks: runsChecks).run()
            return true
        } catch is ExitCode {
            return false  // the diagnostics are already printed
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return false
        }
    }
}
