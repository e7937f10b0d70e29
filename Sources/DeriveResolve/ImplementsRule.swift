import DeriveCore

/// The lint rule on `implements=` links: a block's role says what kind of formula it computes,
/// and the equations it names must be of that kind, as their TeX shows.
///
/// A `delta` or `gradient` block computes a derivative or an error term, so each equation it
/// implements must contain one (`\partial`, `\delta`, `\Delta`, `\nabla`); an `update` block
/// assigns new parameters, so each must contain an assignment (`\leftarrow`, `\gets`, `:=`).
/// It reads only the note's text, so `derive lint` checks it without compiling anything.
enum ImplementsRule {
    /// What the TeX of an equation implemented by a block of each role must contain, one of.
    static let markers: [CodeRole: [String]] = [
        .delta: [#"\partial"#, #"\delta"#, #"\Delta"#, #"\nabla"#],
        .gradient: [#"\partial"#, #"\delta"#, #"\Delta"#, #"\nabla"#],
        .update: [#"\leftarrow"#, #"\gets"#, ":="],
    ]

    /// A diagnostic for each link of `blocks` to an equation of `equations` that is not of the block's kind.
    static func diagnostics(for blocks: [CodeBlock], equations: [DisplayMath]) -> [Diagnostic] {
        let tex = Dictionary(equations.compactMap { math in math.label.map { ($0, math.tex) } }, uniquingKeysWith: { first, _ in first })
        var found: [Diagnostic] = []
        for block in blocks {
            guard let role = block.attributes.role, let wanted = markers[role] else { continue }
            for label in block.attributes.implements {
                guard let equation = tex[label], !wanted.contains(where: equation.containsBytes) else { continue }
                let kind = role == .update ? "an assignment" : "a derivative or an error term"
                found.append(Diagnostic(
                    .warning, .implementsRoleMismatch,
                    "a '\(role.rawValue)' block implements \(kind), but equation '\(label)' has none ("
                        + wanted.joined(separator: ", ") + "); link the equation this block computes",
                    at: block.location))
            }
        }
        return found
    }
}
