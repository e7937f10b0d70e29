/// One symbol of a course's notation, declared once (under `notation:` in `derive.yml`): its TeX,
/// what it means, its shape, the Swift name that holds it, and an optional KaTeX macro for it.
public struct NotationSymbol: Codable, Hashable, Sendable {
    /// The symbol as TeX (`\delta^{[l]}`), shown on the notation page.
    public var tex: String
    /// What it stands for, in words.
    public var meaning: String
    /// Its shape, as TeX (`n_l \times m`), if it has one.
    public var shape: String?
    /// The Swift name that holds it in the notes' code (`delta`, `Matrix.w`), if any.
    public var swift: String?
    /// A macro every formula may use for it (`\Wt`, defined as `tex`), if any.
    public var macro: String?
    /// The TeX that marks an equation as using the symbol; `[tex]` (and the macro) when not declared.
    public var match: [String]
    /// Where the declaration starts, for diagnostics (`derive.yml:LINE:COL`).
    public var location: NoteLocation

    /// A symbol as declared.
    public init(
        tex: String, meaning: String, shape: String? = nil, swift: String? = nil, macro: String? = nil, match: [String]? = nil,
        location: NoteLocation
    ) {
        self.tex = tex
        self.meaning = meaning
        self.shape = shape
        self.swift = swift
        self.macro = macro
        self.match = match ?? [tex]
        self.location = location
    }

    /// What an equation's TeX is searched for: the `match` fragments, and the macro.
    public var patterns: [String] { match + (macro.map { [$0] } ?? []) }
}
