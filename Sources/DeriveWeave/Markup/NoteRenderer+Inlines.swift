import DeriveCore

extension NoteRenderer {
    /// The HTML of inline content: text escaped, links checked, math rendered, citations linked.
    mutating func inlines(_ content: [Inline]) throws -> String {
        var html = ""
        for inline in content {
            html += try self.inline(inline)
        }
        return html
    }

    private mutating func inline(_ inline: Inline) throws -> String {
        switch inline {
        case .text(let text):
            return text.htmlEscaped
        case .softBreak:
            return "\n"
        case .lineBreak:
            return "<br>\n"
        case .code(let code):
            return "<code>\(code.htmlEscaped)</code>"
        case .emphasis(let content):
            return "<em>\(try inlines(content))</em>"
        case .strong(let content):
            return "<strong>\(try inlines(content))</strong>"
        case .link(let destination, let title, let content):
            return try link(to: destination, title: title, content: content)
        case .image(let source, let title, let alt):
            return image(source, title: title, alt: alt)
        case .html(let raw):
            // Omitted without a warning: inline HTML has no location to give one.
            return allowsRawHTML ? raw : ""
        case .math(let math):
            return try self.math(math.tex, display: false, at: math.location)
        case .citation(let citation):
            return cite(citation)
        }
    }

    private mutating func link(to destination: String, title: String, content: [Inline]) throws -> String {
        let text = try inlines(content)
        guard LinkPolicy.allows(destination, isImage: false) else { return "<span class=\"dropped-link\">\(text)</span>" }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
        return "<a href=\"\(destination.htmlEscaped)\"\(titleAttribute)>\(text)</a>"
    }

    private func image(_ source: String, title: String, alt: [Inline]) -> String {
        let altText = alt.plainText.htmlEscaped
        guard LinkPolicy.allows(source, isImage: true) else { return "<span class=\"dropped-image\">\(altText)</span>" }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
        return "<img src=\"\(source.htmlEscaped)\" alt=\"\(altText)\"\(titleAttribute)>"
    }

    /// A link `(n)` to the equation `citation` names; the label as text when it resolves to none
    /// (the resolve stage reports that).
    private func cite(_ citation: Citation) -> String {
        guard let number = resolution.equationNumber(of: citation.label) else { return "@\(citation.label.htmlEscaped)" }
        return "<a class=\"citation\" href=\"#\(citation.label.htmlEscaped)\">(\(number))</a>"
    }
}
