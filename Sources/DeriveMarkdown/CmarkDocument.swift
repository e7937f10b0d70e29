import CCmark

/// The one place that touches cmark's C API: parses CommonMark and copies the tree into
/// `MarkdownNode` values, then frees cmark's tree before returning.
enum CmarkDocument {
    /// How deep nodes may nest (block quotes in block quotes, emphasis in emphasis): deeper
    /// content is not copied, and the parser reports `markdown.too-deep`. The tree is walked
    /// recursively in every stage, so this bounds the stack a note can take.
    static let maximumNesting = 1000

    /// Parses `text` as CommonMark (no smart punctuation, no raw-HTML filtering: the weaver decides).
    static func parse(_ text: String) -> MarkdownNode {
        parse(bytes: Array(text.utf8), blocksOnly: false)
    }

    /// Parses `lines` joined with `\n` as CommonMark, as `parse(_:)` does; the joined bytes live
    /// only while cmark reads them. With `blocksOnly`, only the block structure is kept (what the
    /// math scanners need of a first parse, at a fraction of the cost): every block's kind,
    /// source range, heading level and list properties, but no text and no inlines, the copy
    /// stopping at paragraphs and headings; cmark reads the lines masked (`BlockSkeleton`).
    static func parse(lines: [[UInt8]], blocksOnly: Bool = false) -> MarkdownNode {
        parse(bytes: blocksOnly ? BlockSkeleton.joinedBytes(lines) : SourceText.joinedBytes(lines), blocksOnly: blocksOnly)
    }

    private static func parse(bytes consumed: consuming [UInt8], blocksOnly: Bool) -> MarkdownNode {
        var bytes = consumed
        let parsed = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }
        _ = consume bytes
        guard let root = parsed else { return MarkdownNode(kind: .document) }
        defer { cmark_node_free(root) }
        // Each top-level block is freed once copied, so that cmark's tree and its copy are never
        // both whole in memory (on a large note they are each many times the note's size).
        var document = MarkdownNode(kind: .document)
        document.startLine = Int(cmark_node_get_start_line(root))
        document.startColumn = Int(cmark_node_get_start_column(root))
        document.endLine = Int(cmark_node_get_end_line(root))
        document.endColumn = Int(cmark_node_get_end_column(root))
        let line = document.startLine > 0 ? document.startLine : 1
        var cutAtLine: Int?
        var child = cmark_node_first_child(root)
        while let current = child {
            document.children.append(copy(current, depth: 1, blockLine: line, blocksOnly: blocksOnly, cutAtLine: &cutAtLine))
            child = cmark_node_next(current)
            cmark_node_free(current)
        }
        document.nestingCutAtLine = cutAtLine
        return document
    }

    /// `node` and what is below it; `blockLine` is the line of the nearest block above (inlines have none).
    private static func copy(_ node: OpaquePointer, depth: Int, blockLine: Int, blocksOnly: Bool, cutAtLine: inout Int?) -> MarkdownNode {
        var value = MarkdownNode(kind: kind(of: node))
        value.startLine = Int(cmark_node_get_start_line(node))
        value.startColumn = Int(cmark_node_get_start_column(node))
        value.endLine = Int(cmark_node_get_end_line(node))
        value.endColumn = Int(cmark_node_get_end_column(node))
        switch value.kind {
        // A blocks-only copy keeps no text (cmark read it masked); its inlines are never reached.
        case .codeBlock where !blocksOnly:
            value.literal = string(cmark_node_get_literal(node))
            value.fenceInfo = string(cmark_node_get_fence_info(node))
        case .htmlBlock where !blocksOnly, .text, .code, .htmlInline:
            value.literal = string(cmark_node_get_literal(node))
        case .heading:
            value.headingLevel = Int(cmark_node_get_heading_level(node))
        case .list:
            value.isOrderedList = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            value.listStart = Int(cmark_node_get_list_start(node))
            value.isTightList = cmark_node_get_list_tight(node) != 0
        case .link, .image:
            value.url = string(cmark_node_get_url(node))
            value.title = string(cmark_node_get_title(node))
        default:
            break
        }
        let line = value.startLine > 0 ? value.startLine : blockLine
        if blocksOnly, value.kind == .paragraph || value.kind == .heading { return value }
        if depth >= maximumNesting, cmark_node_first_child(node) != nil {
            cutAtLine = cutAtLine ?? line
            return value
        }
        var child = cmark_node_first_child(node)
        while let current = child {
            value.children.append(copy(current, depth: depth + 1, blockLine: line, blocksOnly: blocksOnly, cutAtLine: &cutAtLine))
            child = cmark_node_next(current)
        }
        return value
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .document
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
