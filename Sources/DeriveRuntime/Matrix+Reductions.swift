import _Differentiation

extension Matrix {
    /// The sum of every entry.
    @differentiable(reverse)
    public func sum() -> Double {
        rowMajor.storage.reduce(0, +)
    }

    /// The mean of every entry.
    @differentiable(reverse)
    public func mean() -> Double {
        guard ensure(count > 0, "the mean of a matrix of shape \(shape) is undefined") else { return 0 }
        return sum() / Double(count)
    }

    /// The sum of each row, as a K×1 column: for a K×m matrix of per-example gradients, the bias
    /// gradient of `Z = W X + b 1ᵀ`.
    @differentiable(reverse)
    public func rowSums() -> Matrix {
        var out = [Double](repeating: 0, count: rows)
        let values = rowMajor.storage
        for i in 0..<rows {
            for j in 0..<cols { out[i] += values[i * cols + j] }
        }
        return Matrix(rows: rows, cols: 1, values: out)
    }

    /// The sum of each column, as a 1×K row: for an m×K matrix of per-example gradients, the bias
    /// gradient of `Z = X W + 1 b`.
    @differentiable(reverse)
    public func columnSums() -> Matrix {
        var out = [Double](repeating: 0, count: cols)
        let values = rowMajor.storage
        for i in 0..<rows {
            for j in 0..<cols { out[j] += values[i * cols + j] }
        }
        return Matrix(rows: 1, cols: cols, values: out)
    }

    /// The index of the largest entry of each example (the predicted class), the first on ties.
    public func argmax(examples layout: ExampleLayout = .columns) -> [Int] {
        let byRows = (layout == .columns ? transposed : self).rowMajor
        return (0..<byRows.rows).map { i in
            var best = 0
            for j in 1..<max(byRows.cols, 1) where byRows[i, j] > byRows[i, best] { best = j }
            return best
        }
    }

    /// A `rows`×`cols` matrix with `value` (a K×1 column or 1×K row) broadcast across it:
    /// the adjoint of a sum or a row or column sum.
    static func spreading(_ value: Matrix, rows: Int, cols: Int) -> Matrix {
        if value.isShapelessZero { return .zero }
        return Matrix(rows: rows, cols: cols, repeating: 0) + value
    }
}

extension Matrix {
    @usableFromInline
    @derivative(of: sum)
    func vjpSum() -> (value: Double, pullback: (Double) -> Matrix) {
        (sum(), { [rows, cols] g in Matrix(rows: rows, cols: cols, repeating: g) })
    }

    @usableFromInline
    @derivative(of: mean)
    func vjpMean() -> (value: Double, pullback: (Double) -> Matrix) {
        (mean(), { [rows, cols, count] g in Matrix(rows: rows, cols: cols, repeating: g / Double(count)) })
    }

    @usableFromInline
    @derivative(of: rowSums)
    func vjpRowSums() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (rowSums(), { [rows, cols] g in Matrix.spreading(g, rows: rows, cols: cols) })
    }

    @usableFromInline
    @derivative(of: columnSums)
    func vjpColumnSums() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (columnSums(), { [rows, cols] g in Matrix.spreading(g, rows: rows, cols: cols) })
    }
}
