/// Which way a matrix holds its examples: one per column (`Z = W X + b 1ᵀ`, the default
/// everywhere) or one per row (`Z = X W + 1 b`).
public enum ExampleLayout: Sendable, Hashable {
    /// Each column is one example: a K×m matrix holds m examples of K features.
    case columns
    /// Each row is one example: an m×K matrix holds m examples of K features.
    case rows
}

extension Matrix {
    /// The number of examples the matrix holds in `layout`.
    func exampleCount(_ layout: ExampleLayout) -> Int {
        layout == .columns ? cols : rows
    }
}
