/// Something a stage found wrong (or worth saying) about a note, at a place in that note.
///
/// Diagnostics are values: stages collect them and go on where they can, and the worst severity
/// decides the exit status. Only the command-line driver turns them into text.
public struct Diagnostic: Codable, Hashable, Sendable, CustomStringConvertible {
    /// How bad a diagnostic is.
    public enum Severity: String, Codable, Hashable, Sendable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        /// Orders severities from `note` to `error`.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable identifier for the kind of problem (`chunk.undefined`), for tests and tooling.
    public var id: String
    /// How bad it is.
    public var severity: Severity
    /// What is wrong, in words for the note's author.
    public var message: String
    /// Where in the note.
    public var location: NoteLocation

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ id: String, _ message: String, at location: NoteLocation) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
    }

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

/// Thrown when work cannot go on; carries every diagnostic found so far.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, at least one of which is an error.
    public var diagnostics: [Diagnostic]

    /// Wraps `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
