extension Matrix {
    /// A matrix of the same shape with `transform` applied to every entry.
    ///
    /// Not differentiable by the compiler: a note whose loss needs an element-wise function
    /// uses one of the named ones (`sigmoid`, `relu`, `tanh`, `log`, `exp`).
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, cols: cols, values: try values.map(transform))
    }

    /// Entry-by-entry combination of two matrices of the same shape; `symbol` names the
    /// operation in the message when the shapes differ.
    func combined(with other: Matrix, _ symbol: String, _ combine: (Double, Double) -> Double) -> Matrix {
        guard ensure(shape == other.shape, "\(symbol) needs equal shapes, got \(shape) \(symbol) \(other.shape)") else {
            return Matrix(rows: rows, cols: cols, repeating: 0)
        }
        var out = [Double](repeating: 0, count: count)
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    for index in 0..<o.count { o[index] = combine(a[index], b[index]) }
                }
            }
        }
        return Matrix(rows: rows, cols: cols, values: out)
    }
}
