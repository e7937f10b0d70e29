import DeriveCore
import DeriveMarkdown

/// Parses `text` as the note `Notes/t.md`.
func parse(_ text: String) -> ParsedNote { NoteParser().parse(text, path: "Notes/t.md") }

/// The TeX of every math span of `text`, inline and display, in document order.
func mathTeX(_ text: String) -> [String] {
    guard let note = parse(text).note else { return [] }
    var found: [String] = []
    func visit(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .math(let math): found.append(math.tex)
            case .emphasis(let content), .strong(let content), .link(_, _, let content, _), .image(_, _, let content, _): visit(content)
            default: break
            }
        }
    }
    Block.forEach(in: note.blocks) { block in
        switch block {
        case .paragraph(let paragraph): visit(paragraph.content)
        case .heading(let heading): visit(heading.content)
        case .math(let math): found.append(math.tex)
        default: break
        }
    }
    return found
}

/// The plain text of the note's paragraphs, math left out.
func proseText(_ text: String) -> String {
    guard let note = parse(text).note else { return "" }
    var prose: [String] = []
    Block.forEach(in: note.blocks) { block in
        if case .paragraph(let paragraph) = block {
            prose.append(paragraph.content.filter { if case .math = $0 { false } else { true } }.plainText)
        }
    }
    return prose.joined(separator: "\n")
}

/// The ids of the diagnostics parsing `text` gives, with their lines and columns.
func diagnosticIDs(_ text: String) -> [String] {
    parse(text).diagnostics.map { "\($0.id)@\($0.location.line):\($0.location.column)" }
}
