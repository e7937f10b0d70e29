import DeriveCore
import Foundation

/// Runs the notes' tests and derivation checks with `swift test` in the package that compiles
/// them, collecting the reports the checks write (`ReportStore`) and the failures, located in
/// the notes.
public struct CheckRunner: Sendable {
    /// The package whose `NotesTests` target holds the notes' tests.
    public var packageDirectory: URL
    /// Extra arguments for `swift test` (`--scratch-path`, ...).
    public var extraArguments: [String]

    /// A runner for the package at `packageDirectory`.
    public init(packageDirectory: URL, extraArguments: [String] = []) {
        self.packageDirectory = packageDirectory
        self.extraArguments = extraArguments
    }

    /// Runs `swift test --filter NotesTests` and reads what it found about the notes at `notePaths`.
    public func run(notePaths: [String]) throws -> CheckOutcome {
        let reports = FileManager.default.temporaryDirectory
            .appendingPathComponent("derive-reports-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: reports) }
        var environment = ProcessInfo.processInfo.environment
        environment[ReportStore.environmentVariable] = reports.path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "test", "--filter", "NotesTests"] + extraArguments
        process.currentDirectoryURL = packageDirectory
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        let store = ReportStore(directory: reports)
        return CheckOutcome(
            succeeded: process.terminationStatus == 0,
            diagnostics: TestOutputReader(notePaths: notePaths).diagnostics(in: output),
            derivations: try store.derivationReports(),
            trainings: try store.trainingReports(),
            log: output)
    }
}
