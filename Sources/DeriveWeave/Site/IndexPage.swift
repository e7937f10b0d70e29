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

    var title: String
    var notes: [Entry]
    var checksRun: Bool
}
