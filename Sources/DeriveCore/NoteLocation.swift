/// A position in a note: the note's path as the user wrote it, a 1-based line and a 1-based column.
///
/// Columns count UTF-8 bytes, as cmark and the Swift compiler do.
public struct NoteLocation: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The note's path, relative to where the tool was run (`Notes/01-intro.md`).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in UTF-8 bytes.
    public var column: Int

    /// Creates a location in `file` at `line` and `column`.
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location that names a whole file or folder (`derive.yml`, `Notes`), not a line in it.
    public static func whole(_ file: String) -> NoteLocation { NoteLocation(file: file, line: 0, column: 0) }

    /// `file:line:column`, the form compilers and editors understand; `file` alone for a whole file.
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }

    /// Orders locations by file, then line, then column.
    public static func < (lhs: NoteLocation, rhs: NoteLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
