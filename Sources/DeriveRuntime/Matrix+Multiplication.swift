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
    ///
    /// Costs no copy: the transpose shares the entries and reads them in the other order.
    @differentiable(reverse)
    public var transposed: Matrix {
        Matrix(rows: cols, cols: rows, storage: storage, columnMajor: !isColumnMajor)
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
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, cols: n, repeating: 0) }
        // A matrix stored column after column is its transpose stored row after row: BLAS reads
        // it with the transpose flag flipped, and its stored rows are `rows` long.
        func blasOperand(_ x: Matrix, _ transposed: Bool) -> (CBLAS_TRANSPOSE, blasint) {
            (transposed != x.isColumnMajor ? CblasTrans : CblasNoTrans, blasInt(x.isColumnMajor ? x.rows : x.cols))
        }
        let (opA, lda) = blasOperand(a, transposeA), (opB, ldb) = blasOperand(b, transposeB)
        let out = [Double](unsafeUninitializedCapacity: m * n) { po, initialized in
            a.storage.withUnsafeBufferPointer { pa in
                b.storage.withUnsafeBufferPointer { pb in
                    cblas_dgemm(
                        CblasRowMajor, opA, opB, blasInt(m), blasInt(n), blasInt(k),
                        1, pa.baseAddress, lda, pb.baseAddress, ldb, 0, po.baseAddress, blasInt(n))
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, cols: n, storage: out, columnMajor: false)
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
