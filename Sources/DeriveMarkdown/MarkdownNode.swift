/// A node of cmark's document tree, copied into a Swift value with its source range.
///
/// This is what `CmarkDocument` hands the rest of the parser; no C type leaves that file.
struct MarkdownNode: Hashable, Sendable {
    /// The kinds of node cmark produces.
    enum Kind: Hashable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
    }

    var kind: Kind
    /// Text of leaf nodes: code, text, HTML.
    var literal: String = ""
    /// The info string of a fenced code block.
    var fenceInfo: String = ""
    /// Heading level.
    var headingLevel = 0
    /// List properties.
    var isOrderedList = false
    var listStart = 0
    var isTightList = false
    /// Link and image destination and title.
    var url = ""
    var title = ""
    /// The 1-based source range cmark reports (block nodes only; zero for inlines).
    var startLine = 0
    var startColumn = 0
    var endLine = 0
    var endColumn = 0
    var children: [MarkdownNode] = []
    /// On the document: the line of the first node nested deeper than
    /// `CmarkDocument.maximumNesting`, whose children were not copied.
    var nestingCutAtLine: Int?
}

extension MarkdownNode {
    /// This node and those below it moved down `lines` lines, and right `firstColumn` columns
    /// on their first line: a piece of a note parsed alone, placed where it stands in the note.
    func shifted(lines: Int, firstColumn: Int) -> MarkdownNode {
        var node = self
        if node.startLine > 0 {
            if node.startLine == 1 { node.startColumn += firstColumn }
            if node.endLine == 1 { node.endColumn += firstColumn }
            node.startLine += lines
            node.endLine += lines
        }
        node.children = children.map { $0.shifted(lines: lines, firstColumn: firstColumn) }
        return node
    }
}
