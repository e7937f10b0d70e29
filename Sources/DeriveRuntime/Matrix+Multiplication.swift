import _Differentiation
import CBLAS

extension Matrix {
    /// The matrix product (numpy's `@`): an m×k matrix times a k×n matrix is m×n.
    ///
    /// Computed by OpenBLAS's `dgemm`.
    @differentiable(reverse)
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        product(lhs, rhs)
    }

    /// The transpose: entry (i, j) becomes entry (j, i).
    @differentiable(reverse)
    public var transposed: Matrix {
        var out = [Double](repeating: 0, count: count)
        values.withUnsafeBufferPointer { a in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<rows {
                    for j in 0..<cols { o[j * rows + i] = a[i * cols + j] }
                }
            }
        }
        return Matrix(rows: cols, cols: rows, values: out)
    }

    /// The transpose, as the math writes it: `W.T` is Wᵀ.
    @differentiable(reverse)
    public var T: Matrix { transposed }

    /// op(a) times op(b), where op transposes when asked, without forming the transposes.
    static func product(_ a: Matrix, _ b: Matrix, transposingLeft transposeA: Bool = false, transposingRight transposeB: Bool = false) -> Matrix {
        if a.isShapelessZero || b.isShapelessZero { return .zero }
        let (m, k) = transposeA ? (a.cols, a.rows) : (a.rows, a.cols)
        let (bk, n) = transposeB ? (b.cols, b.rows) : (b.rows, b.cols)
        func shown(_ m: Matrix, _ transposed: Bool) -> String { "\(m.rows)x\(m.cols)" + (transposed ? "ᵀ" : "") }
        guard
            ensure(
                k == bk,
                "matrix product needs the left's columns to equal the right's rows, got \(shown(a, transposeA)) * \(shown(b, transposeB))")
        else { return Matrix(rows: m, cols: n, repeating: 0) }
        var out = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, cols: n, values: out) }
        a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    cblas_dgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                        blasInt(m), blasInt(n), blasInt(k),
                        1, pa.baseAddress, blasInt(a.cols), pb.baseAddress, blasInt(b.cols),
                        0, po.baseAddress, blasInt(n))
                }
            }
        }
        return Matrix(rows: m, cols: n, values: out)
    }

    @usableFromInline
    @derivative(of: *)
    static func vjpProduct(lhs: Matrix, rhs: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        // d(lhs) = g rhsᵀ, d(rhs) = lhsᵀ g.
        (lhs * rhs, { g in (product(g, rhs, transposingRight: true), product(lhs, g, transposingLeft: true)) })
    }

    @usableFromInline
    @derivative(of: transposed)
    func vjpTransposed() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (transposed, { g in g.transposed })
    }
}

/// A dimension as BLAS's integer type, which is narrower than `Int`.
private func blasInt(_ value: Int) -> blasint {
    guard ensure(value <= Int(blasint.max), "dimension \(value) is too large for BLAS") else { return 0 }
    return blasint(value)
}
