import Testing
@testable import DeriveRuntime

/// A transpose shares its entries and reads them column after column: everything a note can see
/// must be the same as for the same entries stored row after row.
@Suite struct StorageOrderTests {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    /// aᵀ written out, stored row after row.
    let explicitTranspose = Matrix([[1, 4], [2, 5], [3, 6]])

    @Test func aTransposeSharesItsEntriesInTheOtherOrder() {
        let t = a.T
        #expect(t.isColumnMajor && !explicitTranspose.isColumnMajor)
        #expect(t.storage == a.storage)
        #expect(t.values == explicitTranspose.values)
        #expect(t.rowMajor.storage == [1, 4, 2, 5, 3, 6] && !t.rowMajor.isColumnMajor)
        #expect(t.T == a && !t.T.isColumnMajor)
    }

    @Test func equalityHashReadingAndWritingIgnoreTheOrder() {
        var t = a.T
        #expect(t == explicitTranspose && explicitTranspose == t)
        #expect(t.hashValue == explicitTranspose.hashValue)
        #expect(t != a && a.T != Matrix([[1, 2], [3, 4], [5, 6]]))
        #expect(t[2, 1] == 6 && t[flat: 1] == 4 && t[flat: 4] == 3)
        t[0, 1] = 40
        t[flat: 4] = 30
        #expect(t == [[1, 40], [2, 5], [30, 6]])
        #expect(a == [[1, 2, 3], [4, 5, 6]], "writing into the transpose must not write into a")
        #expect(t.description == "Matrix [3, 2]\n1.0 40.0\n2.0 5.0\n30.0 6.0")
    }

    @Test func vectorsAreNeverColumnMajor() {
        #expect(!Matrix(column: [1, 2, 3]).T.isColumnMajor && Matrix(column: [1, 2, 3]).T == [[1, 2, 3]])
        #expect(!Matrix(row: [1, 2]).T.isColumnMajor && Matrix(row: [1, 2]).T == [[1], [2]])
    }

    @Test func productsTakeEitherOrderOnEitherSide() {
        let b = Matrix([[1, 0, 2], [0, 1, 1], [2, 2, 0]])
        let c = Matrix([[1, 2], [0, 1]])
        // Every combination of stored orders gives the product of the explicit matrices.
        #expect(a.T * c == explicitTranspose * c)
        #expect(c * a == c.T.T * a)
        #expect(a * b.T == a * Matrix(b.T.values.chunked(3)))
        #expect(a.T.T * b.T == a * Matrix(b.T.values.chunked(3)))
        #expect(explicitTranspose.T * explicitTranspose == a * explicitTranspose)
        #expect(Matrix.product(a.T, b, transposingLeft: true) == a * b)
        #expect(Matrix.product(c, a.T, transposingRight: true) == c * a)
        #expect(Matrix.product(a.T, b.T, transposingLeft: true, transposingRight: true) == a * b)
    }

    @Test func elementWiseOperationsAndReductionsMixOrders() {
        let t = a.T, e = explicitTranspose
        #expect(t + e == e + e && e - t == Matrix(rows: 3, cols: 2, repeating: 0))
        #expect(t ⊙ t == e ⊙ e && (t ⊙ e).isColumnMajor == false)
        #expect((t ⊙ t).isColumnMajor, "two transposes combine in their own order")
        #expect(2 * t == 2 * e && sigmoid(t) == sigmoid(e) && -t == -e)
        #expect(t + Matrix(column: [10, 20, 30]) == e + Matrix(column: [10, 20, 30]))
        #expect(t + Matrix(row: [10, 20]) == e + Matrix(row: [10, 20]))
        #expect(t.sum() == e.sum() && t.rowSums() == e.rowSums() && t.columnSums() == e.columnSums())
        #expect(t.argmax(examples: .columns) == [2, 2] && t.argmax(examples: .rows) == e.argmax(examples: .rows))
    }

    @Test func columnsOfAColumnMajorMatrixAreContiguousCopies() {
        let t = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]).T   // 3×4, column-major
        let picked = t.columns([3, 0, 3])
        #expect(picked.isColumnMajor && picked == [[10, 1, 10], [11, 2, 11], [12, 3, 12]])
        #expect(picked.storage == [10, 11, 12, 1, 2, 3, 10, 11, 12])
        #expect(t.rows([2, 0]) == [[3, 6, 9, 12], [1, 4, 7, 10]])
        #expect(t.columns([1]) == [[4], [5], [6]] && !t.columns([1]).isColumnMajor)
    }

    @Test func aBadColumnOfAColumnMajorMatrixIsReportedAndZero() {
        let t = Matrix([[1, 2], [3, 4], [5, 6]]).T   // 2×3, column-major
        withKnownIssue {
            #expect(t.columns([0, 7]) == [[1, 0], [2, 0]])
        } matching: { $0.comments.contains { $0.rawValue.contains("column 7 is outside shape [2, 3]") } }
    }
}

extension Array {
    /// The elements in consecutive runs of `size`.
    fileprivate func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
