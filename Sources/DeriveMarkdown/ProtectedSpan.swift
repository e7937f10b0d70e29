import DeriveCore

/// A stretch of a note that Markdown must not see: math, or a citation of an equation.
///
/// Positions are 1-based lines and 1-based byte columns of the original note; `end` is exclusive.
struct ProtectedSpan: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case inlineMath
        case displayMath(label: String?, labelColumn: Int)
        case citation(label: String)
    }

    var kind: Kind
    /// The TeX (empty for citations), byte for byte, container prefixes of later lines removed.
    var tex: String
    /// Where the span starts (its opening `$`, `$$` or `@`).
    var start: Position
    /// Where the TeX starts.
    var texStart: Position
    /// Just past the span's last byte (closing delimiter and label included).
    var end: Position

    /// A line and a column.
    struct Position: Hashable, Sendable, Comparable {
        var line: Int
        var column: Int

        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.column) < (rhs.line, rhs.column)
        }

        /// This position as a location in `file`.
        func location(in file: String) -> NoteLocation {
            NoteLocation(file: file, line: line, column: column)
        }
    }
}
