import DeriveCore
import Foundation
import Testing

/// A `swift` block of the exercise `name` with `role`, its fence at `line`.
private func block(_ code: String, role: CodeRole, exercise name: String, line: Int) -> Block {
    .code(CodeBlock(
        language: "swift", words: [role.rawValue, "exercise=\(name)"], attributes: CodeAttributes(role: role, exercise: name),
        code: code, location: Fixtures.location("Notes/01-a.md", line), firstCodeLine: line + 1, codeColumn: 1))
}

@Suite("Weaving exercises: the stub shown, the solution folded")
struct ExerciseWeaveTests {
    @Test func theStubIsShownWithItsCommandAndTheSolutionIsFoldedInDetails() throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.heading(3, "Exercise 1: one", anchor: "exercise-1-one"),
            block("func one() -> Int { 0 }\n", role: .exercise, exercise: "one", line: 3),
            block("func one() -> Int { 1 }\n", role: .solution, exercise: "one", line: 7),
            block("@Test func oneIsOne() { #expect(one() == 1) }\n", role: .test, exercise: "one", line: 11),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")

        #expect(page.contains("<figure class=\"code role-exercise\" id=\"code-1\">"))
        #expect(page.contains("<span class=\"role\">Exercise</span> <span class=\"exercise-name\">one</span>"))
        #expect(page.contains("<p class=\"exercise-command\">Fill this in, then run <code>derive exercise one</code>"))
        // The solution is closed until the reader opens it: <details> without `open`, no script needed.
        let folded = try #require(page.range(of: "<details class=\"solution\">\n<summary>Solution</summary>\n<figure class=\"code role-solution\" id=\"code-2\">"))
        let closing = try #require(page.range(of: "</details>", range: folded.upperBound..<page.endIndex))
        #expect(page[folded.upperBound..<closing.lowerBound].contains("<span class=\"hl-num\">1</span>"))
        #expect(!page.contains("<details class=\"solution\" open"))
        #expect(page.contains("<span class=\"exercise-name\">grades exercise one</span>"))
        // The page's index of declarations lists the stub's `one`, once.
        #expect(page.components(separatedBy: "href=\"#code-1\"").count > page.components(separatedBy: "href=\"#code-2\"").count)
    }
}
