/// Which way a matrix holds its examples: one per column (`Z = W X + b 1ᵀ`, the default
/// everywhere) or one per row (`Z = X W + 1 b`).
public enum ExampleLayout: Sendable, Hashable {
    /// Each column is one example: a K×m matrix holds m examples of K features.
    case columns
    /// Each row is one example: an m×K matrix holds m examples of K features.
    case rows
}

extension Matrix {
    /// The number of examples the matrix holds in `layout`, which a loss averages over: an empty
    /// batch is a note's mistake (reported; the placeholder 1 keeps the loss at 0, not NaN).
    func exampleCount(_ layout: ExampleLayout) -> Int {
        let count = layout == .columns ? cols : rows
        guard ensure(count > 0, "a loss needs at least one example, got a batch of shape \(shape) with none") else { return 1 }
        return count
    }
}
