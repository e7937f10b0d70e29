/// Inline content encodes as one object with a `kind` ("text", "math", ...) beside its fields.
extension Inline {
    private enum CodingKeys: String, CodingKey { case kind, text, content, destination, source, title, alt, location }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "text": self = .text(try container.decode(String.self, forKey: .text))
        case "softBreak": self = .softBreak
        case "lineBreak": self = .lineBreak
        case "code": self = .code(try container.decode(String.self, forKey: .text))
        case "emphasis": self = .emphasis(try container.decode([Inline].self, forKey: .content))
        case "strong": self = .strong(try container.decode([Inline].self, forKey: .content))
        case "strikethrough": self = .strikethrough(try container.decode([Inline].self, forKey: .content))
        case "link":
            self = .link(
                destination: try container.decode(String.self, forKey: .destination),
                title: try container.decode(String.self, forKey: .title),
                content: try container.decode([Inline].self, forKey: .content),
                location: try container.decodeIfPresent(NoteLocation.self, forKey: .location))
        case "image":
            self = .image(
                source: try container.decode(String.self, forKey: .source),
                title: try container.decode(String.self, forKey: .title),
                alt: try container.decode([Inline].self, forKey: .alt),
                location: try container.decodeIfPresent(NoteLocation.self, forKey: .location))
        case "html": self = .html(try container.decode(String.self, forKey: .text))
        case "footnoteReference": self = .footnoteReference(try container.decode(String.self, forKey: .text))
        case "math": self = .math(try InlineMath(from: decoder))
        case "citation": self = .citation(try Citation(from: decoder))
        case let kind:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown inline kind '\(kind)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode("text", forKey: .kind)
            try container.encode(text, forKey: .text)
        case .softBreak: try container.encode("softBreak", forKey: .kind)
        case .lineBreak: try container.encode("lineBreak", forKey: .kind)
        case .code(let text):
            try container.encode("code", forKey: .kind)
            try container.encode(text, forKey: .text)
        case .emphasis(let content):
            try container.encode("emphasis", forKey: .kind)
            try container.encode(content, forKey: .content)
        case .strong(let content):
            try container.encode("strong", forKey: .kind)
            try container.encode(content, forKey: .content)
        case .strikethrough(let content):
            try container.encode("strikethrough", forKey: .kind)
            try container.encode(content, forKey: .content)
        case .link(let destination, let title, let content, let location):
            try container.encode("link", forKey: .kind)
            try container.encode(destination, forKey: .destination)
            try container.encode(title, forKey: .title)
            try container.encode(content, forKey: .content)
            try container.encodeIfPresent(location, forKey: .location)
        case .image(let source, let title, let alt, let location):
            try container.encode("image", forKey: .kind)
            try container.encode(source, forKey: .source)
            try container.encode(title, forKey: .title)
            try container.encode(alt, forKey: .alt)
            try container.encodeIfPresent(location, forKey: .location)
        case .html(let html):
            try container.encode("html", forKey: .kind)
            try container.encode(html, forKey: .text)
        case .footnoteReference(let label):
            try container.encode("footnoteReference", forKey: .kind)
            try container.encode(label, forKey: .text)
        case .math(let math):
            try container.encode("math", forKey: .kind)
            try math.encode(to: encoder)
        case .citation(let citation):
            try container.encode("citation", forKey: .kind)
            try citation.encode(to: encoder)
        }
    }
}
