extension Matrix {
    /// The given columns, in the given order, as a new matrix: a mini-batch of examples held
    /// in columns (`X.columns(batch)`, with `batch` a range or shuffled indices).
    ///
    /// From a matrix stored column after column (a data set loaded with `.columns`) each column
    /// is one contiguous copy, and the batch is stored the same way.
    public func columns(_ indices: some Sequence<Int>) -> Matrix {
        let picked = Array(indices)
        let valid = picked.map { j in ensure(0 <= j && j < cols, "column \(j) is outside shape \(shape)") }
        let width = picked.count
        let out = [Double](unsafeUninitializedCapacity: rows * width) { o, initialized in
            storage.withUnsafeBufferPointer { a in
                if isColumnMajor {
                    for (k, j) in picked.enumerated() {
                        let column = UnsafeMutableBufferPointer(rebasing: o[(k * rows)..<((k + 1) * rows)])
                        if valid[k] {
                            _ = column.initialize(from: UnsafeBufferPointer(rebasing: a[(j * rows)..<((j + 1) * rows)]))
                        } else {
                            column.initialize(repeating: 0)
                        }
                    }
                } else {
                    for i in 0..<rows {
                        for (k, j) in picked.enumerated() { o[i * width + k] = valid[k] ? a[i * cols + j] : 0 }
                    }
                }
            }
            initialized = rows * width
        }
        return Matrix(rows: rows, cols: width, storage: out, columnMajor: isColumnMajor)
    }

    /// The given rows, in the given order, as a new matrix: a mini-batch of examples held in rows.
    public func rows(_ indices: some Sequence<Int>) -> Matrix {
        let values = rowMajor.storage
        var out: [Double] = []
        var count = 0
        for i in indices {
            count += 1
            guard ensure(0 <= i && i < rows, "row \(i) is outside shape \(shape)") else {
                out.append(contentsOf: repeatElement(0, count: cols))
                continue
            }
            out.append(contentsOf: values[(i * cols)..<((i + 1) * cols)])
        }
        return Matrix(rows: count, cols: cols, values: out)
    }
}
