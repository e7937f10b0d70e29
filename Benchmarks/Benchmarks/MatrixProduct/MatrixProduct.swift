import Benchmark
import DeriveRuntime

/// Matrix products at the sizes a 784-K-10 network trains with (K = 64 or 128, mini-batches of
/// 64), each measured twice in the same run: with `DeriveRuntime`'s `*` (OpenBLAS) and with a
/// naive triple loop, the baseline. The runtime's benchmark also records its speedup over the
/// baseline and its GFLOP/s as custom metrics.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        warmupIterations: 2,
        maxDuration: .seconds(1),
        maxIterations: 1_000)

    let shapes: [(m: Int, k: Int, n: Int, role: String)] = [
        (128, 784, 64, "W1 X, K=128"),
        (64, 784, 64, "W1 X, K=64"),
        (784, 128, 64, "W1ᵀ δ1, K=128"),
        (128, 64, 784, "δ1 Xᵀ, K=128"),
        (10, 128, 64, "W2 A1, K=128"),
    ]
    for shape in shapes {
        var generator = SeededGenerator(seed: 1)
        let a = Matrix.uniform(rows: shape.m, cols: shape.k, in: -1...1, using: &generator)
        let b = Matrix.uniform(rows: shape.k, cols: shape.n, in: -1...1, using: &generator)
        let size = "\(shape.m)x\(shape.k) * \(shape.k)x\(shape.n) (\(shape.role))"
        let flops = 2 * shape.m * shape.k * shape.n

        Benchmark("naive triple loop \(size)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(naiveProduct(a, b)) }
        }

        let baseline = Baseline()
        Benchmark(
            "DeriveRuntime * \(size)",
            configuration: .init(metrics: [.wallClock, .throughput, speedup, gigaflops]),
            closure: { benchmark in
                for _ in benchmark.scaledIterations {
                    let nanoseconds = medianNanoseconds(runs: 1) { blackHole(a * b) }
                    benchmark.measurement(speedup, baseline.nanoseconds / max(nanoseconds, 1))
                    benchmark.measurement(gigaflops, flops / max(nanoseconds, 1))
                }
            },
            setup: { baseline.nanoseconds = medianNanoseconds(runs: 5) { blackHole(naiveProduct(a, b)) } }
        )
    }
}

/// How many times faster than the naive triple loop, measured in the same run.
let speedup = BenchmarkMetric.custom("speedup over naive loop (x)", polarity: .prefersLarger, useScalingFactor: false)
/// Floating-point operations (2 m k n) per nanosecond.
let gigaflops = BenchmarkMetric.custom("GFLOP/s", polarity: .prefersLarger, useScalingFactor: false)

/// The baseline's time, measured in the runtime benchmark's setup.
final class Baseline: @unchecked Sendable {
    var nanoseconds = 0
}

/// The median wall-clock time of `runs` calls of `body`, in nanoseconds.
func medianNanoseconds(runs: Int, _ body: () -> Void) -> Int {
    let clock = ContinuousClock()
    let times = (0..<runs).map { _ in
        let elapsed = clock.measure(body)
        return Int(elapsed.components.seconds) * 1_000_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000)
    }
    return times.sorted()[runs / 2]
}

/// The textbook product: for each (i, j), the dot product of row i and column j.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> [Double] {
    let (m, k, n) = (a.rows, a.cols, b.cols)
    let x = a.values, y = b.values
    var out = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var sum = 0.0
            for p in 0..<k { sum += x[i * k + p] * y[p * n + j] }
            out[i * n + j] = sum
        }
    }
    return out
}
