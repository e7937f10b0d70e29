import DeriveCore
import Foundation

/// What the `print` template shows: the whole course on one page (`print.html`), every listed
/// note in reading order with its numbering, for printing and for `derive pdf` (a Mustache view;
/// HTML fields are trusted).
struct PrintPage {
    /// One note's section: its anchor (`n02`), title and body, their ids prefixed and their links
    /// moved to this page (`PrintAnchors`).
    struct Section {
        var anchor: String
        var title: String
        var titleHTML: String
        var titleAnchor: String?
        var body: String
    }

    /// What a note's page gives the whole-course page: its title's and body's HTML.
    struct Part {
        var titleHTML: String
        var body: String
    }

    /// Where a note's part is once its page is written, kept with the page when it is carried
    /// over: the title's HTML, and which bytes of the page are the body's (nil when the page's
    /// template does not hold the body as rendered; the note is then rendered again for this page).
    struct Placement: Codable, Sendable {
        var titleHTML: String
        var body: Range<Int>?

        /// Where `part` is in `page`, the bytes of the note's page.
        init(_ part: PrintPage.Part, in page: Data) {
            titleHTML = part.titleHTML
            var html = part.body
            body = html.withUTF8 { html in page.withUnsafeBytes { $0.firstRange(of: UnsafeRawBufferPointer(html)) } }
        }
    }

    var title: String
    var windowTitle: String
    var description: String?
    var author: String?
    var canonical: String?
    /// From the page to the site's root: nothing.
    var root = ""
    var sections: [Section]
}

extension PrintPage.Section: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = [
        "anchor": \.anchor, "title": \.title, "titleHTML": \.titleHTML, "titleAnchor": \.titleAnchor, "body": \.body,
    ]
}
