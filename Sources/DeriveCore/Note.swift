/// One parsed note: its front matter, its Markdown as blocks, and what the later stages need.
public struct Note: Codable, Hashable, Sendable {
    /// The note's path as the user wrote it (`Notes/01-intro.md`); every location uses it.
    public var path: String
    /// The note's file name without `.md` (`01-intro`); names its tangled files and its page.
    public var stem: String
    /// The title: front matter `title`, else the first level-1 heading, else the stem.
    public var title: String
    /// One sentence for the index page, from front matter `summary`.
    public var summary: String?
    /// A draft is tangled and tested but left out of the site's index.
    public var isDraft: Bool
    /// The note's Markdown, front matter excluded, as blocks in document order.
    public var blocks: [Block]
    /// A hex digest of the note's bytes, shown in the site's footer.
    public var sourceDigest: String

    /// Creates a note.
    public init(
        path: String, stem: String, title: String, summary: String?, isDraft: Bool,
        blocks: [Block], sourceDigest: String
    ) {
        self.path = path
        self.stem = stem
        self.title = title
        self.summary = summary
        self.isDraft = isDraft
        self.blocks = blocks
        self.sourceDigest = sourceDigest
    }
}
