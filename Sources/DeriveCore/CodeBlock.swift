/// A code block of a note, with what its info string says about it.
public struct CodeBlock: Codable, Hashable, Sendable {
    /// The first word of the info string (`swift`), empty when there is none.
    public var language: String
    /// The words after the language, as written.
    public var words: [String]
    /// What the words say: role, chunk name, equations implemented, whether compiled.
    public var attributes: CodeAttributes
    /// The code, each line ending in a newline, as cmark gives it (container indentation removed).
    public var code: String
    /// Where the block starts: the opening fence, or the first line of an indented block.
    public var location: NoteLocation
    /// The note line of the code's first line.
    public var firstCodeLine: Int
    /// The note column where the code's lines start (more than 1 inside lists and quotes).
    public var codeColumn: Int

    /// Creates a code block.
    public init(
        language: String, words: [String], attributes: CodeAttributes, code: String,
        location: NoteLocation, firstCodeLine: Int, codeColumn: Int
    ) {
        self.language = language
        self.words = words
        self.attributes = attributes
        self.code = code
        self.location = location
        self.firstCodeLine = firstCodeLine
        self.codeColumn = codeColumn
    }

    /// Whether the block is Swift that the tangler compiles (a `swift` block without `ignore`).
    public var isCompiled: Bool { language == "swift" && !attributes.isIgnored }

    /// The code's lines, without their newlines.
    public var lines: [Substring] {
        // Split at each newline byte: a search of the UTF-8, not of Characters (which costs
        // grapheme breaking on every character). A `\r\n` is one Character, which splitting at
        // Characters keeps whole; such code (cmark's never has one) takes the Character path.
        guard !code.utf8.contains(UInt8(ascii: "\r")) else {
            var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
        var lines: [Substring] = []
        var start = code.startIndex
        while let newline = code.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(code[start..<newline])
            start = code.utf8.index(after: newline)
        }
        if start < code.endIndex { lines.append(code[start...]) }
        return lines
    }
}

/// What a code block's info-string words say (see NOTE-FORMAT.md, "Code blocks").
public struct CodeAttributes: Codable, Hashable, Sendable {
    /// The block's role, at most one.
    public var role: CodeRole?
    /// `#name`: the chunk this block defines (it is then emitted only where referenced).
    public var chunkName: String?
    /// `implements=eq-name`: the labels of the equations this block implements.
    public var implements: [String]
    /// `ignore`: shown, never compiled.
    public var isIgnored: Bool
    /// `figure=fig-name` (comma-separated for several): the labels of the figures an `example`
    /// block draws, in the order it draws them.
    public var figures: [String]
    /// `exercise=name`: the exercise an `exercise`, `solution` or `test` block belongs to.
    public var exercise: String?

    /// Creates attributes.
    public init(
        role: CodeRole? = nil, chunkName: String? = nil, implements: [String] = [], isIgnored: Bool = false, figures: [String] = [],
        exercise: String? = nil
    ) {
        self.role = role
        self.chunkName = chunkName
        self.implements = implements
        self.isIgnored = isIgnored
        self.figures = figures
        self.exercise = exercise
    }
}

/// What a code block is, in the derivation; the site labels blocks by role.
public enum CodeRole: String, Codable, Hashable, Sendable, CaseIterable {
    case forward, loss, delta, gradient, update, test
    /// A worked example: compiled like a test, run by the check pass, its output woven after it.
    case example
    /// An exercise's stub, which the student fills in, and its author's solution (`exercise=name` pairs them).
    case exercise, solution

    /// How the site labels a block of this role.
    public var label: String {
        switch self {
        case .forward: "Forward pass"
        case .loss: "Loss"
        case .delta: "δ (error)"
        case .gradient: "Gradient"
        case .update: "Update"
        case .test: "Test"
        case .example: "Worked example"
        case .exercise: "Exercise"
        case .solution: "Solution"
        }
    }
}
