import _Differentiation

/// The element-wise (Hadamard) product, at the precedence of `*`.
infix operator ⊙: MultiplicationPrecedence

extension Matrix {
    /// The sum of two matrices of the same shape, or of an m-wide matrix and a vector broadcast
    /// across it: a K×1 column across the columns of a K×m matrix (`W X + b 1ᵀ`), or a 1×K row
    /// across the rows of an m×K matrix (`X W + 1 b`), in either order.
    @differentiable(reverse)
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        if lhs.isShapelessZero { return rhs }
        if rhs.isShapelessZero { return lhs }
        return broadcasting(lhs, rhs, "+", +)
    }

    /// The difference of two matrices, broadcasting a column or row vector as `+` does.
    @differentiable(reverse)
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        if rhs.isShapelessZero { return lhs }
        if lhs.isShapelessZero { return -rhs }
        return broadcasting(lhs, rhs, "-", -)
    }

    /// Every entry negated.
    @differentiable(reverse)
    public static prefix func - (operand: Matrix) -> Matrix {
        operand.map { -$0 }
    }

    /// The element-wise (Hadamard) product of two matrices of the same shape.
    @differentiable(reverse)
    public static func ⊙ (lhs: Matrix, rhs: Matrix) -> Matrix {
        if lhs.isShapelessZero || rhs.isShapelessZero { return .zero }
        return lhs.combined(with: rhs, "⊙", *)
    }

    /// Every entry multiplied by a scalar.
    @differentiable(reverse)
    public static func * (scalar: Double, matrix: Matrix) -> Matrix {
        matrix.map { scalar * $0 }
    }

    /// Every entry divided by a scalar.
    @differentiable(reverse)
    public static func / (matrix: Matrix, scalar: Double) -> Matrix {
        matrix.map { $0 / scalar }
    }

    /// A scalar minus every entry, as in `1 - ŷ`.
    @differentiable(reverse)
    public static func - (scalar: Double, matrix: Matrix) -> Matrix {
        guard ensure(!matrix.isShapelessZero, "\(scalar) - Matrix.zero has no shape") else { return .zero }
        return matrix.map { scalar - $0 }
    }

    /// Combines `lhs` and `rhs` entry by entry, broadcasting one of them if it is a K×1 column
    /// against a K-row matrix or a 1×K row against a K-column matrix. Inlined, as `map` is.
    @inline(__always)
    static func broadcasting(
        _ lhs: Matrix, _ rhs: Matrix, _ symbol: String, _ combine: (Double, Double) -> Double
    ) -> Matrix {
        if lhs.rows == rhs.rows && lhs.cols == rhs.cols { return lhs.combined(with: rhs, symbol, combine) }
        let rows = max(lhs.rows, rhs.rows), cols = max(lhs.cols, rhs.cols)
        func isFull(_ m: Matrix) -> Bool { m.rows == rows && m.cols == cols }
        func isVector(_ m: Matrix) -> Bool { m.shape == [rows, 1] || m.shape == [1, cols] }
        guard
            ensure(
                (isFull(lhs) && isVector(rhs)) || (isVector(lhs) && isFull(rhs)),
                "\(symbol) needs equal shapes, or a K×1 column or 1×K row vector beside a matrix it"
                    + " fits, got \(lhs.shape) \(symbol) \(rhs.shape)")
        else { return Matrix(rows: lhs.rows, cols: lhs.cols, repeating: 0) }
        // A broadcast operand steps by 0 along the axis where it has length 1.
        let lhsRowStep = lhs.rows == 1 ? 0 : lhs.cols, lhsColStep = lhs.cols == 1 ? 0 : 1
        let rhsRowStep = rhs.rows == 1 ? 0 : rhs.cols, rhsColStep = rhs.cols == 1 ? 0 : 1
        let out = [Double](unsafeUninitializedCapacity: rows * cols) { o, initialized in
            lhs.rowMajor.storage.withUnsafeBufferPointer { a in
                rhs.rowMajor.storage.withUnsafeBufferPointer { b in
                    for i in 0..<rows {
                        for j in 0..<cols {
                            o[i * cols + j] = combine(
                                a[i * lhsRowStep + j * lhsColStep], b[i * rhsRowStep + j * rhsColStep])
                        }
                    }
                }
            }
            initialized = rows * cols
        }
        return Matrix(rows: rows, cols: cols, storage: out, columnMajor: false)
    }

    /// A gradient summed down to `shape`: the adjoint of broadcasting a matrix of that shape.
    func summed(toShape target: [Int]) -> Matrix {
        if isShapelessZero || target == shape { return self }
        if target == [0, 0] { return .zero }
        if target == [rows, 1] { return rowSums() }
        guard ensure(target == [1, cols], "cannot sum a gradient of shape \(shape) down to \(target)") else {
            return Matrix(rows: target[0], cols: target[1], repeating: 0)
        }
        return columnSums()
    }
}

extension Matrix {
    @usableFromInline
    @derivative(of: +)
    static func vjpAdd(lhs: Matrix, rhs: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (lhs + rhs, { [lhsShape = lhs.shape, rhsShape = rhs.shape] g in
            (g.summed(toShape: lhsShape), g.summed(toShape: rhsShape))
        })
    }

    @usableFromInline
    @derivative(of: -)
    static func vjpSubtract(lhs: Matrix, rhs: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (lhs - rhs, { [lhsShape = lhs.shape, rhsShape = rhs.shape] g in
            (g.summed(toShape: lhsShape), -g.summed(toShape: rhsShape))
        })
    }

    @usableFromInline
    @derivative(of: -)
    static func vjpNegate(operand: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (-operand, { g in -g })
    }

    @usableFromInline
    @derivative(of: ⊙)
    static func vjpHadamard(lhs: Matrix, rhs: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (lhs ⊙ rhs, { g in (g ⊙ rhs, g ⊙ lhs) })
    }

    @usableFromInline
    @derivative(of: *)
    static func vjpScale(scalar: Double, matrix: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Double, Matrix)) {
        (scalar * matrix, { g in ((g ⊙ matrix).sum(), scalar * g) })
    }

    @usableFromInline
    @derivative(of: /)
    static func vjpDivide(matrix: Matrix, scalar: Double) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Double)) {
        (matrix / scalar, { g in (g / scalar, -(g ⊙ matrix).sum() / (scalar * scalar)) })
    }

    @usableFromInline
    @derivative(of: -)
    static func vjpScalarMinus(scalar: Double, matrix: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Double, Matrix)) {
        (scalar - matrix, { g in (g.sum(), -g) })
    }
}
