/// A dense matrix of `Double`s, stored row-major: the value every note computes with.
///
/// Operations check shapes; when they disagree, the note's mistake is reported at its line with
/// both shapes (see `reportNoteMistake(_:)`) and the operation returns a zero placeholder.
/// `Matrix.zero` is a shape-less zero (see `Matrix+Differentiable.swift`), the identity for `+`.
public struct Matrix: Hashable, Sendable {
    /// The number of rows.
    public private(set) var rows: Int
    /// The number of columns.
    public private(set) var cols: Int
    /// The entries, row after row: entry (i, j) is `values[i * cols + j]`.
    public private(set) var values: [Double]

    /// A `rows`×`cols` matrix whose entries are all `value`.
    public init(rows: Int, cols: Int, repeating value: Double) {
        let valid = ensure(rows >= 0 && cols >= 0, "a matrix cannot have shape [\(rows), \(cols)]")
        self.rows = valid ? rows : 0
        self.cols = valid ? cols : 0
        self.values = Array(repeating: value, count: self.rows * self.cols)
    }

    /// A `rows`×`cols` matrix from its entries, row after row.
    public init(rows: Int, cols: Int, values: [Double]) {
        let valid =
            ensure(rows >= 0 && cols >= 0, "a matrix cannot have shape [\(rows), \(cols)]")
            && ensure(
                values.count == rows * cols,
                "\(values.count) values cannot fill a matrix of shape [\(rows), \(cols)]")
        self.rows = valid ? rows : max(rows, 0)
        self.cols = valid ? cols : max(cols, 0)
        self.values = valid ? values : Array(repeating: 0, count: self.rows * self.cols)
    }

    /// A matrix from its rows, which must all have the same length.
    public init(_ rows: [[Double]]) {
        let cols = rows.first?.count ?? 0
        let valid = ensure(
            rows.allSatisfy { $0.count == cols },
            "rows of different lengths \(rows.map(\.count)) do not make a matrix")
        self.init(
            rows: rows.count, cols: cols,
            values: valid ? rows.flatMap { $0 } : Array(repeating: 0, count: rows.count * cols))
    }

    /// A column vector (K×1) from its entries.
    public init(column: [Double]) {
        self.init(rows: column.count, cols: 1, values: column)
    }

    /// A row vector (1×K) from its entries.
    public init(row: [Double]) {
        self.init(rows: 1, cols: row.count, values: row)
    }

    /// The shape as `[rows, cols]`, the form reports and messages use.
    public var shape: [Int] { [rows, cols] }

    /// The number of entries, `rows * cols`.
    public var count: Int { values.count }

    /// The entry in row `i` and column `j`, both counted from 0.
    public subscript(i: Int, j: Int) -> Double {
        get {
            guard ensure(0 <= i && i < rows && 0 <= j && j < cols, "index (\(i), \(j)) is outside shape \(shape)") else {
                return 0
            }
            return values[i * cols + j]
        }
        set {
            guard ensure(0 <= i && i < rows && 0 <= j && j < cols, "index (\(i), \(j)) is outside shape \(shape)") else {
                return
            }
            values[i * cols + j] = newValue
        }
    }

    /// The entry at `index` in row-major order; the derivation check perturbs entries through it.
    subscript(flat index: Int) -> Double {
        get { values[index] }
        set { values[index] = newValue }
    }
}

extension Matrix: ExpressibleByArrayLiteral {
    /// A matrix written as a literal list of rows: `[[1, 2], [3, 4]]`.
    public init(arrayLiteral rows: [Double]...) {
        self.init(rows)
    }
}

extension Matrix: CustomStringConvertible {
    /// The rows, one per line, after the shape.
    public var description: String {
        let body = (0..<rows).map { i in
            (0..<cols).map { j in "\(values[i * cols + j])" }.joined(separator: " ")
        }
        return "Matrix \(shape)" + (body.isEmpty ? "" : "\n" + body.joined(separator: "\n"))
    }
}
