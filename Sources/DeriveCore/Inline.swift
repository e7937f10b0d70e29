/// Inline content of a paragraph or heading, as CommonMark defines it, plus math and citations.
public indirect enum Inline: Codable, Hashable, Sendable {
    /// Plain text.
    case text(String)
    /// A line break inside a paragraph that renders as a space.
    case softBreak
    /// A hard line break.
    case lineBreak
    /// `` `code` ``.
    case code(String)
    /// `*emphasis*`.
    case emphasis([Inline])
    /// `**strong**`.
    case strong([Inline])
    /// `~~struck out~~`, as GitHub writes it.
    case strikethrough([Inline])
    /// `[text](destination "title")`, with where it starts (nil for links built by hand).
    case link(destination: String, title: String, content: [Inline], location: NoteLocation? = nil)
    /// `![alt](source "title")`, with where it starts (nil for images built by hand).
    case image(source: String, title: String, alt: [Inline], location: NoteLocation? = nil)
    /// Raw inline HTML as written.
    case html(String)
    /// `$...$` inside prose (display math always stands as a block of its own).
    case math(InlineMath)
    /// `[^label]`, a reference to a footnote.
    case footnoteReference(String)
    /// `@eq-name` (or `@fig-name`, `@sec-name`), a citation of a labelled equation, figure or section.
    case citation(Citation)

    /// The text a reader would see, without markup (for anchors, titles and alt text).
    public var plainText: String { plainText(math: \.tex) }

    /// The text a reader would see, without markup, each formula as `math` writes it.
    public func plainText(math: (InlineMath) -> String) -> String {
        switch self {
        case .text(let text), .code(let text): text
        case .softBreak, .lineBreak: " "
        case .emphasis(let content), .strong(let content), .strikethrough(let content), .link(_, _, let content, _):
            content.plainText(math: math)
        case .image(_, _, let alt, _): alt.plainText(math: math)
        case .html, .footnoteReference: ""
        case .math(let formula): math(formula)
        case .citation(let citation): citation.label
        }
    }
}

extension Array where Element == Inline {
    /// The text a reader would see, without markup.
    public var plainText: String { plainText(math: \.tex) }

    /// The text a reader would see, without markup, each formula as `math` writes it.
    public func plainText(math: (InlineMath) -> String) -> String { map { $0.plainText(math: math) }.joined() }
}

/// Math inside prose: TeX kept byte for byte.
public struct InlineMath: Codable, Hashable, Sendable {
    /// The TeX between the delimiters.
    public var tex: String
    /// Where the TeX starts (just after the opening `$`).
    public var location: NoteLocation

    /// Creates inline math.
    public init(tex: String, location: NoteLocation) {
        self.tex = tex
        self.location = location
    }
}

/// A citation `@eq-name` of a labelled equation.
public struct Citation: Codable, Hashable, Sendable {
    /// The label cited, without `@` (`eq-loss`).
    public var label: String
    /// Where the `@` stands.
    public var location: NoteLocation

    /// Creates a citation.
    public init(label: String, location: NoteLocation) {
        self.label = label
        self.location = location
    }
}
