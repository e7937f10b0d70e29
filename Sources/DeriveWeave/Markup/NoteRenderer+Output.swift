import DeriveCore
import DeriveResolve

extension NoteRenderer {
    /// Under an `example` block: what it showed when the checks ran (values through KaTeX,
    /// sentences, figures numbered with the note's figures), or, before any check has run, a line
    /// saying where its output will appear. Never a stale number: outputs come with the checks'
    /// reports, which are those of exactly the code woven.
    mutating func exampleOutput(_ code: CodeBlock) throws -> String {
        guard let reports else {
            let figures = code.attributes.figures.compactMap { label in resolution.figureNumber(of: label).map { (label, $0) } }
            return "<div class=\"example-output pending\">\n<p class=\"not-run\">This example's output (its numbers"
                + (figures.isEmpty ? "" : " and " + figures.map { "Figure \($0.1)" }.joined(separator: ", "))
                + ") appears here once <code>derive check</code> or <code>derive build</code> has run it.</p>\n"
                + figures.map { "<span id=\"\($0.0.htmlEscaped)\"></span>\n" }.joined() + "</div>\n"
        }
        let output = reports.output(note: note.path, line: code.location.line)
        var html = "<div class=\"example-output\">\n"
        var drawn: [String] = []
        for item in output?.items ?? [] {
            switch item {
            case .math(let tex):
                html += "<div class=\"equation output-math\"><div class=\"equation-math\">"
                    + (try math(tex, display: true, at: code.location)) + "</div></div>\n"
            case .text(let text):
                html += "<p class=\"output-text\">\(text.htmlEscaped)</p>\n"
            case .figure(let label, let caption, let drawing):
                guard code.attributes.figures.contains(label), !drawn.contains(label),
                      let number = resolution.figureNumber(of: label) else {
                    diagnostics.append(Diagnostic(
                        .error, .exampleFigureMismatch,
                        "the example drew figure '\(label)', which its 'figure=' does not declare (or drew it twice)", at: code.location))
                    continue
                }
                drawn.append(label)
                html += "<figure class=\"figure drawn\" id=\"\(label.htmlEscaped)\">\n"
                    + "<div class=\"drawing-frame\">\(DrawingSVG(drawing: drawing, label: caption).svg)</div>\n"
                    + "<figcaption><span class=\"figure-number\">Figure \(number)</span>"
                    + (caption.isEmpty ? "" : ": " + caption.htmlEscaped) + "</figcaption>\n</figure>\n"
            }
        }
        for label in code.attributes.figures where !drawn.contains(label) {
            diagnostics.append(Diagnostic(
                .error, .exampleFigureMismatch,
                "the example declares figure '\(label)' (figure=) but did not draw it; call figure(_:label: \"\(label)\", caption:)",
                at: code.location))
        }
        if output?.items.isEmpty ?? true { html += "<p class=\"not-run\">This example showed nothing.</p>\n" }
        return html + "</div>\n"
    }
}
