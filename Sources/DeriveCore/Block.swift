/// A block of a note's Markdown, as CommonMark defines blocks, plus display math.
public indirect enum Block: Codable, Hashable, Sendable {
    /// `# Title`, with its level and a stable anchor.
    case heading(Heading)
    /// Prose.
    case paragraph(Paragraph)
    /// A fenced or indented code block.
    case code(CodeBlock)
    /// Display math standing as a block of its own.
    case math(DisplayMath)
    /// Raw HTML, which the site omits unless told to allow it.
    case html(HTMLBlock)
    /// `> quoted` blocks.
    case quote(BlockQuote)
    /// A bullet or ordered list.
    case list(ListBlock)
    /// `---` between blocks.
    case thematicBreak(NoteLocation)
    /// An image standing alone in its paragraph: a numbered figure with its caption.
    case figure(Figure)
    /// A pipe table, as GitHub writes them.
    case table(Table)
    /// `[^label]: text`, a footnote's text (the site shows it at the end of the page).
    case footnote(Footnote)

    /// Where the block starts in its note.
    public var location: NoteLocation {
        switch self {
        case .heading(let block): block.location
        case .paragraph(let block): block.location
        case .code(let block): block.location
        case .math(let block): block.location
        case .html(let block): block.location
        case .quote(let block): block.location
        case .list(let block): block.location
        case .thematicBreak(let location): location
        case .figure(let figure): figure.location
        case .table(let table): table.location
        case .footnote(let footnote): footnote.location
        }
    }
}

/// A heading: `level` 1 to 6, its inline content and the anchor the site gives it.
public struct Heading: Codable, Hashable, Sendable {
    public var level: Int
    public var content: [Inline]
    /// A slug of the heading's text, unique within the note (`the-delta-recursion`, `intro-2`).
    public var anchor: String
    public var location: NoteLocation

    /// Creates a heading.
    public init(level: Int, content: [Inline], anchor: String, location: NoteLocation) {
        self.level = level
        self.content = content
        self.anchor = anchor
        self.location = location
    }
}

/// A paragraph of inline content.
public struct Paragraph: Codable, Hashable, Sendable {
    public var content: [Inline]
    public var location: NoteLocation

    /// Creates a paragraph.
    public init(content: [Inline], location: NoteLocation) {
        self.content = content
        self.location = location
    }
}

/// Display math: TeX kept byte for byte, with its optional `{#eq-name}` label.
public struct DisplayMath: Codable, Hashable, Sendable {
    /// The TeX between the delimiters.
    public var tex: String
    /// The label's name (`eq-loss`), if the equation has one.
    public var label: String?
    /// Where the math starts (its opening `$$`, or the fence of a `math` block).
    public var location: NoteLocation
    /// Where the TeX itself starts, for errors the renderer finds inside it.
    public var texLocation: NoteLocation
    /// Where the label is written (`{#eq-name}`), when it stands apart from the math's start.
    public var labelLocation: NoteLocation?

    /// Creates display math.
    public init(tex: String, label: String?, location: NoteLocation, texLocation: NoteLocation, labelLocation: NoteLocation? = nil) {
        self.tex = tex
        self.label = label
        self.location = location
        self.texLocation = texLocation
        self.labelLocation = labelLocation
    }
}

/// Raw HTML as written.
public struct HTMLBlock: Codable, Hashable, Sendable {
    public var html: String
    public var location: NoteLocation

    /// Creates an HTML block.
    public init(html: String, location: NoteLocation) {
        self.html = html
        self.location = location
    }
}

/// A block quote and the blocks inside it; GitHub's `> [!NOTE]` makes it a callout.
public struct BlockQuote: Codable, Hashable, Sendable {
    public var blocks: [Block]
    public var location: NoteLocation
    /// The callout's kind (`note`, `tip`, `important`, `warning`, `caution`), if it is one.
    public var callout: String?

    /// Creates a block quote.
    public init(blocks: [Block], location: NoteLocation, callout: String? = nil) {
        self.blocks = blocks
        self.location = location
        self.callout = callout
    }
}

/// A figure: an image alone in its paragraph, its alt text the caption, with an optional
/// `{#fig-name}` label written right after it.
public struct Figure: Codable, Hashable, Sendable {
    /// The image's source, as written.
    public var source: String
    /// The image's title, as written.
    public var title: String
    /// The caption (the image's alt text).
    public var caption: [Inline]
    /// The label (`fig-network`), if it has one.
    public var label: String?
    /// Where the image starts.
    public var location: NoteLocation

    /// Creates a figure.
    public init(source: String, title: String, caption: [Inline], label: String?, location: NoteLocation) {
        self.source = source
        self.title = title
        self.caption = caption
        self.label = label
        self.location = location
    }
}

/// A list; each item is a sequence of blocks.
public struct ListBlock: Codable, Hashable, Sendable {
    /// Whether the list is numbered.
    public var isOrdered: Bool
    /// The first number of an ordered list.
    public var start: Int
    /// A tight list shows its items' paragraphs without spacing.
    public var isTight: Bool
    public var items: [[Block]]
    public var location: NoteLocation
    /// GitHub's task list boxes, one per item: checked, unchecked, or nil for an item without one.
    public var tasks: [Bool?]

    /// Creates a list.
    public init(isOrdered: Bool, start: Int, isTight: Bool, items: [[Block]], location: NoteLocation, tasks: [Bool?] = []) {
        self.isOrdered = isOrdered
        self.start = start
        self.isTight = isTight
        self.items = items
        self.location = location
        self.tasks = tasks
    }
}

/// A pipe table: a header row, then body rows, every cell inline content.
public struct Table: Codable, Hashable, Sendable {
    /// Each column's alignment: `left`, `center`, `right`, or nil.
    public var alignments: [String?]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var location: NoteLocation

    /// Creates a table.
    public init(alignments: [String?], header: [[Inline]], rows: [[[Inline]]], location: NoteLocation) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.location = location
    }
}

/// A footnote's definition: its label and its text.
public struct Footnote: Codable, Hashable, Sendable {
    public var label: String
    public var content: [Inline]
    public var location: NoteLocation

    /// Creates a footnote.
    public init(label: String, content: [Inline], location: NoteLocation) {
        self.label = label
        self.content = content
        self.location = location
    }
}
