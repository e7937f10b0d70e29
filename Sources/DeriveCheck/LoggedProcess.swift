import DeriveCore
import Foundation

/// A child process whose standard output and error go to one log file (no pipe can fill and
/// block it), watched while it runs.
struct LoggedProcess {
    /// How the process ended, and everything it printed.
    struct Outcome {
        var status: Int32
        /// Whether a signal ended it (a trap in a note's code, say) rather than an exit.
        var wasSignalled: Bool
        var output: String
    }

    let arguments: [String]
    let directory: URL
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// Runs `swift arguments...` in `directory`; about ten times a second until the process ends,
    /// calls `watch` with what the log gained since the last call (the log is never read twice).
    func run(log: URL, watch: (String) -> Void) throws -> Outcome {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift"] + arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CheckError.toolFailed(error.localizedDescription)
        }
        TestStopPoint.check.reach()
        let reader = try FileHandle(forReadingFrom: log)
        defer { try? reader.close() }
        var output = Data()
        func readNew() {
            let new = reader.availableData
            guard !new.isEmpty else { return }
            output.append(new)
            watch(String(decoding: new, as: UTF8.self))
        }
        while process.isRunning {
            readNew()
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.waitUntilExit()
        readNew()
        return Outcome(
            status: process.terminationStatus, wasSignalled: process.terminationReason == .uncaughtSignal,
            output: String(decoding: output, as: UTF8.self))
    }
}
