import Foundation
import Testing
@testable import DeriveRuntime

@Suite struct LossTests {
    @Test func binaryCrossEntropyKnownValue() {
        // −(log 0.8 + log(1 − 0.4)) / 2
        let loss = binaryCrossEntropy(Matrix([[0.8, 0.4]]), Matrix([[1, 0]]))
        #expect(abs(loss - -(Foundation.log(0.8) + Foundation.log(0.6)) / 2) < 1e-15)
        #expect(binaryCrossEntropy(Matrix(column: [0.8, 0.4]), Matrix(column: [1, 0]), examples: .rows) == loss)
    }

    @Test func binaryCrossEntropyIsFiniteAtZeroAndOne() {
        let wrong = binaryCrossEntropy(Matrix([[0, 1]]), Matrix([[1, 0]]))
        #expect(wrong.isFinite)
        // Both terms are clamped: −(log ε + log(1 − (1 − ε))) / 2, about 27.6.
        let clamped = -(Foundation.log(probabilityClamp) + Foundation.log(1 - (1 - probabilityClamp))) / 2
        #expect(abs(wrong - clamped) < 1e-12)
        let right = binaryCrossEntropy(Matrix([[1, 0]]), Matrix([[1, 0]]))
        #expect(right.isFinite && right >= 0 && right < 1e-11)
    }

    @Test func crossEntropyAveragesOverExamples() {
        let ŷ = Matrix([[0.5, 0.1], [0.25, 0.9], [0.25, 0]])
        let y = oneHot(labels: [0, 1], classes: 3)
        #expect(abs(crossEntropy(ŷ, y) - -(Foundation.log(0.5) + Foundation.log(0.9)) / 2) < 1e-15)
        #expect(crossEntropy(Matrix(column: [0, 1]), Matrix(column: [1, 0])).isFinite)
    }

    @Test func softmaxCrossEntropyEqualsCrossEntropyOfSoftmax() {
        let z = Matrix([[1, -2, 0], [0.5, 3, 0], [2, 0, 1]])
        let y = oneHot(labels: [2, 1, 0], classes: 3)
        #expect(abs(softmaxCrossEntropy(logits: z, labels: y) - crossEntropy(softmax(z), y)) < 1e-14)
        let rows = softmaxCrossEntropy(logits: z.T, labels: y.T, examples: .rows)
        #expect(abs(rows - crossEntropy(softmax(z), y)) < 1e-14)
        #expect(softmaxCrossEntropy(logits: 1000 * z, labels: y).isFinite)
    }

    @Test func oneHotInBothLayouts() {
        #expect(oneHot(labels: [1, 0], classes: 3) == [[0, 1], [1, 0], [0, 0]])
        #expect(oneHot(labels: [1, 0], classes: 3, examples: .rows) == [[0, 1, 0], [1, 0, 0]])
    }
}
