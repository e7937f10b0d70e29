import DeriveCore
import DeriveMarkdown
import DeriveResolve
import DeriveTangle
import Testing

@Suite("Tangling executed examples")
struct ExampleTangleTests {
    @Test func anExampleBlockBecomesATestThatRecordsItsOutputAtItsFence() throws {
        let text = "# T\n\n```swift #two\nlet two = 2\n```\n\n```swift example\nlet x = 1\n<<two>>\nshow(\"\\(x + two)\")\n```\n"
        let parsed = NoteParser().parse(text, path: "Notes/t.md")
        let note = try #require(parsed.note)
        let resolved = Resolver().resolve(note)
        let tangled = Tangler().tangle(note, resolution: resolved.resolution)
        #expect(parsed.diagnostics.isEmpty && resolved.diagnostics.isEmpty)
        #expect(!tangled.moduleSource.contains("let x = 1"))
        #expect(tangled.testSource.contains("""
            #sourceLocation(file: "Notes/t.md", line: 7)
            @Test("Worked example at line 7") func workedExample7() throws {
                try WorkedExample.record(note: "Notes/t.md", line: 7) {
            #sourceLocation(file: "Notes/t.md", line: 8)
            let x = 1
            #sourceLocation(file: "Notes/t.md", line: 4)
            let two = 2
            #sourceLocation(file: "Notes/t.md", line: 10)
            show("\\(x + two)")
            #sourceLocation()
                }
            }
            """))
    }
}
