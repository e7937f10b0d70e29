extension Matrix {
    /// The given columns, in the given order, as a new matrix: a mini-batch of examples held
    /// in columns (`X.columns(batch)`, with `batch` a range or shuffled indices).
    public func columns(_ indices: some Sequence<Int>) -> Matrix {
        let picked = Array(indices)
        var out = [Double](repeating: 0, count: rows * picked.count)
        for (k, j) in picked.enumerated() {
            guard ensure(0 <= j && j < cols, "column \(j) is outside shape \(shape)") else { continue }
            for i in 0..<rows { out[i * picked.count + k] = values[i * cols + j] }
        }
        return Matrix(rows: rows, cols: picked.count, values: out)
    }

    /// The given rows, in the given order, as a new matrix: a mini-batch of examples held in rows.
    public func rows(_ indices: some Sequence<Int>) -> Matrix {
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
