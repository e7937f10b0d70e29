import DeriveCore
import DeriveMarkdown
import DeriveResolve
import Testing

/// Resolves `text` as `Notes/t.md`, with the parser's and the resolver's diagnostics.
private func resolve(_ text: String) throws -> (NoteResolution, [Diagnostic]) {
    let parsed = NoteParser().parse(text, path: "Notes/t.md")
    let note = try #require(parsed.note)
    let resolved = Resolver().resolve(note)
    return (resolved.resolution, parsed.diagnostics + resolved.diagnostics)
}

@Suite("Figures drawn by examples, and the implements= rule")
struct ExampleFigureTests {
    @Test func anExamplesFiguresAreNumberedWithTheImagesInDocumentOrderAndCitable() throws {
        let (resolution, diagnostics) = try resolve("""
            # T

            ![An image](a.svg){#fig-image}

            ```swift example figure=fig-net,fig-graph
            figure(NetworkDiagram(weights: []).drawing, label: "fig-net", caption: "")
            ```

            ![Later](b.svg)

            See @fig-graph.
            """)
        #expect(diagnostics.allSatisfy { $0.id == .linkBroken })  // the two images are not files of a course here
        #expect(resolution.figures.map(\.label) == ["fig-image", "fig-net", "fig-graph", nil])
        #expect(resolution.figureNumber(of: "fig-graph") == 3)
        #expect(resolution.citations["fig-graph"]?.text == "Figure 3")
    }

    @Test func figureOnABlockThatIsNotAnExampleIsAnError() throws {
        let (_, diagnostics) = try resolve("# T\n\n```swift test figure=fig-x\n```\n\n```swift example figure=x\n```\n")
        let sorted = diagnostics.sortedByLocation()
        #expect(sorted.map(\.id) == [.exampleFigureOutsideExample, .infoFigureLabel])
        #expect(sorted.map(\.location.line) == [3, 6])
    }

    @Test func aGradientBlockMustImplementAnEquationWithADerivative() throws {
        let (_, diagnostics) = try resolve("""
            # T

            $$ z = W x $$ {#eq-forward}

            $$ \\frac{\\partial J}{\\partial W} = \\Delta x^\\top $$ {#eq-gradient}

            $$ W \\leftarrow W - \\eta G $$ {#eq-update}

            ```swift gradient implements=eq-forward,eq-gradient
            ```

            ```swift update implements=eq-gradient,eq-update
            ```

            ```swift forward implements=eq-forward
            ```
            """)
        let mismatches = diagnostics.filter { $0.id == .implementsRoleMismatch }  // and check.missing: no check here
        #expect(mismatches.count == 2)
        #expect(mismatches.map(\.location.line) == [9, 12])
        #expect(mismatches.first?.message.contains("equation 'eq-forward'") == true)
        #expect(mismatches.last?.message.contains("equation 'eq-gradient'") == true)
        #expect(mismatches.allSatisfy { $0.severity == .warning })
    }
}
