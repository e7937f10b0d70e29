/// What the `note` template shows: one note's page (a Mustache view; HTML fields are trusted).
struct NotePage {
    /// A link with its text, both to be escaped by the template.
    struct Link {
        var href: String
        var text: String
    }

    /// A heading in the table of contents.
    struct Contents {
        var anchor: String
        var text: String
        var level: Int
    }

    /// A Swift declaration and the blocks that declare it.
    struct Declaration {
        var kind: String
        var name: String
        var blocks: [Link]
    }

    /// The note's title as plain text.
    var title: String
    /// `Note title · Course title`, for the window title.
    var windowTitle: String
    /// The note's summary, for its `<meta name="description">`.
    var description: String?
    var author: String?
    /// The page's canonical address, when the site's public address is configured.
    var canonical: String?
    /// From the page to the site's root (`../` per folder), for the stylesheet and the index.
    var root: String
    /// The course's title, in the masthead.
    var courseTitle: String = ""
    /// The course's notes, a section per folder, this one marked and its headings below it: only
    /// for a theme whose templates name it (Derive's fill the sidebar from `toc.js`), since on
    /// every page it makes the site grow as the square of the course.
    var sidebar: [SidebarSection] = []
    /// This note's own entry in the sidebar, with its headings, as the `sidebar-entry` template
    /// shows it (HTML); empty for a draft, which the sidebar does not list.
    var sidebarEntryHTML = ""
    /// The page's address from the site's root, as `toc.js` links to it.
    var sidebarPage = ""
    /// From the page to the notation page, when the course declares a notation.
    var notationHref: String?
    /// From the page to the whole-course page, when the site has one.
    var printHref: String?

    /// A folder's notes in the sidebar.
    struct SidebarSection {
        /// The folder's heading (named so that an absent one never falls back to the page's title).
        var heading: String?
        var notes: [SidebarEntry]
        /// The notes as the `sidebar-entry` template shows them, one after the other, as HTML:
        /// every page of a folder shows the same entries but its own, so each is rendered once.
        var entriesHTML = ""
    }

    /// A note in the sidebar: a link from this page, and this page's headings when it is this one.
    struct SidebarEntry {
        var href: String
        var title: String
        var current: Bool
        var contents: [Contents]
    }
    /// The title as the page's `<h1>` shows it (math rendered), as HTML.
    var titleHTML: String
    /// The anchor of the note's own title heading, if it starts with one.
    var titleAnchor: String?
    var isDraft: Bool
    var contents: [Contents]
    var previous: Link?
    var next: Link?
    /// The rendered note, as HTML.
    var body: String
    var results: ResultsSection
    var declarations: [Declaration]
    /// The note's path, for the footer.
    var source: String
    var sourceDigest: String
    /// On the course's front page (`Notes/index.md`): the course's contents, as the index lists them.
    var course: CourseContents? = nil

    /// The course's contents, as the index lists them.
    struct CourseContents {
        var sections: [IndexPage.Section]
    }
}

extension NotePage: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = [
        "title": \.title, "windowTitle": \.windowTitle, "description": \.description, "author": \.author,
        "canonical": \.canonical, "root": \.root, "courseTitle": \.courseTitle, "sidebar": \.sidebar,
        "sidebarEntryHTML": \.sidebarEntryHTML, "sidebarPage": \.sidebarPage,
        "notationHref": \.notationHref, "printHref": \.printHref, "titleHTML": \.titleHTML, "titleAnchor": \.titleAnchor, "isDraft": \.isDraft,
        "contents": \.contents, "previous": \.previous, "next": \.next, "body": \.body, "results": \.results,
        "declarations": \.declarations, "source": \.source, "sourceDigest": \.sourceDigest, "course": \.course,
    ]
}

extension NotePage.Link: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["href": \.href, "text": \.text]
}

extension NotePage.Contents: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["anchor": \.anchor, "text": \.text, "level": \.level]
}

extension NotePage.Declaration: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["kind": \.kind, "name": \.name, "blocks": \.blocks]
}

extension NotePage.CourseContents: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["sections": \.sections]
}

extension NotePage.SidebarSection: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["heading": \.heading, "notes": \.notes, "entriesHTML": \.entriesHTML]
}

extension NotePage.SidebarEntry: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = [
        "href": \.href, "title": \.title, "current": \.current, "contents": \.contents,
    ]
}

/// What the `sidebar` template shows: the course's notes, a section per folder, as `toc.js`
/// puts them in every page's sidebar.
struct SidebarView {
    var sections: [NotePage.SidebarSection]
}

extension SidebarView: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["sections": \.sections]
}
