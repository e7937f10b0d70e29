import DeriveCore

extension NoteRenderer {
    /// KaTeX's HTML for `tex`; rejected TeX is an error at `location` and shows as its source.
    mutating func math(_ tex: String, display: Bool, at location: NoteLocation) throws -> String {
        switch try math.render(tex, display: display) {
        case .html(let html, let warnings):
            for warning in warnings {
                diagnostics.append(Diagnostic(.warning, .mathTeXWarning, "TeX: \(warning)", at: location))
            }
            return html
        case .error(let message):
            diagnostics.append(Diagnostic(.error, .mathTeXError, "TeX error: \(message)", at: location))
            return "<code class=\"math-source\">\(tex.htmlEscaped)</code>"
        }
    }

    /// A display equation: numbered and anchored when labelled, with links to the code that
    /// implements it.
    mutating func equation(_ display: DisplayMath) throws -> String {
        let rendered = try math(display.tex, display: true, at: display.texLocation)
        guard let label = display.label else {
            return "<div class=\"equation\">\(rendered)</div>\n"
        }
        let number = resolution.equationNumber(of: label).map { "<span class=\"equation-number\">(\($0))</span>" } ?? ""
        var html = "<div class=\"equation\" id=\"\(label.htmlEscaped)\">"
            + "<div class=\"equation-math\">\(rendered)</div>\(number)</div>\n"
        let implementers = resolution.implementers(of: label)
        if !implementers.isEmpty {
            let links = implementers.map { "<a href=\"#\($0.anchor)\">\($0.linkText.htmlEscaped)</a>" }
            html += "<p class=\"implemented-by\">Implemented by \(links.joined(separator: ", ")).</p>\n"
        }
        return html
    }
}
