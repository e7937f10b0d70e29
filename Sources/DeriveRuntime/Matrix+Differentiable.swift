import _Differentiation

extension Matrix: AdditiveArithmetic {
    /// The shape-less zero: a 0×0 matrix that `+` and `-` treat as the identity for any shape.
    ///
    /// Automatic differentiation needs a `zero` before it knows any shape (a tangent that nothing
    /// has touched yet), so zero cannot be a zero-filled matrix of the right shape. Instead
    /// `zero + m == m`, `m - zero == m`, and a product or `⊙` with it is `zero` again. Only
    /// `Matrix.zero` itself (or another 0×0 matrix) behaves so; every other shape is checked.
    public static var zero: Matrix { Matrix(rows: 0, cols: 0, values: []) }

    /// Whether this is the shape-less zero.
    var isShapelessZero: Bool { rows == 0 && cols == 0 }
}

extension Matrix: Differentiable {
    /// A matrix's tangent is a matrix of the same shape (or the shape-less zero).
    public typealias TangentVector = Matrix

    /// Adds `offset` in place, as a gradient step does.
    public mutating func move(by offset: Matrix) {
        self = self + offset
    }
}
