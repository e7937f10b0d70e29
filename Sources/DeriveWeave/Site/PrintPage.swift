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

    /// What a note's page gives the whole-course page, kept with the page when it is carried over.
    struct Part: Codable, Sendable {
        var titleHTML: String
        var titleAnchor: String?
        var body: String
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
