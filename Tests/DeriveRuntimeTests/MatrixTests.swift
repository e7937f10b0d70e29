import Testing
@testable import DeriveRuntime

@Suite struct MatrixTests {
    @Test func initializersAgreeOnRowMajorOrder() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.shape == [2, 3])
        #expect(m.values == [1, 2, 3, 4, 5, 6])
        #expect(m == Matrix(rows: 2, cols: 3, values: [1, 2, 3, 4, 5, 6]))
        #expect(m == [[1, 2, 3], [4, 5, 6]])
        #expect(m[1, 0] == 4)
        #expect(Matrix(column: [1, 2]).shape == [2, 1])
        #expect(Matrix(row: [1, 2]).shape == [1, 2])
        #expect(Matrix(rows: 2, cols: 2, repeating: 7).values == [7, 7, 7, 7])
    }

    @Test func subscriptWrites() {
        var m = Matrix(rows: 2, cols: 2, repeating: 0)
        m[0, 1] = 5
        #expect(m.values == [0, 5, 0, 0])
    }

    @Test func productOfTwoByThreeAndThreeByTwo() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12]
        #expect(a * b == [[58, 64], [139, 154]])
        #expect(b * a == [[39, 54, 69], [49, 68, 87], [59, 82, 105]])
    }

    @Test func transposedProductsMatchAnExplicitTranspose() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[1, 0, 2], [0, 1, 1]])
        #expect(Matrix.product(a, b, transposingRight: true) == a * b.T)
        #expect(Matrix.product(a, b, transposingLeft: true) == a.T * b)
    }

    @Test func transposeSwapsIndices() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.transposed == [[1, 4], [2, 5], [3, 6]])
        #expect(m.T.T == m)
    }

    @Test func columnVectorBroadcastsAcrossColumns() {
        // Z = W X + b 1ᵀ: the bias column is added to every column.
        let z = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix(column: [10, 20])
        #expect(z + b == [[11, 12, 13], [24, 25, 26]])
        #expect(b + z == z + b)
        #expect(z - b == [[-9, -8, -7], [-16, -15, -14]])
    }

    @Test func rowVectorBroadcastsAcrossRows() {
        // Z = X W + 1 b: the bias row is added to every row.
        let z = Matrix([[1, 2], [3, 4], [5, 6]])
        let b = Matrix(row: [10, 20])
        #expect(z + b == [[11, 22], [13, 24], [15, 26]])
        #expect(b - z == [[9, 18], [7, 16], [5, 14]])
    }

    @Test func elementWiseAndScalarOperations() {
        let a = Matrix([[1, 2], [3, 4]])
        let b = Matrix([[5, 6], [7, 8]])
        #expect(a ⊙ b == [[5, 12], [21, 32]])
        #expect(a + b == [[6, 8], [10, 12]])
        #expect(2 * a == [[2, 4], [6, 8]])
        #expect(a / 2 == [[0.5, 1], [1.5, 2]])
        #expect(1 - a == [[0, -1], [-2, -3]])
        #expect(-a == [[-1, -2], [-3, -4]])
        #expect(a.map { $0 * $0 } == [[1, 4], [9, 16]])
    }

    @Test func shapelessZeroIsTheIdentityForAddition() {
        let a = Matrix([[1, 2], [3, 4]])
        #expect(Matrix.zero + a == a)
        #expect(a + .zero == a)
        #expect(a - .zero == a)
        #expect(Matrix.zero - a == -a)
        #expect(Matrix.zero * a == .zero)
        #expect(a ⊙ .zero == .zero)
    }

    @Test func reductions() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.sum() == 21)
        #expect(m.mean() == 3.5)
        #expect(m.rowSums() == Matrix(column: [6, 15]))
        #expect(m.columnSums() == Matrix(row: [5, 7, 9]))
        #expect(m.argmax() == [1, 1, 1])
        #expect(m.argmax(examples: .rows) == [2, 2])
        #expect(Matrix([[3, 3, 1]]).argmax(examples: .rows) == [0])
    }

    @Test func mismatchedShapesAreRecordedWithBothShapesAndAPlaceholder() {
        withKnownIssue {
            let sum = Matrix(rows: 2, cols: 3, repeating: 1) + Matrix(rows: 3, cols: 2, repeating: 1)
            #expect(sum == Matrix(rows: 2, cols: 3, repeating: 0))
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("got [2, 3] + [3, 2]") }
        }
        withKnownIssue {
            let product = Matrix(rows: 2, cols: 3, repeating: 1) * Matrix(rows: 2, cols: 1, repeating: 1)
            #expect(product == Matrix(rows: 2, cols: 1, repeating: 0))
        } matching: { issue in
            issue.comments.contains {
                $0.rawValue == "matrix product needs the left's columns to equal the right's rows, got 2x3 * 2x1"
            }
        }
    }

    @Test func aMistakeOutsideATestIsOneLineAndStatusOne() async throws {
        let result = try await #require(#expect(processExitsWith: .exitCode(1), observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 2, cols: 3, repeating: 1) ⊙ Matrix(rows: 2, cols: 1, repeating: 1)
        })
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self) == "error: ⊙ needs equal shapes, got [2, 3] ⊙ [2, 1]\n")
    }

    @Test func descriptionShowsShapeAndRows() {
        #expect(Matrix([[1, 2], [3, 4]]).description == "Matrix [2, 2]\n1.0 2.0\n3.0 4.0")
    }
}

@Suite struct SlicingTests {
    @Test func columnsAndRowsPickExamplesInOrder() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.columns([2, 0]) == [[3, 1], [6, 4]])
        #expect(m.columns(1..<3) == [[2, 3], [5, 6]])
        #expect(m.rows([1]) == [[4, 5, 6]])
        #expect(m.rows(0..<2) == m)
        #expect(m.columns([]).shape == [2, 0])
    }
}
