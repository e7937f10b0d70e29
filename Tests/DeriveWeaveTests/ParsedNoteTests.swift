import DeriveCore
import DeriveMarkdown
import DeriveWeave
import Testing

/// The weave on notes as the parser gives them, not built by hand.
@Suite struct ParsedNoteTests {
    private func parse(_ markdown: String, path: String = "Notes/01-sigmoid.md") throws -> Note {
        let parsed = NoteParser().parse(markdown, path: path)
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        return try #require(parsed.note)
    }

    @Test func weavesAParsedNote() throws {
        let note = try parse("""
            ---
            title: Sigmoid
            summary: One derivative.
            ---

            # Sigmoid

            The sigmoid is $\\sigma(z) = \\frac{1}{1+e^{-z}}$, and

            $$
            \\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))
            $$ {#eq-prime}

            We implement @eq-prime:

            ```swift gradient implements=eq-prime
            func sigmoidPrime(_ z: Double) -> Double {
                <<sigmoid>>
                return s * (1 - s)
            }
            ```

            ```swift #sigmoid
            let s = 1 / (1 + exp(-z))
            ```

            """)
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-sigmoid.html")
        #expect(page.contains("katex-html") && !page.contains("katex-error"))
        #expect(page.contains("<div class=\"equation\" id=\"eq-prime\">"))
        #expect(page.contains("<a class=\"citation\" href=\"#eq-prime\">(1)</a>"))
        #expect(page.contains("<span class=\"role\">Gradient</span>"))
        #expect(page.contains("⟨<a href=\"#code-2\">sigmoid</a>⟩"))
        #expect(page.contains("Used in <a href=\"#code-1\">code 1 (Gradient)</a>."))
        #expect(page.contains("<code>sigmoidPrime(_:)</code>"))
        #expect(try built.page("index.html").contains("<p class=\"summary\">One derivative.</p>"))
    }

    @Test func badTeXInAParsedNoteIsReportedAtItsLine() throws {
        let note = try parse("# T\n\nText $\\nosuch{x}$ and more $x$.\n")
        let error = try #require(throws: DiagnosticError.self) { try BuiltSite([note]) }
        #expect(error.diagnostics.map(\.location) == [NoteLocation(file: "Notes/01-sigmoid.md", line: 3, column: 7)])
    }
}
