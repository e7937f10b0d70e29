/// Something a stage found wrong (or worth saying) about a note, at a place in that note.
///
/// Diagnostics are values: stages collect them and go on where they can, and the worst severity
/// decides the exit status. Only the command-line driver turns them into text.
public struct Diagnostic: Codable, Hashable, Sendable, CustomStringConvertible {
    /// How bad a diagnostic is, from `note` to `error`.
    public enum Severity: String, Codable, Hashable, Sendable, Comparable, CaseIterable {
        case note, warning, error

        /// Orders severities from `note` to `error`.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The kind of problem: a stable name (`chunk.undefined`) and the stage that finds it.
    public var id: ID
    /// How bad it is.
    public var severity: Severity
    /// What is wrong, in words for the note's author.
    public var message: String
    /// Where in the note (line 0: the file, or folder, as a whole).
    public var location: NoteLocation

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ id: ID, _ message: String, at location: NoteLocation) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// The stage of the pipeline that found it.
    public var stage: Stage { id.stage }

    /// `Notes/f.md:LINE:COL: error: message`, the form compilers print.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Sequence where Element == Diagnostic {
    /// Whether any of these diagnostics is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// These diagnostics in the order a reader expects: by file, line and column, then by message.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
