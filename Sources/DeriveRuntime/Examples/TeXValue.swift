import DeriveCore
import Foundation

/// Numbers and matrices written as TeX, the same way on every run: at most four decimals,
/// trailing zeros dropped, no negative zero.
public enum TeXValue {
    /// `value` with at most four decimals (`0.5`, `-0.0625`, `0.7311`); very small or large
    /// numbers in scientific form (`1.25 \times 10^{-6}`).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? #"\mathrm{NaN}"# : (value < 0 ? #"-\infty"# : #"\infty"#) }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e6) {
            let parts = String(format: "%.3e", value).split(separator: "e")
            let mantissa = trimmed(String(parts[0]))
            let exponent = Int(parts[1]) ?? 0
            return "\(mantissa) \\times 10^{\(exponent)}"
        }
        return trimmed(String(format: "%.4f", value))
    }

    /// Whether `number(value)` shows `value` exactly.
    public static func isExact(_ value: Double) -> Bool {
        guard value.isFinite else { return true }
        return Double(String(format: "%.4f", value)) == value
    }

    /// `matrix` as a `bmatrix`, every entry through `number(_:)`.
    public static func matrix(_ matrix: Matrix) -> String {
        let rows = (0..<matrix.rows).map { i in (0..<matrix.cols).map { j in number(matrix[i, j]) }.joined(separator: " & ") }
        return "\\begin{bmatrix} " + rows.joined(separator: " \\\\ ") + " \\end{bmatrix}"
    }

    /// `name = tex`, or `name \approx tex` when `values` holds a number `tex` rounds.
    public static func equation(_ name: String, _ tex: String, values: [Double] = []) -> String {
        "\(name) \(values.allSatisfy(isExact) ? "=" : "\\approx") \(tex)"
    }

    /// `value` as a figure writes it: `number(_:)` with a true minus sign, scientific form as `1.25e-6`.
    public static func plain(_ value: Double) -> String {
        let magnitude = abs(value)
        let text = magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e6)
            ? String(format: "%.3e", value).split(separator: "e").map(String.init).enumerated()
                .map { $0.offset == 0 ? trimmed($0.element) : "e" + String(Int($0.element) ?? 0) }.joined()
            : number(value)
        return text.replacingOccurrences(of: "-", with: "−").replacingOccurrences(of: "e−", with: "e-")
    }

    /// A column or row vector as a figure writes it, `(1, −0.5)`; a matrix row by row, `[(1, 2); (3, 4)]`.
    public static func plain(_ matrix: Matrix) -> String {
        if matrix.cols == 1 || matrix.rows == 1 {
            let entries = matrix.values.map(plain)
            return entries.count == 1 ? entries[0] : "(" + entries.joined(separator: ", ") + ")"
        }
        let rows = (0..<matrix.rows).map { i in "(" + (0..<matrix.cols).map { plain(matrix[i, $0]) }.joined(separator: ", ") + ")" }
        return "[" + rows.joined(separator: "; ") + "]"
    }

    /// `text` without the trailing zeros of its decimals, and `-0` written `0`.
    private static func trimmed(_ text: String) -> String {
        var text = text
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
