import DeriveCore
import Foundation

/// What a site build may do, what it says about the course, and where it finds its tools.
public struct SiteOptions: Sendable {
    /// The course's title, on the index page and in every window title.
    public var title: String
    /// One paragraph about the course, on the index page and in its `<meta name="description">`.
    public var description: String?
    /// Who wrote the course, in every page's `<meta name="author">` and footer.
    public var author: String?
    /// The site's public address (`https://example.org/course/`), for canonical links; nil when unknown.
    public var publicURL: URL?
    /// TeX macros every formula of the course may use (`\R` -> `\mathbb{R}`).
    public var macros: [String: String]
    /// The course's notation, listed on the notation page (`notation.html`) when it declares any.
    public var notation: [NotationSymbol]
    /// A course's own templates and stylesheet (`theme.css`), which replace and extend Derive's.
    public var theme: URL?
    /// Whether the site has the whole course on one page, `print.html`, linked from every page.
    public var printsWholeCourse: Bool
    /// Whether raw HTML written in notes reaches the pages; off by default, so no note can run script.
    public var allowsRawHTML: Bool
    /// The `node` executable that runs KaTeX.
    public var nodeExecutable: URL
    /// The folder that holds the `katex` node module, given to node as `NODE_PATH`.
    public var nodeModules: URL
    /// The folder that holds KaTeX's `katex.min.css` and `fonts/`, copied into the site.
    public var katexAssets: URL
    /// The folder that holds `lunr.js` and `lunr.min.js` (Debian's `libjs-lunr`), for search.
    public var lunr: URL
    /// How many pages are rendered, and how many KaTeX processes run, at once: one per core by default.
    public var jobs: Int
    /// The folder of the cache kept across builds (`.build/derive/cache`), or nil for none.
    public var cacheDirectory: URL?
    /// How big a shard of the search index is (tests make them small).
    var searchShardSize = SearchIndex.ShardSize()

    /// Options with Debian's node and KaTeX (`katex`, `libjs-katex`) and raw HTML omitted.
    public init(
        title: String = "Notes", description: String? = nil, author: String? = nil, publicURL: URL? = nil,
        macros: [String: String] = [:], notation: [NotationSymbol] = [], theme: URL? = nil, printsWholeCourse: Bool = true,
        allowsRawHTML: Bool = false,
        nodeExecutable: URL = URL(fileURLWithPath: "/usr/bin/node"),
        nodeModules: URL = URL(fileURLWithPath: "/usr/share/nodejs"),
        katexAssets: URL = URL(fileURLWithPath: "/usr/share/javascript/katex"),
        lunr: URL = URL(fileURLWithPath: "/usr/share/javascript/lunr"),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, cacheDirectory: URL? = nil
    ) {
        self.title = title
        self.description = description
        self.author = author
        self.publicURL = publicURL
        self.macros = macros
        self.notation = notation
        self.theme = theme
        self.printsWholeCourse = printsWholeCourse
        self.allowsRawHTML = allowsRawHTML
        self.nodeExecutable = nodeExecutable
        self.nodeModules = nodeModules
        self.katexAssets = katexAssets
        self.lunr = lunr
        self.jobs = max(1, jobs)
        self.cacheDirectory = cacheDirectory
    }

    /// The canonical address of the page at `path` in the site, when the public address is known.
    func canonicalURL(of path: String) -> String? {
        guard let publicURL else { return nil }
        let base = publicURL.absoluteString.hasSuffix("/") ? publicURL.absoluteString : publicURL.absoluteString + "/"
        return base + (path == "index.html" ? "" : path)
    }
}
