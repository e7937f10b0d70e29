/// What the `index` template shows: the notes in order with their check status (a Mustache view).
struct IndexPage {
    /// One note's line in the index.
    struct Entry {
        var href: String
        var title: String
        var summary: String?
        var status: String
        var statusText: String
    }

    /// The course's title.
    var title: String
    /// The window title (the course's title).
    var windowTitle: String
    /// The course's description, for the page and its `<meta name="description">`.
    var description: String?
    var author: String?
    /// The page's canonical address, when the site's public address is configured.
    var canonical: String?
    /// The notes, a section per folder, in reading order.
    var sections: [Section]
    /// From the index to the site's root: nothing.
    var root = ""
    /// The course's title, in the masthead.
    var courseTitle: String
    var checksRun: Bool
    /// Whether the course declares a notation, so that the index links its page.
    var hasNotation = false
    /// Whether the site has the whole-course page, so that the index links it.
    var hasPrintPage = true
    /// Whether the index links any page of the whole course (the notation, the whole-course page).
    var hasCoursePages = true

    /// One folder's notes; the top folder's section has no title.
    struct Section {
        var folder: String
        /// The section's heading (named so that an absent one never falls back to the page's title).
        var heading: String?
        var notes: [Entry]
    }
}

/// What the `search` and `notfound` templates show: the course's title, nothing of a note.
struct SitePage {
    var title: String
    var windowTitle: String
    var courseTitle: String
    var root: String
    var description: String?
    var author: String?
    var canonical: String?
}

extension IndexPage.Entry: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = [
        "href": \.href, "title": \.title, "summary": \.summary, "status": \.status, "statusText": \.statusText,
    ]
}

extension IndexPage.Section: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["folder": \.folder, "heading": \.heading, "notes": \.notes]
}
