import DeriveCore
import DeriveMarkdown
import Testing

@Suite("Code fences: plain words and pandoc's attribute syntax")
struct CodeInfoTests {
    private func block(_ info: String) throws -> CodeBlock {
        let note = try #require(parse("```\(info)\nlet a = 1\n```\n").note)
        return try #require(note.codeBlocks.first)
    }

    @Test func attributeSyntaxMeansTheSameAsPlainWords() throws {
        let plain = try block("swift #name delta implements=eq-x")
        let braces = try block("{.swift #name .delta implements=eq-x}")
        let mixed = try block("swift {#name .delta implements=eq-x}")
        for found in [braces, mixed] {
            #expect(found.language == plain.language)
            #expect(found.attributes == plain.attributes)
        }
        #expect(plain.attributes == CodeAttributes(role: .delta, chunkName: "name", implements: ["eq-x"]))
    }

    @Test func anotherToolsBlockIsShownAndItsWordsAreNeverErrors() throws {
        let python = try block("{.python .input n=1}")
        #expect(python.language == "python")
        #expect(!python.isCompiled)
        #expect(diagnosticIDs("```{.python .input n=1}\nx = 1\n```\n").isEmpty)
        #expect(diagnosticIDs("```r eval=FALSE echo\nx <- 1\n```\n").isEmpty)
    }

    @Test func aNearMissOfOurWordsInAnotherLanguageIsAWarningAtTheWord() {
        #expect(diagnosticIDs("```python gradeint\nx = 1\n```\n") == ["info.unknown-word@1:11"])
        let diagnostic = parse("```python gradeint\nx = 1\n```\n").diagnostics.first
        #expect(diagnostic?.severity == .warning)
        #expect(diagnostic?.message.contains("did you mean 'gradient'?") == true)
    }

    @Test func swiftBlocksStayStrictInEitherSyntax() {
        #expect(diagnosticIDs("```{.swift .input}\nlet a = 1\n```\n") == ["info.unknown-word@1:13"])
        #expect(diagnosticIDs("```swift n=1\nlet a = 1\n```\n") == ["info.unknown-word@1:10"])
        #expect(parse("```{.swift .input}\nlet a = 1\n```\n").diagnostics.first?.severity == .error)
    }

    @Test func aMathBlockTakesItsLabelInEitherSyntax() throws {
        for info in ["math {#eq-f}", "{.math #eq-f}"] {
            let note = try #require(parse("```\(info)\nf(x)\n```\n").note)
            #expect(note.displayMath.first?.label == "eq-f", "\(info)")
        }
    }
}

@Suite("Code fences: exercise=name")
struct ExerciseWordTests {
    @Test func exerciseNamesTheExerciseInEitherSyntax() throws {
        let plain = try #require(parse("```swift solution exercise=tanh-delta\nlet a = 1\n```\n").note?.codeBlocks.first)
        let braces = try #require(parse("```{.swift .solution exercise=tanh-delta}\nlet a = 1\n```\n").note?.codeBlocks.first)
        #expect(plain.attributes == CodeAttributes(role: .solution, exercise: "tanh-delta"))
        #expect(braces.attributes == plain.attributes)
    }

    @Test func anEmptyOrSecondExerciseNameIsAnErrorAtTheWord() {
        #expect(diagnosticIDs("```swift exercise exercise=\nlet a = 1\n```\n") == ["exercise.name@1:19"])
        #expect(diagnosticIDs("```swift test exercise=a exercise=b\nlet a = 1\n```\n") == ["exercise.name@1:26"])
        #expect(diagnosticIDs("```swift test exercise=a/b\nlet a = 1\n```\n") == ["exercise.name@1:15"])
    }
}
