/// A dense matrix of `Double`s: the value every note computes with.
///
/// Its entries read row after row (`values`); it may store them column after column instead, so
/// that a transpose (`W.T`) or a data set with one example per column costs no copy, and the
/// matrix product hands either order to BLAS as it is.
///
/// Operations check shapes; when they disagree, the note's mistake is reported at its line with
/// both shapes (see `reportNoteMistake(_:)`) and the operation returns a zero placeholder.
/// `Matrix.zero` is a shape-less zero (see `Matrix+Differentiable.swift`), the identity for `+`.
public struct Matrix: Sendable {
    /// The number of rows.
    public private(set) var rows: Int
    /// The number of columns.
    public private(set) var cols: Int
    /// The entries as stored: row after row, or column after column when `isColumnMajor`.
    private(set) var storage: [Double]
    /// Whether `storage` holds the entries column after column; never true for a vector or an
    /// empty matrix, whose two orders are the same.
    private(set) var isColumnMajor: Bool

    /// The entries, row after row: entry (i, j) is `values[i * cols + j]`.
    public var values: [Double] {
        isColumnMajor ? transposedEntries(storage, rows: cols, cols: rows) : storage
    }

    /// A `rows`×`cols` matrix over `storage`, in the order `columnMajor` says; unchecked.
    init(rows: Int, cols: Int, storage: [Double], columnMajor: Bool) {
        self.rows = rows
        self.cols = cols
        self.storage = storage
        self.isColumnMajor = columnMajor && rows > 1 && cols > 1
    }

    /// A `rows`×`cols` matrix whose entries are all `value`.
    public init(rows: Int, cols: Int, repeating value: Double) {
        let valid = ensure(rows >= 0 && cols >= 0, "a matrix cannot have shape [\(rows), \(cols)]")
        self.init(
            rows: valid ? rows : 0, cols: valid ? cols : 0,
            storage: Array(repeating: value, count: valid ? rows * cols : 0), columnMajor: false)
    }

    /// A `rows`×`cols` matrix from its entries, row after row.
    public init(rows: Int, cols: Int, values: [Double]) {
        let valid =
            ensure(rows >= 0 && cols >= 0, "a matrix cannot have shape [\(rows), \(cols)]")
            && ensure(
                values.count == rows * cols,
                "\(values.count) values cannot fill a matrix of shape [\(rows), \(cols)]")
        let (r, c) = valid ? (rows, cols) : (max(rows, 0), max(cols, 0))
        self.init(rows: r, cols: c, storage: valid ? values : Array(repeating: 0, count: r * c), columnMajor: false)
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
    public var count: Int { storage.count }

    /// The same matrix stored row after row (itself when it already is).
    var rowMajor: Matrix {
        isColumnMajor ? Matrix(rows: rows, cols: cols, storage: values, columnMajor: false) : self
    }

    /// Where entry (i, j) sits in `storage`.
    private func offset(_ i: Int, _ j: Int) -> Int {
        isColumnMajor ? j * rows + i : i * cols + j
    }

    /// The entry in row `i` and column `j`, both counted from 0.
    public subscript(i: Int, j: Int) -> Double {
        get {
            guard ensure(0 <= i && i < rows && 0 <= j && j < cols, "index (\(i), \(j)) is outside shape \(shape)") else {
                return 0
            }
            return storage[offset(i, j)]
        }
        set {
            guard ensure(0 <= i && i < rows && 0 <= j && j < cols, "index (\(i), \(j)) is outside shape \(shape)") else {
                return
            }
            storage[offset(i, j)] = newValue
        }
    }

    /// The entry at `index` in row-major order; the derivation check perturbs entries through it.
    subscript(flat index: Int) -> Double {
        get { storage[offset(index / cols, index % cols)] }
        set { storage[offset(index / cols, index % cols)] = newValue }
    }
}

extension Matrix: Hashable {
    /// Two matrices are equal when their shapes and their entries are, however each is stored.
    public static func == (lhs: Matrix, rhs: Matrix) -> Bool {
        guard lhs.rows == rhs.rows && lhs.cols == rhs.cols else { return false }
        return lhs.isColumnMajor == rhs.isColumnMajor ? lhs.storage == rhs.storage : lhs.values == rhs.values
    }

    /// Hashes the shape and the entries row after row, so that equal matrices hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rows)
        hasher.combine(cols)
        hasher.combine(values)
    }
}

/// The transpose of a row-major `rows`×`cols` array, row-major, copied in cache-sized tiles.
func transposedEntries(_ entries: [Double], rows: Int, cols: Int) -> [Double] {
    let tile = 32
    return [Double](unsafeUninitializedCapacity: rows * cols) { out, initialized in
        entries.withUnsafeBufferPointer { a in
            for i0 in stride(from: 0, to: rows, by: tile) {
                for j0 in stride(from: 0, to: cols, by: tile) {
                    for i in i0..<min(i0 + tile, rows) {
                        for j in j0..<min(j0 + tile, cols) { out[j * rows + i] = a[i * cols + j] }
                    }
                }
            }
        }
        initialized = rows * cols
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
        let values = values
        let body = (0..<rows).map { i in
            (0..<cols).map { j in "\(values[i * cols + j])" }.joined(separator: " ")
        }
        return "Matrix \(shape)" + (body.isEmpty ? "" : "\n" + body.joined(separator: "\n"))
    }
}
