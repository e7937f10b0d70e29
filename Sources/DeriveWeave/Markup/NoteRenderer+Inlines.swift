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
            return "<br />\n"
        case .code(let code):
            return "<code>\(code.htmlEscaped)</code>"
        case .emphasis(let content):
            return "<em>\(try inlines(content))</em>"
        case .strong(let content):
            return "<strong>\(try inlines(content))</strong>"
        case .strikethrough(let content):
            return "<del>\(try inlines(content))</del>"
        case .link(let destination, let title, let content, _):
            return try link(to: destination, title: title, content: content)
        case .image(let source, let title, let alt, _):
            return image(source, title: title, alt: alt)
        case .html(let raw):
            // Omitted without a warning: inline HTML has no location to give one.
            return allowsRawHTML ? raw : ""
        case .math(let math):
            return try self.math(math.tex, display: false, at: math.location)
        case .citation(let citation):
            return cite(citation)
        case .footnoteReference(let label):
            guard let number = resolution.footnotes.firstIndex(of: label).map({ $0 + 1 }) else { return "[^\(label.htmlEscaped)]" }
            let id = "fn-" + label
            return "<sup class=\"footnote-ref\"><a href=\"#\(id.htmlEscaped)\" id=\"fnref-\(label.htmlEscaped)\">\(number)</a></sup>"
        }
    }

    private mutating func link(to destination: String, title: String, content: [Inline]) throws -> String {
        let text = try inlines(content)
        guard LinkPolicy.allows(destination, isImage: false) else { return "<span class=\"dropped-link\">\(text)</span>" }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
        // A link to a note leads to its page, from this page's folder.
        let href = resolution.links[destination].map { SitePath.href(from: note.pagePath, to: $0) } ?? destination
        return "<a href=\"\(SitePath.encodedHref(href).htmlEscaped)\"\(titleAttribute)>\(text)</a>"
    }

    func image(_ source: String, title: String, alt: [Inline]) -> String {
        let altText = alt.plainText.htmlEscaped
        guard LinkPolicy.allows(source, isImage: true) else { return "<span class=\"dropped-image\">\(altText)</span>" }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
        return "<img src=\"\(SitePath.encodedHref(source).htmlEscaped)\" alt=\"\(altText)\"\(titleAttribute) />"
    }

    /// A link to what `citation` names, reading `(3)`, `(2.3)`, `Figure 1` or a section's title;
    /// the label as text when it resolves to nothing (the resolve stage reports that).
    private func cite(_ citation: Citation) -> String {
        guard let target = resolution.citations[citation.label] else { return "@\(citation.label.htmlEscaped)" }
        let href = (target.pagePath == note.pagePath ? "" : SitePath.href(from: note.pagePath, to: target.pagePath)) + "#" + target.anchor
        return "<a class=\"citation\" href=\"\(href.htmlEscaped)\">\(target.text.htmlEscaped)</a>"
    }
}
