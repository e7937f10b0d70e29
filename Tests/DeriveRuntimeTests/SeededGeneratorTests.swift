import Foundation
import Testing
import DeriveRuntime

@Suite struct SeededGeneratorTests {
    @Test func matchesTheReferenceXoshiro256StarStar() {
        // The reference C code (xoshiro256starstar.c, seeded by splitmix64.c) for seed 42.
        var generator = SeededGenerator(seed: 42)
        #expect(generator.next() == 0x1578_0B2E_0C2E_C716)
        #expect(generator.next() == 0x6104_D986_6D11_3A7E)
        #expect(generator.next() == 0xAE17_5332_39E4_99A1)
    }

    @Test func sameSeedSameMatrices() {
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3), c = SeededGenerator(seed: 4)
        let first = Matrix.normal(rows: 3, cols: 5, using: &a)
        #expect(first == Matrix.normal(rows: 3, cols: 5, using: &b))
        #expect(first != Matrix.normal(rows: 3, cols: 5, using: &c))
    }

    @Test func uniformStaysInRange() {
        var generator = SeededGenerator(seed: 1)
        let m = Matrix.uniform(rows: 50, cols: 50, in: -2...3, using: &generator)
        #expect(m.values.allSatisfy { -2 <= $0 && $0 <= 3 })
        #expect(abs(m.mean() - 0.5) < 0.1)
    }

    @Test func normalHasTheAskedMoments() {
        var generator = SeededGenerator(seed: 2)
        let m = Matrix.normal(rows: 200, cols: 100, mean: 1, standardDeviation: 2, using: &generator)
        let mean = m.mean()
        let variance = m.values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(m.count)
        #expect(abs(mean - 1) < 0.05)
        #expect(abs(variance.squareRoot() - 2) < 0.05)
    }

    @Test func heAndXavierScaleByFanIn() {
        var generator = SeededGenerator(seed: 5)
        let he = Matrix.he(rows: 100, cols: 800, using: &generator)
        let heStandardDeviation = (he.values.map { $0 * $0 }.reduce(0, +) / Double(he.count)).squareRoot()
        #expect(abs(heStandardDeviation - (2.0 / 800).squareRoot()) < 0.002)
        let heRows = Matrix.he(rows: 800, cols: 100, examples: .rows, using: &generator)
        #expect(abs(heRows.values.map { $0 * $0 }.reduce(0, +) / Double(heRows.count) - 2.0 / 800) < 0.0002)
        let xavier = Matrix.xavier(rows: 10, cols: 20, using: &generator)
        #expect(xavier.values.allSatisfy { abs($0) <= (6.0 / 30).squareRoot() })
        #expect(xavier.values.map(abs).max()! > 0.9 * (6.0 / 30).squareRoot())
    }
}
