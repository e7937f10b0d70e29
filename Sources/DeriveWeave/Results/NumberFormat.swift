import Foundation

/// How numbers from reports are written on the pages: fixed formats, so output never varies.
enum NumberFormat {
    /// `3.20e-07`, for relative errors and tolerances.
    static func scientific(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2e", value) : "\(value)"
    }

    /// Up to four significant digits (`0.8612`, `1.2e+03`), for named results and axis ticks.
    static func short(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4g", value) : "\(value)"
    }

    /// `3 × 4`, for a matrix shape.
    static func shape(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: " × ")
    }
}
