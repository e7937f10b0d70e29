import DeriveCore
import Foundation

/// A course's settings, from `derive.yml` at its root; every field has a default, so a course
/// needs no file at all.
public struct CourseConfiguration: Codable, Hashable, Sendable {
    /// The course's title, on the index page and in every window title.
    public var title = "Notes"
    /// Who wrote the course.
    public var author: String?
    /// One paragraph about the course, for the index page and search engines.
    public var description: String?
    /// The site's public address, for canonical links (`https://example.org/course/`).
    public var url: URL?
    /// The notes folder, relative to the course root.
    public var notes = "Notes"
    /// The site folder, relative to the course root.
    public var site = "Site"
    /// Whether the site has the whole course on one page, `print.html` (which `derive pdf`
    /// prints); a big course may turn it off, since the page holds every note.
    public var print = true
    /// A folder of the course's own templates and `theme.css`, relative to the course root.
    public var theme: String?
    /// TeX macros every formula of the course may use, written once (`\R: \mathbb{R}`).
    public var macros: [String: String] = [:]
    /// The course's notation, declared once: each symbol's TeX, meaning, shape and Swift name;
    /// the weave lists them on the notation page with the equations that use them.
    public var notation: [NotationSymbol] = []
    /// The `node` executable that runs KaTeX.
    public var node = "/usr/bin/node"
    /// The folder that holds the `katex` node module.
    public var katex = "/usr/share/nodejs"
    /// The folder that holds KaTeX's stylesheet and fonts.
    public var katexAssets = "/usr/share/javascript/katex"

    /// The defaults.
    public init() {}

    /// The file name Derive looks for at a course's root.
    public static let fileName = "derive.yml"
}
