import DeriveCore
import DeriveResolve

/// What the `notation` template shows: the course's declared notation (`notation:` in
/// `derive.yml`), each symbol with its meaning, shape and Swift name, and the notes and numbered
/// equations whose TeX uses it (a Mustache view; HTML fields are trusted).
struct NotationPage {
    /// One symbol's row.
    struct Row {
        /// The symbol and its shape, rendered by KaTeX.
        var symbolHTML: String
        var shapeHTML: String?
        var meaning: String
        var swift: String?
        var macro: String?
        var notes: [Appearance]
    }

    /// A note that uses a symbol, and its numbered equations that do.
    struct Appearance {
        var href: String
        var title: String
        var equations: [NotePage.Link]
    }

    var title: String
    var windowTitle: String
    var courseTitle: String
    var root = ""
    var description: String?
    var author: String?
    var canonical: String?
    var rows: [Row]

    /// Where each of `symbols` appears among `notes` (listed, in reading order, `resolutions[i]`
    /// resolving `notes[i]`): a note when any of its formulas, display or inline, holds one of
    /// the symbol's patterns (`TeXTokens`), with its numbered equations that do.
    static func appearances(
        of symbols: [NotationSymbol], in notes: [Note], resolutions: [NoteResolution]
    ) -> [[Appearance]] {
        let patterns = symbols.map { $0.patterns.map(TeXTokens.init) }
        var found = Array(repeating: [Appearance](), count: symbols.count)
        for (note, resolution) in zip(notes, resolutions) {
            let numbers = Dictionary(resolution.equations.map { ($0.label, $0.number) }, uniquingKeysWith: { first, _ in first })
            var formulas: [(tokens: TeXTokens, label: String?)] = note.displayMath.map { (TeXTokens($0.tex), $0.label) }
            note.forEachInline { if case .math(let math) = $0 { formulas.append((TeXTokens(math.tex), nil)) } }
            let page = SitePath.encodedHref(note.pagePath)
            for (index, symbol) in patterns.enumerated() {
                let using = formulas.filter { formula in symbol.contains { formula.tokens.contains($0) } }
                guard !using.isEmpty else { continue }
                var seen = Set<String>()
                let equations = using.compactMap { formula -> NotePage.Link? in
                    guard let label = formula.label, let number = numbers[label], seen.insert(label).inserted else { return nil }
                    return NotePage.Link(href: page + "#" + SitePath.encodedHref(label), text: "(\(number))")
                }
                found[index].append(Appearance(href: page, title: note.title, equations: equations))
            }
        }
        return found
    }
}
