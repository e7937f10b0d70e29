import Foundation
import _Differentiation

/// The softmax of each example: e^(z − max z) / Σ e^(z − max z), so large entries never
/// overflow. Each column is one example unless `examples` is `.rows`; every example sums to 1.
@differentiable(reverse, wrt: z)
public func softmax(_ z: Matrix, examples layout: ExampleLayout = .columns) -> Matrix {
    var out = z
    z.forEachExample(layout) { indices in
        let top = indices.map { z[flat: $0] }.max() ?? 0
        let exps = indices.map { Foundation.exp(z[flat: $0] - top) }
        let total = exps.reduce(0, +)
        for (index, e) in zip(indices, exps) { out[flat: index] = e / total }
    }
    return out
}

/// log Σ e^z of each example, computed as max z + log Σ e^(z − max z) so that it neither
/// overflows nor underflows: a 1×m row for m examples in columns, an m×1 column for `.rows`.
@differentiable(reverse, wrt: z)
public func logSumExp(_ z: Matrix, examples layout: ExampleLayout = .columns) -> Matrix {
    var out: [Double] = []
    z.forEachExample(layout) { indices in
        let top = indices.map { z[flat: $0] }.max() ?? -.infinity
        guard top.isFinite else { return out.append(top) }
        out.append(top + Foundation.log(indices.reduce(0) { $0 + Foundation.exp(z[flat: $1] - top) }))
    }
    return layout == .columns ? Matrix(row: out) : Matrix(column: out)
}

extension Matrix {
    /// Calls `body` with the flat indices of each example's entries in turn: a column's for
    /// `.columns`, a row's for `.rows`.
    func forEachExample(_ layout: ExampleLayout, _ body: (StrideTo<Int>) -> Void) {
        switch layout {
        case .columns:
            for j in 0..<cols { body(stride(from: j, to: count, by: cols)) }
        case .rows:
            for i in 0..<rows { body(stride(from: i * cols, to: (i + 1) * cols, by: 1)) }
        }
    }

    /// The sum of each example's entries: a 1×m row for `.columns`, an m×1 column for `.rows`.
    @differentiable(reverse)
    func sumOfEachExample(_ layout: ExampleLayout) -> Matrix {
        layout == .columns ? columnSums() : rowSums()
    }
}

@usableFromInline
@derivative(of: softmax, wrt: z)
func vjpSoftmax(_ z: Matrix, examples layout: ExampleLayout) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let s = softmax(z, examples: layout)
    // Per example, ∂L/∂z_i = s_i (g_i − Σ_j s_j g_j).
    return (s, { g in
        if g.isShapelessZero { return .zero }
        return s ⊙ (g - (s ⊙ g).sumOfEachExample(layout))
    })
}

@usableFromInline
@derivative(of: logSumExp, wrt: z)
func vjpLogSumExp(_ z: Matrix, examples layout: ExampleLayout) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    // ∂ logSumExp / ∂z = softmax(z), scaled by each example's incoming gradient.
    (logSumExp(z, examples: layout), { g in
        Matrix.spreading(g, rows: z.rows, cols: z.cols) ⊙ softmax(z, examples: layout)
    })
}
