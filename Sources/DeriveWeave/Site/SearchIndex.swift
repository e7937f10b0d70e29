import DeriveCache
import DeriveCore
import Foundation

/// The site's search index: every note, heading, labelled equation and Swift declaration as a
/// document, indexed at build time by lunr in node, loaded by the search page from script files
/// (so search works from disk too, where a page cannot fetch files).
///
/// The index is cut into shards of consecutive pages as the pages' documents arrive in reading
/// order, each indexed by lunr (`SearchShardWriter`) while later pages are still being rendered,
/// so that node's memory is bounded by a shard's size rather than the course's, and a build
/// indexes again only the shards whose documents changed. `search-index.js` names the shards; the search
/// page loads them all and merges their hits by score.
struct SearchIndex {
    /// One thing search can find, and where it is.
    struct Document: Codable {
        var id: String
        var title: String
        /// The note it is in, by title.
        var note: String
        /// Where it is, from the site's root.
        var href: String
        var text: String
    }

    /// One script of the index: the documents of consecutive pages, numbered from 0 within it.
    struct Shard {
        /// Its path in the site.
        var file: String
        var documents: [Document]
    }

    /// How many bytes of documents a shard holds: `typical` on average, at most `most` unless
    /// one page holds more. A shard ends after a page with a chance of the page's share of
    /// `typical`, drawn from the page's address, so that an edit to one page moves no boundary
    /// but, rarely, the one after that page (and those a shard reaching `most` moves). A
    /// megabyte of documents costs lunr about 25 MB in node.
    struct ShardSize: Sendable {
        var typical = 1 << 20
        var most = 3 << 20
    }

    /// How big its shards are.
    let size: ShardSize
    /// The shards cut so far, by path.
    private(set) var files: [String] = []
    private var current: [Document] = [], bytes = 0

    /// An empty index, to be cut into shards of `size`.
    init(size: ShardSize = ShardSize()) {
        self.size = size
    }

    /// A document for one page, numbered when it joins a shard.
    static func document(title: String, note: String, href: String, text: String) -> Document {
        Document(id: "", title: title, note: note, href: href, text: text)
    }

    /// Adds a page's documents, the pages in reading order; returns the shard the page ends, if
    /// it ends one (`search-index-N.js`, N counting from 1).
    mutating func append(_ page: [Document]) -> Shard? {
        guard let first = page.first else { return nil }
        var pageBytes = 0
        for var document in page {
            document.id = String(current.count)
            pageBytes += document.title.utf8.count + document.note.utf8.count + document.href.utf8.count + document.text.utf8.count
            current.append(document)
        }
        bytes += pageBytes
        // The page's draw: its address hashed, as a fraction of 2^32.
        let draw = Double(UInt32(CacheKey("search shard", first.href).hex.prefix(8), radix: 16) ?? 0) / 0x1_0000_0000
        guard bytes >= size.most || draw < Double(pageBytes) / Double(size.typical) else { return nil }
        return cut()
    }

    /// The last shard: the pages added since the last one cut, if there are any.
    mutating func finish() -> Shard? {
        current.isEmpty ? nil : cut()
    }

    /// `search-index.js`: the shards' scripts, which the search page loads (`window.deriveSearch.shards`).
    func loader() throws -> Data {
        struct Loader: Encodable { var shards: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Data("window.deriveSearch = ".utf8) + (try encoder.encode(Loader(shards: files))) + Data(";\n".utf8)
    }

    private mutating func cut() -> Shard {
        let shard = Shard(file: "search-index-\(files.count + 1).js", documents: current)
        files.append(shard.file)
        (current, bytes) = ([], 0)
        return shard
    }
}
