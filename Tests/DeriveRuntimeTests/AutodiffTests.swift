import Testing
import _Differentiation
@testable import DeriveRuntime

/// Each primitive's registered derivative against central finite differences, through a scalar
/// function (f(x) ⊙ R).sum() with a fixed random R so that every entry of the derivative matters.
@Suite struct AutodiffTests {
    var generator = SeededGenerator(seed: 7)

    /// A random matrix with entries in (0.1, 0.9), away from every kink and clamp.
    mutating func sample(_ rows: Int, _ cols: Int) -> Matrix {
        Matrix.uniform(rows: rows, cols: cols, in: 0.1...0.9, using: &generator)
    }

    /// Expects the compiler's gradient of `f` at `x` to match finite differences.
    func expectDerivative(
        at x: Matrix, of f: @differentiable(reverse) (Matrix) -> Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let automatic = gradient(at: x, of: f)
        let numeric = finiteDifferenceGradient(of: { f($0) }, at: x, along: \Matrix.self)
        #expect(automatic.shape == x.shape, sourceLocation: sourceLocation)
        #expect(gradientError(automatic, numeric) < 1e-8, "autodiff \(automatic) vs finite differences \(numeric)", sourceLocation: sourceLocation)
    }

    @Test mutating func matrixProductAndTranspose() {
        let a = sample(2, 3), b = sample(3, 4), r = sample(2, 4), c = sample(3, 2)
        expectDerivative(at: a) { ($0 * b ⊙ r).sum() }
        expectDerivative(at: b) { (a * $0 ⊙ r).sum() }
        expectDerivative(at: a) { ($0.transposed * r ⊙ b).sum() }
        expectDerivative(at: a) { ($0.T ⊙ c).sum() }
    }

    @Test mutating func additionAndSubtractionWithBroadcasting() {
        let z = sample(3, 4), column = sample(3, 1), row = sample(1, 4), r = sample(3, 4)
        expectDerivative(at: z) { (($0 + z) ⊙ z ⊙ r).sum() }
        expectDerivative(at: column) { ((z + $0) ⊙ r).sum() }
        expectDerivative(at: column) { (($0 + z) ⊙ r).sum() }
        expectDerivative(at: row) { ((z - $0) ⊙ r).sum() }
        expectDerivative(at: row) { (($0 - z) ⊙ r).sum() }
        expectDerivative(at: z) { ((-$0) ⊙ r).sum() }
    }

    @Test mutating func elementWiseAndScalarOperations() {
        let x = sample(2, 3), y = sample(2, 3), r = sample(2, 3)
        expectDerivative(at: x) { ($0 ⊙ $0 ⊙ y).sum() }
        expectDerivative(at: x) { (3 * $0 ⊙ r).sum() }
        expectDerivative(at: x) { ($0 / 3 ⊙ r).sum() }
        expectDerivative(at: x) { ((1 - $0) ⊙ $0 ⊙ r).sum() }
        let scaleGradient = gradient(at: 2.0) { s in (s * x ⊙ r).sum() + (x / s).sum() + (s - x).sum() }
        let expected = (x ⊙ r).sum() - x.sum() / 4 + Double(x.count)
        #expect(abs(scaleGradient - expected) < 1e-12)
    }

    @Test mutating func reductions() {
        let x = sample(3, 4), column = sample(3, 1), row = sample(1, 4)
        expectDerivative(at: x) { ($0 ⊙ $0).sum() }
        expectDerivative(at: x) { ($0 ⊙ $0).mean() }
        expectDerivative(at: x) { ($0.rowSums() ⊙ column).sum() }
        expectDerivative(at: x) { ($0.columnSums() ⊙ row).sum() }
    }

    @Test mutating func activations() {
        let z = sample(3, 4) - Matrix(rows: 3, cols: 4, repeating: 0.45), r = sample(3, 4)
        expectDerivative(at: z) { (sigmoid($0) ⊙ r).sum() }
        expectDerivative(at: z) { (σ($0) ⊙ r).sum() }
        expectDerivative(at: z) { (relu($0) ⊙ r).sum() }
        expectDerivative(at: z) { (tanh($0) ⊙ r).sum() }
        expectDerivative(at: z) { (exp($0) ⊙ r).sum() }
        expectDerivative(at: sample(3, 4)) { (log($0) ⊙ r).sum() }
    }

    @Test mutating func softmaxAndLogSumExpInBothLayouts() {
        let z = 4 * sample(3, 4), r = sample(3, 4), column = sample(4, 1), row = sample(1, 4)
        expectDerivative(at: z) { (softmax($0) ⊙ r).sum() }
        expectDerivative(at: z) { (softmax($0, examples: .rows) ⊙ r).sum() }
        expectDerivative(at: z) { (logSumExp($0) ⊙ row).sum() }
        expectDerivative(at: z.T) { (logSumExp($0, examples: .rows) ⊙ column).sum() }
    }

    @Test mutating func losses() {
        let ŷ = sample(3, 4), y = oneHot(labels: [0, 2, 1, 2], classes: 3), binary = Matrix([[1, 0, 0, 1]])
        expectDerivative(at: sample(1, 4)) { binaryCrossEntropy($0, binary) }
        expectDerivative(at: sample(4, 1)) { binaryCrossEntropy($0, binary.T, examples: .rows) }
        expectDerivative(at: ŷ) { crossEntropy($0, y) }
        expectDerivative(at: 3 * ŷ) { softmaxCrossEntropy(logits: $0, labels: y) }
        expectDerivative(at: 3 * ŷ.T) { softmaxCrossEntropy(logits: $0, labels: y.T, examples: .rows) }
        // With respect to the labels too, so that a note's loss needs no `wrt:`.
        let fixed = sample(1, 4)
        expectDerivative(at: sample(1, 4)) { binaryCrossEntropy(fixed, $0) }
        expectDerivative(at: sample(3, 4)) { crossEntropy(ŷ, $0) }
        expectDerivative(at: sample(3, 4)) { softmaxCrossEntropy(logits: ŷ, labels: $0) }
        // The gradient of softmax cross-entropy is (softmax(z) − y) / m.
        let z = 3 * ŷ
        let automatic = gradient(at: z) { softmaxCrossEntropy(logits: $0, labels: y) }
        #expect(gradientError(automatic, (softmax(z) - y) / 4) < 1e-14)
    }

    @Test func clampedPredictionsHaveZeroGradient() {
        let automatic = gradient(at: Matrix([[0, 1]])) { binaryCrossEntropy($0, Matrix([[1, 0]])) }
        #expect(automatic == [[0, 0]])
    }

    @Test mutating func aLossThroughSeveralPrimitives() {
        // A two-layer network's loss, as a note writes it, differentiated with respect to W1.
        let w2 = sample(2, 3), b1 = sample(3, 1), b2 = sample(2, 1), x = sample(4, 5)
        let y = oneHot(labels: [0, 1, 1, 0, 1], classes: 2)
        expectDerivative(at: sample(3, 4)) { w1 in
            softmaxCrossEntropy(logits: w2 * relu(w1 * x + b1 - Matrix(rows: 3, cols: 1, repeating: 0.5)) + b2, labels: y)
        }
    }
}
