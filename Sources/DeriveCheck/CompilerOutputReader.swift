import DeriveCore
import Foundation

/// Reads the compiler's diagnostics about the notes out of what `swift build` printed: with
/// `#sourceLocation`, swiftc prints them at the note's path (`Notes/f.md:7:18: error: ...`).
public struct CompilerOutputReader: Sendable {
    /// The notes' paths by file name (`01-intro.md` -> `Notes/01-intro.md`).
    private let pathsByFileName: [String: String]

    /// A reader for the notes at `notePaths`.
    public init(notePaths: [String]) {
        var paths: [String: String] = [:]
        for path in notePaths { paths[(path as NSString).lastPathComponent] = path }
        pathsByFileName = paths
    }

    /// The compiler's errors and warnings at the notes' lines in `output`, each once, in note order.
    public func diagnostics(in output: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for line in output.split(separator: "\n") {
            if let diagnostic = compilerDiagnostic(line), !found.contains(diagnostic) { found.append(diagnostic) }
        }
        return found.sortedByLocation()
    }

    /// `Notes/f.md:LINE:COL: error: message` (or `warning:`), as swiftc prints it.
    private func compilerDiagnostic(_ line: Substring) -> Diagnostic? {
        let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].hasSuffix(".md"), let row = Int(parts[1]), let column = Int(parts[2]) else { return nil }
        let severity = parts[3].trimmingCharacters(in: .whitespaces)
        guard severity == "error" || severity == "warning" else { return nil }
        guard let path = pathsByFileName[(String(parts[0]) as NSString).lastPathComponent] else { return nil }
        return Diagnostic(
            severity == "error" ? .error : .warning, severity == "error" ? .compileError : .compileWarning,
            parts[4].trimmingCharacters(in: .whitespaces), at: NoteLocation(file: path, line: row, column: column))
    }
}
