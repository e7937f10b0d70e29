import DeriveCore
@testable import DeriveRuntime
import Foundation
import Testing

@Suite("Worked examples: what the notes' example blocks show")
struct WorkedExampleTests {
    @Test func numbersAreWrittenWithAtMostFourDecimalsTheSameWayEveryTime() {
        #expect(TeXValue.number(0.5) == "0.5")
        #expect(TeXValue.number(-0.0625) == "-0.0625")
        #expect(TeXValue.number(1 / 3) == "0.3333")
        #expect(TeXValue.number(-0.0) == "0")
        #expect(TeXValue.number(-0.00001) == #"-1 \times 10^{-5}"#)
        #expect(TeXValue.number(2) == "2")
        #expect(TeXValue.isExact(0.25) && !TeXValue.isExact(1 / 3))
        #expect(TeXValue.plain(Matrix([[-0.25], [0]])) == "(−0.25, 0)")
        #expect(TeXValue.matrix(Matrix([[1, -2], [0.5, 3]])) == #"\begin{bmatrix} 1 & -2 \\ 0.5 & 3 \end{bmatrix}"#)
    }

    @Test func anExampleKeepsWhatItShowsInOrderAndWritesItForTheSite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("worked-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ReportStore(directory: folder)
        try ReportStore.$override.withValue(store) {
            try WorkedExample.record(note: "Notes/01-a.md", line: 12) {
                show(Matrix([[1], [0.5]]), as: "a")
                show(1.0 / 3.0, as: "J")
                show("a sentence")
                figure(NetworkDiagram(weights: [Matrix(rows: 3, cols: 2, repeating: 0)]).drawing, label: "fig-n", caption: "net")
            }
        }
        let outputs = try store.exampleOutputs()
        try #require(outputs.count == 1)
        #expect(outputs[0].note == "Notes/01-a.md" && outputs[0].line == 12)
        #expect(outputs[0].items.prefix(3) == [
            .math(#"a = \begin{bmatrix} 1 \\ 0.5 \end{bmatrix}"#), .math(#"J \approx 0.3333"#), .text("a sentence"),
        ])
        guard case .figure(let label, let caption, let drawing) = outputs[0].items[3] else {
            Issue.record("the fourth item is not a figure")
            return
        }
        #expect(label == "fig-n" && caption == "net")
        #expect(drawing.shapes.filter { if case .circle = $0 { true } else { false } }.count == 5)  // 2 inputs + 3 units
        #expect(drawing.shapes.contains { if case .text(_, _, "W[1]: 3×2", _, _) = $0 { true } else { false } })
    }

    @Test func theNetworkDiagramReadsItsSizesFromEitherWeightLayout() {
        let byOutputs = NetworkDiagram(weights: [Matrix(rows: 4, cols: 3, repeating: 0), Matrix(rows: 2, cols: 4, repeating: 0)])
        #expect(byOutputs.sizes == [3, 4, 2])
        let byInputs = NetworkDiagram(
            weights: [Matrix(rows: 784, cols: 100, repeating: 0), Matrix(rows: 100, cols: 10, repeating: 0)], layout: .inputsByOutputs,
            highlight: (1, 2, 784))
        #expect(byInputs.sizes == [784, 100, 10])
        let texts = byInputs.drawing.shapes.compactMap { shape -> String? in if case .text(_, _, let text, _, _) = shape { text } else { nil } }
        #expect(texts.contains("W̃[1]: 784×100") && texts.contains("input, 784") && texts.contains("784"))
        #expect(texts.contains("W̃[1]₇₈₄₂: row 784 = unit 784 of layer 0, column 2 = unit 2 of layer 1"))
    }
}
