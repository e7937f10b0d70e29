import Foundation
import _Differentiation

/// How far from 0 and 1 the cross-entropies clamp a predicted probability before taking its
/// log, so that ŷ = 0 or ŷ = 1 gives a large finite loss instead of infinity.
public let probabilityClamp = 1e-12

/// The binary cross-entropy −(1/m) Σ [y log ŷ + (1 − y) log(1 − ŷ)] over m examples, with ŷ
/// clamped into [ε, 1 − ε] (ε = `probabilityClamp`); where the clamp acts, the gradient is 0.
/// Differentiable in both arguments, so a note's loss needs no `wrt:`.
@differentiable(reverse)
public func binaryCrossEntropy(_ ŷ: Matrix, _ y: Matrix, examples layout: ExampleLayout = .columns) -> Double {
    let terms = ŷ.combined(with: y, "binaryCrossEntropy") { p, t in
        let q = clampProbability(p)
        return t * Foundation.log(q) + (1 - t) * Foundation.log(1 - q)
    }
    return -terms.sum() / Double(ŷ.exampleCount(layout))
}

/// The cross-entropy −(1/m) Σ y log ŷ of predicted class probabilities ŷ (a softmax's output)
/// against labels y (one-hot, or any distribution per example) over m examples, with ŷ clamped
/// as `binaryCrossEntropy` does. Differentiable in both arguments.
@differentiable(reverse)
public func crossEntropy(_ ŷ: Matrix, _ y: Matrix, examples layout: ExampleLayout = .columns) -> Double {
    let terms = ŷ.combined(with: y, "crossEntropy") { p, t in t * Foundation.log(clampProbability(p)) }
    return -terms.sum() / Double(ŷ.exampleCount(layout))
}

/// `crossEntropy(softmax(logits), labels)` computed from the logits through `logSumExp`, so that
/// it stays finite and exact however large the logits; its gradient is (softmax(logits) − y) / m
/// when each example's labels sum to 1. Differentiable in both arguments.
@differentiable(reverse)
public func softmaxCrossEntropy(logits: Matrix, labels y: Matrix, examples layout: ExampleLayout = .columns) -> Double {
    guard ensure(logits.shape == y.shape, "softmaxCrossEntropy needs equal shapes, got \(logits.shape) and \(y.shape)") else {
        return 0
    }
    // Per example, −Σ y log softmax(z) = (Σ y) logSumExp(z) − Σ y z.
    let normalizers = logSumExp(logits, examples: layout) ⊙ y.sumOfEachExample(layout)
    return (normalizers.sum() - (y ⊙ logits).sum()) / Double(withoutDerivative(at: y).exampleCount(layout))
}

/// One-hot labels: a K×m matrix (`classes` = K) with a 1 in row `labels[j]` of column j, or its
/// m×K transpose for `.rows`.
public func oneHot(labels: [Int], classes: Int, examples layout: ExampleLayout = .columns) -> Matrix {
    var out = Matrix(rows: labels.count, cols: classes, repeating: 0)
    for (i, label) in labels.enumerated() {
        guard ensure(0 <= label && label < classes, "label \(label) is not one of \(classes) classes") else { continue }
        out[i, label] = 1
    }
    return layout == .rows ? out : out.transposed
}

/// `p` clamped into [ε, 1 − ε].
func clampProbability(_ p: Double) -> Double {
    min(max(p, probabilityClamp), 1 - probabilityClamp)
}

/// Whether the clamp leaves `p` as it is (where the clamp acts, the loss is flat in `p`).
func isInsideClamp(_ p: Double) -> Bool {
    p >= probabilityClamp && p <= 1 - probabilityClamp
}

@usableFromInline
@derivative(of: binaryCrossEntropy)
func vjpBinaryCrossEntropy(_ ŷ: Matrix, _ y: Matrix, examples layout: ExampleLayout)
    -> (value: Double, pullback: (Double) -> (Matrix, Matrix))
{
    let m = Double(ŷ.exampleCount(layout))
    return (binaryCrossEntropy(ŷ, y, examples: layout), { g in
        let dŷ = ŷ.combined(with: y, "binaryCrossEntropy") { p, t in
            isInsideClamp(p) ? -g * (t / p - (1 - t) / (1 - p)) / m : 0
        }
        let dy = ŷ.map { p in
            let q = clampProbability(p)
            return -g * (Foundation.log(q) - Foundation.log(1 - q)) / m
        }
        return (dŷ, dy)
    })
}

@usableFromInline
@derivative(of: crossEntropy)
func vjpCrossEntropy(_ ŷ: Matrix, _ y: Matrix, examples layout: ExampleLayout)
    -> (value: Double, pullback: (Double) -> (Matrix, Matrix))
{
    let m = Double(ŷ.exampleCount(layout))
    return (crossEntropy(ŷ, y, examples: layout), { g in
        (ŷ.combined(with: y, "crossEntropy") { p, t in isInsideClamp(p) ? -g * t / p / m : 0 },
         ŷ.map { p in -g * Foundation.log(clampProbability(p)) / m })
    })
}
