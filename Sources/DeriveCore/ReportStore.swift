import Foundation

/// The folder where a test run leaves its reports for the site, named by `DERIVE_REPORT_DIR`.
///
/// `derive build` sets the variable when it runs the notes' tests; without it, reports are not
/// written and the checks only pass or fail.
public struct ReportStore: Sendable {
    /// The environment variable that names the folder.
    public static let environmentVariable = "DERIVE_REPORT_DIR"

    /// The folder reports go to.
    public var directory: URL

    /// A store in `directory`.
    public init(directory: URL) { self.directory = directory }

    /// A store that takes the place of the environment's for the current task, so that a test can
    /// collect reports without changing the process's environment (`$override.withValue(...)`).
    @TaskLocal public static var override: ReportStore?

    /// Where reports go now: the task's override, else the folder the environment names, else nowhere.
    public static var active: ReportStore? { override ?? fromEnvironment }

    /// The store the environment names, if any.
    public static var fromEnvironment: ReportStore? {
        guard let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty else { return nil }
        return ReportStore(directory: URL(fileURLWithPath: path))
    }

    /// Writes a derivation report (one file per note line and subject, so reruns replace, never duplicate).
    public func write(_ report: DerivationReport) throws {
        try write(report, named: "derivation", note: report.note, line: report.line, subject: report.subject)
    }

    /// Writes a training report.
    public func write(_ report: TrainingReport) throws {
        try write(report, named: "training", note: report.note, line: report.line, subject: report.xLabel)
    }

    /// Writes what an `example` block showed (one file per note line, so a rerun replaces it).
    public func write(_ output: ExampleOutput) throws {
        try write(output, named: "output", note: output.note, line: output.line, subject: "example")
    }

    /// Every example's output in the folder, ordered by note and line.
    public func exampleOutputs() throws -> [ExampleOutput] {
        try read("output").sorted { ($0.note, $0.line) < ($1.note, $1.line) }
    }

    /// Every derivation report in the folder, ordered by note, line and subject.
    public func derivationReports() throws -> [DerivationReport] {
        try read("derivation").sorted { ($0.note, $0.line, $0.subject) < ($1.note, $1.line, $1.subject) }
    }

    /// Every training report in the folder, ordered by note, line and axis label.
    public func trainingReports() throws -> [TrainingReport] {
        try read("training").sorted { ($0.note, $0.line, $0.xLabel) < ($1.note, $1.line, $1.xLabel) }
    }

    private func write(_ value: some Encodable, named kind: String, note: String, line: Int, subject: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let safe = { (text: String) in String(text.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }) }
        let file = directory.appendingPathComponent("\(safe(note))-\(line)-\(safe(subject)).\(kind).json")
        try encoder.encode(value).write(to: file, options: .atomic)
    }

    private func read<Report: Decodable>(_ kind: String) throws -> [Report] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return try files.filter { $0.lastPathComponent.hasSuffix(".\(kind).json") }
            .map { try JSONDecoder().decode(Report.self, from: Data(contentsOf: $0)) }
    }
}
