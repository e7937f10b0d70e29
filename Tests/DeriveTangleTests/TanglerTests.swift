import DeriveCore
import DeriveMarkdown
import DeriveResolve
import DeriveTangle
import Testing

/// Parses, resolves and tangles `text` as the note `Notes/t.md`, with every diagnostic on the way.
private func tangle(_ text: String, path: String = "Notes/t.md") throws -> (tangled: TangledNote, diagnostics: [Diagnostic]) {
    let parsed = NoteParser().parse(text, path: path)
    let note = try #require(parsed.note)
    let resolved = Resolver().resolve(note)
    return (Tangler().tangle(note, resolution: resolved.resolution), parsed.diagnostics + resolved.diagnostics)
}

/// The lines of `source` after its import header, without the blank lines at the end.
private func body(_ source: String) -> String {
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        .drop { $0.hasPrefix("//") || $0.hasPrefix("import") || $0.hasPrefix("@testable") || $0.isEmpty }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
}

@Suite("Tangling notes into Swift")
struct TanglerTests {
    @Test func blocksAreWrappedInSourceLocationAtTheirLines() throws {
        let result = try tangle("# T\n\n```swift\nlet a = 1\n```\n\n```swift test\n@Test func t() throws {}\n```\n")
        #expect(body(result.tangled.moduleSource) == """
            #sourceLocation(file: "Notes/t.md", line: 4)
            let a = 1
            #sourceLocation()
            """)
        #expect(body(result.tangled.testSource) == """
            #sourceLocation(file: "Notes/t.md", line: 8)
            @Test func t() throws {}
            #sourceLocation()
            """)
        #expect(result.tangled.testSource.contains("@testable import Notes"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func ignoredAndOtherLanguagesAreNotCompiled() throws {
        let result = try tangle("```swift ignore\nlet no = 1\n```\n\n```python\nx = 1\n```\n")
        #expect(!result.tangled.moduleSource.contains("let no"))
        #expect(!result.tangled.moduleSource.contains("x = 1"))
    }

    @Test func listIndentationIsRestoredSoColumnsMatchTheNote() throws {
        let result = try tangle("- item\n\n  ```swift\n  let a = 1\n  ```\n")
        #expect(body(result.tangled.moduleSource).contains("\n  let a = 1\n"))
    }

    @Test func chunksExpandWithTheReferenceIndentation() throws {
        let note = """
            ```swift
            func f() -> Int {
                <<body>>
            }
            ```

            ```swift #body
            let x = 1
            return x
            ```
            """
        let result = try tangle(note)
        #expect(result.diagnostics.isEmpty)
        #expect(body(result.tangled.moduleSource) == """
            #sourceLocation(file: "Notes/t.md", line: 2)
            func f() -> Int {
            #sourceLocation(file: "Notes/t.md", line: 8)
                let x = 1
                return x
            #sourceLocation(file: "Notes/t.md", line: 4)
            }
            #sourceLocation()
            """)
    }

    @Test func definingAChunkTwiceAppendsInDocumentOrder() throws {
        let note = "```swift\n<<c>>\n```\n\n```swift #c\nlet a = 1\n```\n\n```swift #c\nlet b = 2\n```\n"
        let source = try tangle(note).tangled.moduleSource
        let a = try #require(source.range(of: "let a = 1")), b = try #require(source.range(of: "let b = 2"))
        #expect(a.lowerBound < b.lowerBound)
    }

    @Test func nestedChunksAccumulateIndentation() throws {
        let note = "```swift\nenum E {\n    <<outer>>\n}\n```\n\n```swift #outer\nstatic func f() {\n    <<inner>>\n}\n```\n\n```swift #inner\nprint(1)\n```\n"
        #expect(try tangle(note).tangled.moduleSource.contains("\n        print(1)\n"))
    }

    @Test func firstCaseOfASwitchFromAChunkCompilesWithoutADirectiveBeforeIt() throws {
        let note = "```swift\nswitch x {\n<<cases>>\n}\n```\n\n```swift #cases\ncase 1: break\ndefault: break\n```\n"
        let source = body(try tangle(note).tangled.moduleSource)
        #expect(source.contains("switch x {\ncase 1: break\n#sourceLocation(file: \"Notes/t.md\", line: 9)\ndefault: break"))
    }

    @Test func twoNotesWithTheSameStemCollide() throws {
        let a = try #require(NoteParser().parse("```swift\nlet a = 1\n```\n", path: "Notes/a/01-x.md").note)
        let b = try #require(NoteParser().parse("```swift\nlet b = 1\n```\n", path: "Notes/b/01-X.md").note)
        let resolutions = [a, b].map { Resolver().resolve($0).resolution }
        let diagnostics = Tangler().tangle([a, b], resolutions: resolutions).diagnostics
        #expect(diagnostics.map(\.id) == [.outputCollision])
        #expect(diagnostics.first?.location.file == "Notes/b/01-X.md")
    }

    @Test func pathsAreEscapedInDirectives() throws {
        let source = try tangle("```swift\nlet a = 1\n```\n", path: "Notes/quo\"te.md").tangled.moduleSource
        #expect(source.contains(#"#sourceLocation(file: "Notes/quo\"te.md", line: 2)"#))
    }

}

@Suite("Tangling notes in folders")
struct FolderTanglingTests {
    @Test func notesOfOneNameInTwoFoldersTangleIntoTwoFiles() throws {
        let a = try #require(NoteParser().parse("```swift\nlet a = 1\n```\n", path: "Notes/a/01-x.md", relativePath: "a/01-x.md").note)
        let b = try #require(NoteParser().parse("```swift\nlet b = 1\n```\n", path: "Notes/b/01-x.md", relativePath: "b/01-x.md").note)
        let resolutions = [a, b].map { Resolver().resolve($0).resolution }
        let (tangled, diagnostics) = Tangler().tangle([a, b], resolutions: resolutions)
        #expect(diagnostics.isEmpty)
        #expect(tangled.map(\.fileName) == ["a__01-x.swift", "b__01-x.swift"])
        #expect([a, b].map(\.pagePath) == ["a/01-x.html", "b/01-x.html"])
    }
}
