import Foundation

/// One parsed note: its front matter, its Markdown as blocks, and what the later stages need.
public struct Note: Codable, Hashable, Sendable {
    /// The note's path as the user wrote it (`Notes/01-intro.md`); every location uses it.
    public var path: String
    /// The note's file name without `.md` (`01-intro`).
    public var stem: String
    /// The note's path inside the notes folder (`part-1/01-intro.md`): its page and its tangled
    /// files are named after it.
    public var relativePath: String
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
        blocks: [Block], sourceDigest: String, relativePath: String? = nil
    ) {
        self.path = path
        self.stem = stem
        self.relativePath = relativePath ?? stem + ".md"
        self.title = title
        self.summary = summary
        self.isDraft = isDraft
        self.blocks = blocks
        self.sourceDigest = sourceDigest
    }
}

extension Note {
    /// The note's page in the site: its relative path with `.html` (`part-1/01-intro.html`; a
    /// folder's `index.md` is that folder's `index.html`).
    public var pagePath: String { String(relativePath.dropLast(relativePath.hasSuffix(".md") ? 3 : 0)) + ".html" }

    /// The file name its tangled sources take in their folders: the relative path with `/` as
    /// `__` and `.swift` (`part-1__01-intro.swift`), so notes of one stem in two folders never meet.
    public var tangledFileName: String {
        String(relativePath.dropLast(relativePath.hasSuffix(".md") ? 3 : 0)).replacingOccurrences(of: "/", with: "__") + ".swift"
    }

    /// The folder the note is in, relative to the notes folder (`part-1`), empty at the top.
    public var folder: String {
        relativePath.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// Whether the note is its folder's page (`index.md`).
    public var isFolderIndex: Bool { (relativePath as NSString).lastPathComponent == "index.md" }
}
