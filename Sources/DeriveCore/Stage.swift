/// A stage of Derive's pipeline, in the order they run: each diagnostic names the one that found it.
public enum Stage: String, Codable, Hashable, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    /// Reading `derive.yml`.
    case config
    /// Finding the course's notes and files.
    case load
    /// Front matter, math protection and cmark: one note's text to its blocks.
    case parse
    /// Chunks, equation labels and numbers, citations and `implements=` links, once for all stages.
    case resolve
    /// Swift with `#sourceLocation`, from the resolved notes.
    case tangle
    /// Compiling the tangled notes and running their tests and derivation checks.
    case check
    /// The site: pages, math, highlighting, assets.
    case weave

    /// The stage's name, as `derive dump --stage` takes it.
    public var description: String { rawValue }

    /// Orders stages as the pipeline runs them.
    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
