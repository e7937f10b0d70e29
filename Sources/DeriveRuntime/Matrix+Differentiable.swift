import _Differentiation

// What Swift 6.3.1's `_Differentiation` needs here (none of it crashed the compiler):
// - A `@derivative(of:)` for a public function must be at least `@usableFromInline`.
// - `@differentiable(reverse)` with no `wrt:` makes every `Differentiable` parameter active, so a
//   note's `loss(_ p:, x:, y:)` differentiates through `y` as well: the losses here are therefore
//   differentiable in their labels too. Otherwise the compiler says "cannot differentiate
//   functions that have not been marked '@differentiable' and that are defined in other files",
//   which names the wrong cause.
// - A non-differentiable result (an `Int` such as a shape) taken from an active value must go
//   through `withoutDerivative(at:)`.

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
