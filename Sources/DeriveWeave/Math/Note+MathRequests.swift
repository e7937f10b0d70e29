import DeriveCore

extension Note {
    /// Every formula of the note as KaTeX is asked for it, in document order: display math and
    /// the inline math of paragraphs and headings, however deeply nested (not image text, which is plain).
    var mathRequests: [KaTeXRenderer.Request] {
        var found: [KaTeXRenderer.Request] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .math(let math): found.append(.init(tex: math.tex, display: false))
                case .emphasis(let content), .strong(let content), .link(_, _, let content):
                    visit(content)
                default: break
                }
            }
        }
        Block.forEach(in: blocks) { block in
            switch block {
            case .paragraph(let paragraph): visit(paragraph.content)
            case .heading(let heading): visit(heading.content)
            case .math(let display): found.append(.init(tex: display.tex, display: true))
            default: break
            }
        }
        return found
    }
}
