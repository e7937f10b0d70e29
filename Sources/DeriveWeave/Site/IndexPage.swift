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
    var notes: [Entry]
    var checksRun: Bool
}
