import DeriveCore
import DeriveMarkdown
import DeriveResolve
import Testing

/// Parses and resolves `text` as the note `Notes/t.md`.
private func resolve(_ text: String) throws -> (resolution: NoteResolution, diagnostics: [Diagnostic]) {
    Resolver().resolve(try #require(NoteParser().parse(text, path: "Notes/t.md").note))
}

private func located(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.id)@\($0.location.line):\($0.location.column)" }
}

@Suite("Resolving a note: equations, citations, implements=, chunks")
struct ResolverTests {
    @Test func equationsAreNumberedInDocumentOrderAndDuplicatesAreErrors() throws {
        let note = "$$\na\n$$ {#eq-a}\n\n$$\nb\n$$\n\n$$\nc\n$$ {#eq-c}\n\n$$\nd\n$$ {#eq-a}\n"
        let (resolution, diagnostics) = try resolve(note)
        #expect(resolution.equations.map(\.label) == ["eq-a", "eq-c"])
        #expect(resolution.equations.map(\.number) == [1, 2])
        #expect(located(diagnostics) == ["label.duplicate@15:4"])
        #expect(diagnostics.first?.message == "equation label 'eq-a' is already defined at line 3")
    }

    @Test func citationsAndImplementsMustNameALabelOfTheNote() throws {
        let note = "$$\nx\n$$ {#eq-x}\n\nSee @eq-x and @eq-y.\n\n```swift implements=eq-x,eq-z\nlet a = 1\n```\n"
        let (resolution, diagnostics) = try resolve(note)
        #expect(located(diagnostics) == ["citation.unknown-label@5:15", "implements.unknown-label@7:1"])
        #expect(resolution.codeBlocks.map(\.implements) == [["eq-x"]])
        #expect(resolution.implementers(of: "eq-x").map(\.number) == [1])
    }

    @Test func undefinedReferenceIsAnErrorAtItsLineAndColumn() throws {
        let diagnostics = try resolve("text\n\n```swift\nfunc f() {\n    <<missing>>\n}\n```\n").diagnostics
        #expect(located(diagnostics) == ["chunk.undefined@5:5"])
    }

    @Test func referenceCycleIsAnErrorAtTheReferenceThatClosesIt() throws {
        let note = "```swift\n<<a>>\n```\n\n```swift #a\n<<b>>\n```\n\n```swift #b\n<<a>>\n```\n"
        let diagnostics = try resolve(note).diagnostics
        #expect(located(diagnostics) == ["chunk.cycle@10:1"])
        #expect(diagnostics.first?.message == "chunk references form a cycle: <<a>> -> <<b>> -> <<a>>")
    }

    @Test func aChunkUsedTwiceIsWalkedOnceAndReportedOnce() throws {
        let note = "```swift\n<<a>>\n<<a>>\n```\n\n```swift #a\n<<gone>>\n```\n"
        #expect(located(try resolve(note).diagnostics) == ["chunk.undefined@7:1"])
    }

    @Test func unusedChunkIsAWarning() throws {
        let diagnostics = try resolve("```swift #lonely\nlet a = 1\n```\n").diagnostics
        #expect(located(diagnostics) == ["chunk.unused@1:1"])
        #expect(diagnostics.first?.severity == .warning)
    }

    /// Tangle and weave read one resolution, so they agree: a chunk used only by a block that is
    /// shown and not compiled is unused (tangle) and "shown, not compiled" (weave), never "used".
    @Test func aChunkUsedOnlyFromAnIgnoredBlockIsNotCompiled() throws {
        let note = "```swift ignore\n<<body>>\n```\n\n```swift #body\nfunc f() {}\n```\n"
        let (resolution, diagnostics) = try resolve(note)
        let chunk = try #require(resolution.chunks["body"])
        #expect(chunk.definitions == [2])
        #expect(chunk.uses.isEmpty)
        #expect(chunk.shownUses == [1])
        #expect(!chunk.isCompiled)
        #expect(!chunk.isTopLevel)
        #expect(located(diagnostics) == ["chunk.unused@5:1"])
    }

    @Test func aChunkReferencedAtTheStartOfALineIsTopLevel() throws {
        let note = "```swift\n<<decls>>\nfunc g() {\n    <<local>>\n}\n```\n\n```swift #decls\nfunc f() {}\n```\n\n```swift #local\nlet x = 1\n```\n"
        let chunks = try resolve(note).resolution.chunks
        #expect(chunks["decls"]?.isTopLevel == true)
        #expect(chunks["local"]?.isTopLevel == false)
        #expect(chunks["local"]?.isCompiled == true)
    }

    @Test func aNoteThatDerivesGradientsWithoutACheckGetsAWarning() throws {
        let unchecked = try resolve("```swift gradient\nlet g = 1\n```\n")
        #expect(unchecked.diagnostics.map(\.id) == [.checkMissing])
        #expect(!unchecked.resolution.declaresDerivationCheck)
        for call in ["checkDerivation(at: p)", "checkDerivationWithoutAutodiff(at: p)"] {
            let checked = try resolve("```swift gradient\nlet g = 1\n```\n\n```swift test\n@Test func d() { \(call) }\n```\n")
            #expect(checked.diagnostics.isEmpty, "\(call)")
            #expect(checked.resolution.declaresDerivationCheck)
        }
    }
}
