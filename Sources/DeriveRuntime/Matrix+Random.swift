import Foundation

extension Matrix {
    /// A matrix of independent draws, uniform in `range`.
    public static func uniform(
        rows: Int, cols: Int, in range: ClosedRange<Double>, using generator: inout some RandomNumberGenerator
    ) -> Matrix {
        let width = range.upperBound - range.lowerBound
        return Matrix(rows: rows, cols: cols, values: (0..<rows * cols).map { _ in
            range.lowerBound + width * unitInterval(&generator)
        })
    }

    /// A matrix of independent normal draws with the given mean and standard deviation, made
    /// from uniform pairs by the Box–Muller transform.
    public static func normal(
        rows: Int, cols: Int, mean: Double = 0, standardDeviation: Double = 1,
        using generator: inout some RandomNumberGenerator
    ) -> Matrix {
        var values: [Double] = []
        values.reserveCapacity(rows * cols + 1)
        while values.count < rows * cols {
            // u1 in (0, 1] so that its log is finite.
            let u1 = 1 - unitInterval(&generator), u2 = unitInterval(&generator)
            let radius = (-2 * Foundation.log(u1)).squareRoot()
            values.append(radius * cos(2 * .pi * u2))
            values.append(radius * sin(2 * .pi * u2))
        }
        return Matrix(rows: rows, cols: cols, values: values.prefix(rows * cols).map { mean + standardDeviation * $0 })
    }

    /// He initialization for a ReLU layer: normal with standard deviation √(2 / fan-in), where
    /// the fan-in is `cols` for `W X` (examples in columns) and `rows` for `X W`.
    public static func he(
        rows: Int, cols: Int, examples layout: ExampleLayout = .columns,
        using generator: inout some RandomNumberGenerator
    ) -> Matrix {
        let fanIn = layout == .columns ? cols : rows
        return normal(rows: rows, cols: cols, standardDeviation: (2 / Double(fanIn)).squareRoot(), using: &generator)
    }

    /// Xavier (Glorot) initialization for a sigmoid or tanh layer: uniform in ±√(6 / (fan-in +
    /// fan-out)), which is ±√(6 / (rows + cols)) in either layout.
    public static func xavier(rows: Int, cols: Int, using generator: inout some RandomNumberGenerator) -> Matrix {
        let limit = (6 / Double(rows + cols)).squareRoot()
        return uniform(rows: rows, cols: cols, in: -limit...limit, using: &generator)
    }
}

/// A draw uniform in [0, 1) from the generator's top 53 bits, the same on every platform.
private func unitInterval(_ generator: inout some RandomNumberGenerator) -> Double {
    Double(generator.next() >> 11) * 0x1p-53
}
