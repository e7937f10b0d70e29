extension Matrix {
    /// A matrix of the same shape with `transform` applied to every entry.
    ///
    /// Not differentiable by the compiler: a note whose loss needs an element-wise function
    /// uses one of the named ones (`sigmoid`, `relu`, `tanh`, `log`, `exp`).
    ///
    /// Inlined into the runtime's own element-wise functions, so that their loops are compiled
    /// with the transform in them (and vectorized) rather than calling it through a pointer.
    @inline(__always)
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        let out = try [Double](unsafeUninitializedCapacity: count) { o, initialized in
            try storage.withUnsafeBufferPointer { a in
                for index in 0..<a.count { o[index] = try transform(a[index]) }
            }
            initialized = o.count
        }
        return Matrix(rows: rows, cols: cols, storage: out, columnMajor: isColumnMajor)
    }

    /// Entry-by-entry combination of two matrices of the same shape; `symbol` names the
    /// operation in the message when the shapes differ. Inlined, as `map` is.
    @inline(__always)
    func combined(with other: Matrix, _ symbol: String, _ combine: (Double, Double) -> Double) -> Matrix {
        guard ensure(rows == other.rows && cols == other.cols, "\(symbol) needs equal shapes, got \(shape) \(symbol) \(other.shape)") else {
            return Matrix(rows: rows, cols: cols, repeating: 0)
        }
        // Entry by entry, the order of storage does not matter as long as both share it.
        let (a, b) = isColumnMajor == other.isColumnMajor ? (self, other) : (rowMajor, other.rowMajor)
        let out = [Double](unsafeUninitializedCapacity: count) { o, initialized in
            a.storage.withUnsafeBufferPointer { pa in
                b.storage.withUnsafeBufferPointer { pb in
                    for index in 0..<o.count { o[index] = combine(pa[index], pb[index]) }
                }
            }
            initialized = o.count
        }
        return Matrix(rows: rows, cols: cols, storage: out, columnMajor: a.isColumnMajor)
    }
}
