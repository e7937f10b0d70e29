import Foundation
import Testing
@testable import DeriveRuntime

@Suite struct ActivationTests {
    @Test func sigmoidKnownValuesAndNoOverflow() {
        let s = sigmoid(Matrix([[0, 1000, -1000, 2]]))
        #expect(s[0, 0] == 0.5)
        #expect(s[0, 1] == 1)
        #expect(s[0, 2] == 0)
        #expect(abs(s[0, 3] - 1 / (1 + Foundation.exp(-2))) < 1e-15)
        #expect(σ(Matrix([[0]])) == [[0.5]])
        #expect(sigmoidPrime(Matrix([[0]])) == [[0.25]])
    }

    @Test func reluAndItsDerivative() {
        let z = Matrix([[-2, 0, 3]])
        #expect(relu(z) == [[0, 0, 3]])
        #expect(reluPrime(z) == [[0, 0, 1]])
    }

    @Test func tanhAndItsDerivative() {
        let z = Matrix([[0, 1]])
        #expect(tanh(z) == [[0, Foundation.tanh(1)]])
        #expect(tanhPrime(Matrix([[0]])) == [[1]])
        #expect(abs(tanhPrime(z)[0, 1] - (1 - Foundation.tanh(1) * Foundation.tanh(1))) < 1e-15)
    }

    @Test func expAndLog() {
        #expect(exp(Matrix([[0, 1]])) == [[1, M_E]])
        #expect(log(Matrix([[1, M_E]])) == [[0, 1]])
    }

    @Test func softmaxColumnsSumToOne() {
        let z = Matrix([[1, 0], [2, 0], [3, 0]])
        let s = softmax(z)
        for column in s.columnSums().values { #expect(abs(column - 1) < 1e-15) }
        #expect(abs(s[0, 1] - 1.0 / 3) < 1e-15)
        // softmax(1, 2, 3) = (1, e, e²) / (1 + e + e²)
        let total = 1 + M_E + M_E * M_E
        #expect(abs(s[2, 0] - M_E * M_E / total) < 1e-15)
    }

    @Test func softmaxRowsIsTheTransposeOfColumns() {
        let z = Matrix([[1, 2, 3], [0, -1, 5]])
        #expect(softmax(z, examples: .rows) == softmax(z.T).T)
    }

    @Test func softmaxIsStableForLargeInputs() {
        let s = softmax(Matrix(column: [1000, 1001, 1002]))
        #expect(s.values.allSatisfy { $0.isFinite })
        let reference = softmax(Matrix(column: [0, 1, 2]))
        for (a, b) in zip(s.values, reference.values) { #expect(abs(a - b) < 1e-15) }
    }

    @Test func logSumExpMatchesTheNaiveFormulaOnSafeValues() {
        let z = Matrix([[1, -2], [0.5, 3], [2, 0]])
        let naive = (0..<2).map { j in Foundation.log((0..<3).map { Foundation.exp(z[$0, j]) }.reduce(0, +)) }
        let stable = logSumExp(z)
        #expect(stable.shape == [1, 2])
        for j in 0..<2 { #expect(abs(stable[0, j] - naive[j]) < 1e-14) }
        #expect(logSumExp(z.T, examples: .rows) == stable.T)
    }

    @Test func logSumExpIsStableForLargeInputs() {
        #expect(abs(logSumExp(Matrix(column: [1000, 1000]))[0, 0] - (1000 + Foundation.log(2))) < 1e-12)
        #expect(abs(logSumExp(Matrix(column: [-1000, -1000]))[0, 0] - (-1000 + Foundation.log(2))) < 1e-12)
    }
}
