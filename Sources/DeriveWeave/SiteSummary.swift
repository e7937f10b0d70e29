import DeriveCore

/// What a successful site build wrote, and what it found worth saying.
public struct SiteSummary: Sendable {
    /// The pages written, relative to the site folder, in order: `index.html`, then one per note.
    public var pages: [String]
    /// Warnings and notes (a build with errors throws instead), sorted by location.
    public var diagnostics: [Diagnostic]
    /// How much math KaTeX rendered and how fast.
    public var math: MathStatistics
    /// How many of the search index's shards node indexed, of how many (the others were carried over).
    public var searchShards = (indexed: 0, total: 0)
    /// What was wrong with the cache (a truncated file, an entry failing its checksum), each once;
    /// the bad entries were rebuilt.
    public var cacheDamage: [String] = []
}
