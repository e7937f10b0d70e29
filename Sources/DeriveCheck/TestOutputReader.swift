import DeriveCore
import Foundation

/// Reads what `swift test` printed about the notes and turns it into diagnostics in the notes:
/// compiler errors and warnings (`Notes/f.md:7:18: error: ...`, printed with the note's path
/// through `#sourceLocation`) and Swift Testing issues (`... recorded an issue at f.md:22:3: ...`,
/// printed with the file name only, which is mapped back to the note's path).
public struct TestOutputReader: Sendable {
    /// The notes' paths by file name (`01-intro.md` -> `Notes/01-intro.md`).
    private let pathsByFileName: [String: String]

    /// A reader for the notes at `notePaths`.
    public init(notePaths: [String]) {
        var paths: [String: String] = [:]
        for path in notePaths { paths[(path as NSString).lastPathComponent] = path }
        pathsByFileName = paths
    }

    /// The diagnostics in `output`, each once, in note order.
    public func diagnostics(in output: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for line in output.split(separator: "\n") {
            if let diagnostic = compilerDiagnostic(line) ?? testIssue(line), !found.contains(diagnostic) {
                found.append(diagnostic)
            }
        }
        return found.sortedByLocation()
    }

    /// `Notes/f.md:LINE:COL: error: message` (or `warning:`), as swiftc prints it.
    private func compilerDiagnostic(_ line: Substring) -> Diagnostic? {
        let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].hasSuffix(".md"), let row = Int(parts[1]), let column = Int(parts[2]) else { return nil }
        let severity = parts[3].trimmingCharacters(in: .whitespaces)
        guard severity == "error" || severity == "warning" else { return nil }
        let path = pathsByFileName[(String(parts[0]) as NSString).lastPathComponent] ?? String(parts[0])
        return Diagnostic(
            severity == "error" ? .error : .warning, "check.compiler", parts[4].trimmingCharacters(in: .whitespaces),
            at: NoteLocation(file: path, line: row, column: column))
    }

    /// `✘ Test name() recorded an issue at f.md:LINE:COL: message`, as Swift Testing prints it.
    private func testIssue(_ line: Substring) -> Diagnostic? {
        guard let marker = line.range(of: " recorded an issue at ") else { return nil }
        let test = line[..<marker.lowerBound].split(separator: " ").last.map(String.init) ?? "a test"
        let parts = line[marker.upperBound...].split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].hasSuffix(".md"), let row = Int(parts[1]), let column = Int(parts[2]),
              let path = pathsByFileName[String(parts[0])]
        else { return nil }
        return Diagnostic(
            .error, "check.test-failed", "\(test) failed: \(parts[3].trimmingCharacters(in: .whitespaces))",
            at: NoteLocation(file: path, line: row, column: column))
    }
}
