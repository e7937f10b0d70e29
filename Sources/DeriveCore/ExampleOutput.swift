/// What one executed `example` block of a note showed when the check pass ran it: its values as
/// TeX, its sentences and its figures, in the order the block produced them. The site weaves
/// them right after the block.
public struct ExampleOutput: Codable, Hashable, Sendable {
    /// The path of the note whose block ran (`Notes/01-intro.md`).
    public var note: String
    /// The note line of the block's opening fence.
    public var line: Int
    /// What the block showed, in order.
    public var items: [Item]

    /// One thing an example shows.
    public enum Item: Codable, Hashable, Sendable {
        /// A value as display TeX (`a^{[1]} = \begin{bmatrix} ... \end{bmatrix}`), rendered by KaTeX.
        case math(String)
        /// A sentence, shown as plain text.
        case text(String)
        /// A figure: a drawing, its caption (plain text) and the label the block declares for it.
        case figure(label: String, caption: String, drawing: Drawing)
    }

    /// Creates the output of the block at `line` of `note`.
    public init(note: String, line: Int, items: [Item]) {
        self.note = note
        self.line = line
        self.items = items
    }
}
