@testable import DeriveWeave
import Testing

/// The views templates read through key paths name every stored property, so that a field added
/// to a view is never silently missing from its pages.
@Suite("Template views: fields by key path")
struct TemplateViewTests {
    private static let link = NotePage.Link(href: "b.html", text: "B")
    private static let contents = NotePage.Contents(anchor: "setup", text: "Setup", level: 2)
    private static let entry = IndexPage.Entry(href: "a.html", title: "A", summary: nil, status: "pass", statusText: "passed")

    /// The stored properties' names, from reflection.
    private func storedNames(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    private func expectFields<View: TemplateView>(of view: View) {
        #expect(Set(View.fields.keys) == storedNames(view), "\(View.self)")
    }

    @Test func everyViewNamesEveryStoredProperty() {
        let page = NotePage(
            title: "T", windowTitle: "T · C", description: nil, author: nil, canonical: nil, root: "",
            titleHTML: "T", titleAnchor: nil, isDraft: false, contents: [Self.contents], previous: nil, next: Self.link, body: "<p>x</p>",
            results: ResultsSection(notePath: "Notes/a.md", reports: nil), declarations: [], source: "Notes/a.md", sourceDigest: "d")
        expectFields(of: page)
        expectFields(of: Self.link)
        expectFields(of: Self.contents)
        expectFields(of: NotePage.SidebarSection(heading: nil, notes: []))
        expectFields(of: NotePage.SidebarEntry(href: "a.html", title: "A", current: true, contents: []))
        expectFields(of: Self.entry)
        expectFields(of: IndexPage.Section(folder: "", heading: nil, notes: [Self.entry]))
        expectFields(of: PrintPage.Section(anchor: "n00", title: "A", titleHTML: "A", titleAnchor: nil, body: ""))
        expectFields(of: NotePage.Declaration(kind: "func", name: "f", blocks: [Self.link]))
        expectFields(of: NotePage.CourseContents(sections: []))
        expectFields(of: page.results)
        let row = ResultsSection.Row(name: "W", shape: "2×3", finiteDifferenceError: "1e-9", autodiffError: "0", tolerance: "1e-6", passed: true)
        expectFields(of: row)
        expectFields(of: ResultsSection.Derivation(subject: "f", line: 3, passed: true, expectsRejection: false, rows: [row]))
        let result = ResultsSection.Result(name: "loss", value: "0.1")
        expectFields(of: result)
        expectFields(of: ResultsSection.Training(line: 9, svg: "<svg/>", results: [result]))
    }

    @Test func aFieldReadsAsThroughReflection() {
        let entry = NotePage.SidebarEntry(href: "a.html", title: "A", current: false, contents: [])
        #expect(entry.child(named: "title") as? String == "A")
        #expect(entry.child(named: "current") as? Bool == false)
        #expect(entry.child(named: "unknown") == nil)
        // An absent optional is no value at all (the lookup goes on up the stack); a present one is its value.
        #expect(NotePage.SidebarSection(heading: nil, notes: []).child(named: "heading") == nil)
        #expect(NotePage.SidebarSection(heading: "Part", notes: []).child(named: "heading") as? String == "Part")
    }
}
