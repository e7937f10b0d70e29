import DeriveCore
import DeriveMarkdown
import DeriveTangle
import Testing

/// Parses and tangles `text` as the note `Notes/t.md`.
private func tangle(_ text: String, path: String = "Notes/t.md") -> (tangled: TangledNote, diagnostics: [Diagnostic]) {
    Tangler().tangle(NoteParser().parse(text, path: path).note!)
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
    @Test func blocksAreWrappedInSourceLocationAtTheirLines() {
        let result = tangle("# T\n\n```swift\nlet a = 1\n```\n\n```swift test\n@Test func t() {}\n```\n")
        #expect(body(result.tangled.moduleSource) == """
            #sourceLocation(file: "Notes/t.md", line: 4)
            let a = 1
            #sourceLocation()
            """)
        #expect(body(result.tangled.testSource) == """
            #sourceLocation(file: "Notes/t.md", line: 8)
            @Test func t() {}
            #sourceLocation()
            """)
        #expect(result.tangled.testSource.contains("@testable import Notes"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func ignoredAndOtherLanguagesAreNotCompiled() {
        let result = tangle("```swift ignore\nlet no = 1\n```\n\n```python\nx = 1\n```\n")
        #expect(!result.tangled.moduleSource.contains("let no"))
        #expect(!result.tangled.moduleSource.contains("x = 1"))
    }

    @Test func listIndentationIsRestoredSoColumnsMatchTheNote() {
        let result = tangle("- item\n\n  ```swift\n  let a = 1\n  ```\n")
        #expect(body(result.tangled.moduleSource).contains("\n  let a = 1\n"))
    }

    @Test func chunksExpandWithTheReferenceIndentation() {
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
        let result = tangle(note)
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

    @Test func definingAChunkTwiceAppendsInDocumentOrder() {
        let note = "```swift\n<<c>>\n```\n\n```swift #c\nlet a = 1\n```\n\n```swift #c\nlet b = 2\n```\n"
        let source = tangle(note).tangled.moduleSource
        let a = source.range(of: "let a = 1"), b = source.range(of: "let b = 2")
        #expect(a != nil && b != nil && a!.lowerBound < b!.lowerBound)
    }

    @Test func nestedChunksAccumulateIndentation() {
        let note = "```swift\nenum E {\n    <<outer>>\n}\n```\n\n```swift #outer\nstatic func f() {\n    <<inner>>\n}\n```\n\n```swift #inner\nprint(1)\n```\n"
        #expect(tangle(note).tangled.moduleSource.contains("\n        print(1)\n"))
    }

    @Test func undefinedReferenceIsAnErrorAtItsLineAndColumn() {
        let diagnostics = tangle("text\n\n```swift\nfunc f() {\n    <<missing>>\n}\n```\n").diagnostics
        #expect(diagnostics.map { "\($0.id)@\($0.location.line):\($0.location.column)" } == ["chunk.undefined@5:5"])
    }

    @Test func referenceCycleIsAnError() {
        let note = "```swift\n<<a>>\n```\n\n```swift #a\n<<b>>\n```\n\n```swift #b\n<<a>>\n```\n"
        let diagnostics = tangle(note).diagnostics
        #expect(diagnostics.map(\.id) == ["chunk.cycle"])
        #expect(diagnostics.first?.location.line == 10)
        #expect(diagnostics.first?.message.contains("<<a>> -> <<b>> -> <<a>>") == true)
    }

    @Test func unusedChunkIsAWarning() {
        let diagnostics = tangle("```swift #lonely\nlet a = 1\n```\n").diagnostics
        #expect(diagnostics.map(\.id) == ["chunk.unused"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func firstCaseOfASwitchFromAChunkCompilesWithoutADirectiveBeforeIt() {
        let note = "```swift\nswitch x {\n<<cases>>\n}\n```\n\n```swift #cases\ncase 1: break\ndefault: break\n```\n"
        let source = body(tangle(note).tangled.moduleSource)
        #expect(source.contains("switch x {\ncase 1: break\n#sourceLocation(file: \"Notes/t.md\", line: 9)\ndefault: break"))
    }

    @Test func twoNotesWithTheSameStemCollide() {
        let a = NoteParser().parse("```swift\nlet a = 1\n```\n", path: "Notes/a/01-x.md").note!
        let b = NoteParser().parse("```swift\nlet b = 1\n```\n", path: "Notes/b/01-X.md").note!
        let diagnostics = Tangler().tangle([a, b]).diagnostics
        #expect(diagnostics.map(\.id) == ["tangle.output-collision"])
        #expect(diagnostics.first?.location.file == "Notes/b/01-X.md")
    }

    @Test func tanglingIsDeterministicInAnyOrder() {
        let notes = (1...5).map { index in
            NoteParser().parse("```swift\nlet v\(index) = \(index)\n<<c>>\n```\n\n```swift #c\nlet w\(index) = 0\n```\n", path: "Notes/0\(index).md").note!
        }
        let forward = Tangler().tangle(notes).tangled
        let backward = Tangler().tangle(notes.reversed()).tangled
        #expect(Set(forward) == Set(backward))
        #expect(forward == Tangler().tangle(notes).tangled)
    }

    @Test func pathsAreEscapedInDirectives() {
        let source = tangle("```swift\nlet a = 1\n```\n", path: "Notes/quo\"te.md").tangled.moduleSource
        #expect(source.contains(#"#sourceLocation(file: "Notes/quo\"te.md", line: 2)"#))
    }

    @Test func derivationCheckLintWarnsWhenGradientsAreUnchecked() {
        let unchecked = NoteParser().parse("```swift gradient\nlet g = 1\n```\n", path: "Notes/t.md").note!
        let checked = NoteParser().parse(
            "```swift gradient\nlet g = 1\n```\n\n```swift test\n@Test func d() { checkDerivation(at: p) }\n```\n", path: "Notes/t.md").note!
        #expect(DerivationCheckLint.diagnostics(for: unchecked).map(\.id) == ["check.missing"])
        #expect(DerivationCheckLint.diagnostics(for: checked).isEmpty)
    }
}
