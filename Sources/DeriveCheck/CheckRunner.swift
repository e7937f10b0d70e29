import DeriveCore
import Foundation

/// Compiles a `NotesPackage` and runs its tests: compiler errors come back at the notes' lines,
/// test results from Swift Testing's event stream, and the derivation and training reports the
/// notes' checks write (`ReportStore`).
public struct CheckRunner: Sendable {
    /// What the run is doing, for a progress display.
    public enum Progress: Sendable, Equatable {
        /// Compiling: SwiftPM's step and its number of steps, when it has printed them.
        case compiling(step: Int, of: Int)
        /// Testing: tests ended, tests found, tests that failed.
        case testing(done: Int, of: Int, failed: Int)
    }

    /// What the run found.
    public struct Result: Sendable, Codable {
        /// Compiler errors and warnings, failed tests, and a failure no line explains.
        public var diagnostics: [Diagnostic]
        /// The checks' reports (empty when the notes did not compile).
        public var reports: CheckReports
        /// Tests found and tests that failed (zero when the notes did not compile).
        public var tests: Int
        public var failedTests: Int
        /// Everything `swift build` and `swift test` printed, for `--verbose` and for failures.
        public var log: String
        /// Whether the notes compiled and every test passed.
        public var succeeded: Bool { !diagnostics.containsErrors }
    }

    /// The package to compile and test.
    public var package: NotesPackage
    /// The notes' paths, to map the compiler's and the tests' locations back to them.
    public var notePaths: [String]
    /// Where locations that name no note point (the notes folder, as the user wrote it).
    public var notesDisplayPath: String
    /// The names of the only test functions to run (a grading run's), or nil for every test.
    public var testFunctions: [String]?

    /// A runner for `package`, whose notes are at `notePaths`, running `testFunctions` (every test when nil).
    public init(package: NotesPackage, notePaths: [String], notesDisplayPath: String, testFunctions: [String]? = nil) {
        self.package = package
        self.notePaths = notePaths
        self.notesDisplayPath = notesDisplayPath
        self.testFunctions = testFunctions
    }

    /// Swift Testing's `--filter` for `names`: a test whose id ends a component with one of them
    /// (`NotesTests.name(...)`, `NotesTests.Suite/name(...)`).
    static func filter(for names: [String]) -> [String] {
        let escaped = names.map { $0.replacing(/[\\^$.|?*+()\[\]{}]/) { "\\" + $0.output } }
        return ["--filter", "[./](" + escaped.joined(separator: "|") + ")\\("]
    }

    /// Compiles the notes and their tests, then runs the tests; `progress` hears how far it is.
    public func run(progress: (Progress) -> Void = { _ in }) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("derive-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let build = try LoggedProcess(arguments: ["build", "--build-tests"], directory: package.directory)
            .run(log: scratch.appendingPathComponent("build.log")) { new in
                if let step = Self.lastBuildStep(in: new) { progress(.compiling(step: step.0, of: step.1)) }
            }
        if build.status != 0 {
            var diagnostics = CompilerOutputReader(notePaths: notePaths).diagnostics(in: build.output)
            if !diagnostics.containsErrors {
                diagnostics.append(failure("the notes did not compile, and the compiler named no note's line", log: build.output))
            }
            return Result(diagnostics: diagnostics, reports: CheckReports(derivations: []), tests: 0, failedTests: 0, log: build.output)
        }
        let warnings = CompilerOutputReader(notePaths: notePaths).diagnostics(in: build.output)

        let reports = scratch.appendingPathComponent("reports")
        let events = scratch.appendingPathComponent("events.jsonl")
        _ = FileManager.default.createFile(atPath: events.path, contents: nil)
        var test = LoggedProcess(
            arguments: ["test", "--skip-build", "--event-stream-output-path", events.path, "--event-stream-version", "0"]
                + (testFunctions.map(Self.filter(for:)) ?? []),
            directory: package.directory)
        test.environment[ReportStore.environmentVariable] = reports.path
        var reader = TestEventReader(notePaths: notePaths, notesDisplayPath: notesDisplayPath)
        let stream = try FileHandle(forReadingFrom: events)
        defer { try? stream.close() }
        let outcome = try test.run(log: scratch.appendingPathComponent("test.log")) { _ in
            reader.read(stream.availableData)
            progress(.testing(done: reader.ended, of: reader.total, failed: reader.failed.count))
        }
        reader.read(stream.readDataToEndOfFile())

        var diagnostics = warnings + reader.diagnostics
        if (outcome.status != 0 && !diagnostics.containsErrors) || !reader.runEnded {
            let running = reader.running.values.sorted().joined(separator: ", ")
            let why = outcome.wasSignalled
                ? "the notes' test process stopped with signal \(outcome.status)" + (running.isEmpty ? "" : " while running \(running)")
                : "the notes' tests failed (exit status \(outcome.status)) without a failure at a note's line"
            diagnostics.append(failure(why, log: outcome.output))
        }
        let store = ReportStore(directory: reports)
        return Result(
            diagnostics: diagnostics,
            reports: CheckReports(
                derivations: try store.derivationReports(), trainings: try store.trainingReports(), outputs: try store.exampleOutputs()),
            tests: reader.total, failedTests: reader.failed.count, log: build.output + outcome.output)
    }

    /// A failure located at the notes folder, with the last lines of the log that explain it.
    private func failure(_ message: String, log: String) -> Diagnostic {
        let tail = log.split(separator: "\n", omittingEmptySubsequences: false).suffix(15).joined(separator: "\n    ")
        return Diagnostic(.error, .checkFailed, "\(message); the last lines it printed:\n    \(tail)", at: .whole(notesDisplayPath))
    }

    /// SwiftPM's last `[12/345]` step in `log` (a piece of it: a step cut in two is skipped).
    static func lastBuildStep(in log: String) -> (Int, Int)? {
        guard let open = log.range(of: "[", options: .backwards),
              let close = log[open.upperBound...].firstIndex(of: "]") else { return nil }
        let numbers = log[open.upperBound..<close].split(separator: "/").compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }
}
