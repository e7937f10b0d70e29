/// Blocks encode as one object with a `kind` ("heading", "paragraph", ...) beside the fields of
/// the block, which reads well in `derive dump`.
extension Block {
    private enum CodingKeys: String, CodingKey { case kind, location }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "heading": self = .heading(try Heading(from: decoder))
        case "paragraph": self = .paragraph(try Paragraph(from: decoder))
        case "code": self = .code(try CodeBlock(from: decoder))
        case "math": self = .math(try DisplayMath(from: decoder))
        case "html": self = .html(try HTMLBlock(from: decoder))
        case "quote": self = .quote(try BlockQuote(from: decoder))
        case "list": self = .list(try ListBlock(from: decoder))
        case "thematicBreak": self = .thematicBreak(try container.decode(NoteLocation.self, forKey: .location))
        case "figure": self = .figure(try Figure(from: decoder))
        case "table": self = .table(try Table(from: decoder))
        case "footnote": self = .footnote(try Footnote(from: decoder))
        case let kind:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown block kind '\(kind)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .heading(let block): try container.encode("heading", forKey: .kind); try block.encode(to: encoder)
        case .paragraph(let block): try container.encode("paragraph", forKey: .kind); try block.encode(to: encoder)
        case .code(let block): try container.encode("code", forKey: .kind); try block.encode(to: encoder)
        case .math(let block): try container.encode("math", forKey: .kind); try block.encode(to: encoder)
        case .html(let block): try container.encode("html", forKey: .kind); try block.encode(to: encoder)
        case .quote(let block): try container.encode("quote", forKey: .kind); try block.encode(to: encoder)
        case .list(let block): try container.encode("list", forKey: .kind); try block.encode(to: encoder)
        case .thematicBreak(let location):
            try container.encode("thematicBreak", forKey: .kind)
            try container.encode(location, forKey: .location)
        case .figure(let block): try container.encode("figure", forKey: .kind); try block.encode(to: encoder)
        case .table(let block): try container.encode("table", forKey: .kind); try block.encode(to: encoder)
        case .footnote(let block): try container.encode("footnote", forKey: .kind); try block.encode(to: encoder)
        }
    }
}
