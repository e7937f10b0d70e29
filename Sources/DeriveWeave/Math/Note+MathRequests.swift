import DeriveCore

extension Note {
    /// Every formula of the note as KaTeX is asked for it, in document order: display math and
    /// the inline math of all its prose (paragraphs, headings, captions, table cells, footnotes).
    var mathRequests: [KaTeXRenderer.Request] {
        var found: [KaTeXRenderer.Request] = []
        Block.forEach(in: blocks) { if case .math(let display) = $0 { found.append(.init(tex: display.tex, display: true)) } }
        forEachInline { if case .math(let math) = $0 { found.append(.init(tex: math.tex, display: false)) } }
        return found
    }
}
