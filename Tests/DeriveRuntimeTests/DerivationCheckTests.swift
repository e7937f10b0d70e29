import DeriveCore
import Foundation
import Testing
import _Differentiation
@testable import DeriveRuntime

/// The two-layer network of the design, as a note would write it.
struct TwoLayer: Differentiable, AdditiveArithmetic, ParameterSet {
    var W1: Matrix
    var b1: Matrix
    var W2: Matrix
    var b2: Matrix

    static var parameters: [(name: String, keyPath: WritableKeyPath<TwoLayer, Matrix>)] {
        [("W1", \.W1), ("b1", \.b1), ("W2", \.W2), ("b2", \.b2)]
    }

    static func sample(seed: UInt64) -> (p: TwoLayer, x: Matrix, y: Matrix) {
        var generator = SeededGenerator(seed: seed)
        let p = TwoLayer(
            W1: .normal(rows: 4, cols: 3, using: &generator), b1: .normal(rows: 4, cols: 1, using: &generator),
            W2: .normal(rows: 2, cols: 4, using: &generator), b2: .normal(rows: 2, cols: 1, using: &generator))
        return (p, .normal(rows: 3, cols: 5, using: &generator), oneHot(labels: [0, 1, 1, 0, 1], classes: 2))
    }
}

@differentiable(reverse)
func loss(_ p: TwoLayer, x: Matrix, y: Matrix) -> Double {
    softmaxCrossEntropy(logits: p.W2 * tanh(p.W1 * x + p.b1) + p.b2, labels: y)
}

/// The hand-derived gradients; `flip` breaks one of them on purpose.
func gradients(_ p: TwoLayer, x: Matrix, y: Matrix, flip: Bool = false) -> TwoLayer {
    let z1 = p.W1 * x + p.b1, a1 = tanh(z1)
    let delta2 = (softmax(p.W2 * a1 + p.b2) - y) / Double(x.cols)
    let delta1 = (p.W2.T * delta2) ⊙ tanhPrime(z1)
    return TwoLayer(W1: delta1 * x.T, b1: delta1.rowSums(), W2: (flip ? -1 : 1) * delta2 * a1.T, b2: delta2.rowSums())
}

@Suite struct DerivationCheckTests {
    @Test func correctGradientsPass() throws {
        let (p, x, y) = TwoLayer.sample(seed: 1)
        let report = checkDerivation(at: p, loss: { loss($0, x: x, y: y) }, gradients: { gradients($0, x: x, y: y) })
        #expect(report.passed)
        #expect(report.subject == "TwoLayer")
        #expect(report.parameters.map(\.name) == ["W1", "b1", "W2", "b2"])
        #expect(report.parameters.map(\.shape) == [[4, 3], [4, 1], [2, 4], [2, 1]])
        #expect(report.note.hasSuffix("DerivationCheckTests.swift"))
        for row in report.parameters {
            #expect(row.finiteDifferenceError < 1e-8)
            #expect(try #require(row.autodiffError) < 1e-12)
        }
    }

    @Test func aFlippedSignFails() throws {
        let (p, x, y) = TwoLayer.sample(seed: 2)
        var report: DerivationReport?
        withKnownIssue {
            report = checkDerivation(at: p, loss: { loss($0, x: x, y: y) }, gradients: { gradients($0, x: x, y: y, flip: true) })
        } matching: { issue in
            issue.comments.contains { "\($0)".contains("W2") }
        }
        let rows = try #require(report?.parameters)
        try #require(rows.count == 4)
        #expect(rows.map(\.passed) == [true, true, false, true])
        #expect(rows[2].finiteDifferenceError > 1 && rows[2].autodiffError ?? 0 > 1)
    }

    @Test func aCheckExpectingRejectionPassesWhenItRejects() {
        let (p, x, y) = TwoLayer.sample(seed: 6)
        let report = checkDerivation(
            at: p, loss: { loss($0, x: x, y: y) }, gradients: { gradients($0, x: x, y: y, flip: true) },
            expecting: .rejection)
        #expect(report.expectsRejection)
        #expect(!report.allParametersPassed)
        #expect(report.passed)
    }

    @Test func aCheckExpectingRejectionFailsWhenEverythingMatches() {
        let (p, x, y) = TwoLayer.sample(seed: 7)
        var report: DerivationReport?
        withKnownIssue {
            report = checkDerivation(
                at: p, loss: { loss($0, x: x, y: y) }, gradients: { gradients($0, x: x, y: y) }, expecting: .rejection)
        } matching: { issue in
            issue.comments.contains { "\($0)".contains("expected to reject") }
        }
        #expect(report?.allParametersPassed == true)
        #expect(report?.passed == false)
    }

    @Test func aWrongShapeFails() throws {
        let (p, x, y) = TwoLayer.sample(seed: 3)
        var report: DerivationReport?
        withKnownIssue {
            report = checkDerivation(at: p, loss: { loss($0, x: x, y: y) }, gradients: {
                var g = gradients($0, x: x, y: y)
                g.W1 = g.W1.T
                return g
            })
        } matching: { issue in
            issue.comments.contains { "\($0)".contains("shape") }
        }
        let w1 = try #require(report?.parameters.first)
        #expect(w1.gradientShape == [3, 4])
        #expect(w1.passed == false)
    }

    @Test func withoutAutodiffSkipsTheCompilersColumn() {
        let (p, x, y) = TwoLayer.sample(seed: 4)
        let report = checkDerivationWithoutAutodiff(at: p, loss: { loss($0, x: x, y: y) }, gradients: { gradients($0, x: x, y: y) })
        #expect(report.passed)
        #expect(report.parameters.allSatisfy { $0.autodiffError == nil })
    }

    @Test func gradientErrorIsRelativeToTheLargestEntry() {
        #expect(gradientError([[1, 2]], [[1, 2]]) == 0)
        #expect(gradientError([[4, 1e-9]], [[4, -1e-9]]) == 2e-9 / 4)
        #expect(gradientError([[4, -1]], [[4, 1]]) == 0.5)
        #expect(gradientError([[0, 0]], [[0, 0]]) == 0)
        #expect(gradientError([[.nan]], [[1]]) == incomparable)
    }

    @Test func finiteDifferencesOfAQuadratic() {
        // L(θ) = Σ θ², so ∂L/∂θ = 2θ.
        let theta = Matrix([[1, -2], [300, 0.5]])
        let numeric = finiteDifferenceGradient(of: { ($0 ⊙ $0).sum() }, at: theta, along: \Matrix.self)
        #expect(gradientError(numeric, 2 * theta) < 1e-8)
    }

    @Test func reportsAreWrittenToTheActiveStore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("derive-runtime-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ReportStore(directory: directory)

        let (p, x, y) = TwoLayer.sample(seed: 5)
        let (derivation, training) = ReportStore.$override.withValue(store) {
            (checkDerivation(at: p, loss: { loss($0, x: x, y: y) }, gradients: { gradients($0, x: x, y: y) }),
             recordTraining(losses: [2.3, 1.1, 0.7], results: ["test accuracy": 0.8]))
        }
        #expect(try store.derivationReports().contains(derivation))
        #expect(try store.trainingReports().contains(training))
        #expect(training.results == [NamedValue(name: "test accuracy", value: 0.8)])
        #expect(training.xLabel == "epoch")
    }

    @Test func aDivergedTrainingRunIsAnIssue() {
        withKnownIssue {
            recordTraining(losses: [1, .nan], xLabel: "step")
        }
    }
}
