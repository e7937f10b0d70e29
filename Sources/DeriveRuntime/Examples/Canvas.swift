import DeriveCore
import Foundation

/// Builds a `Drawing` shape by shape, every coordinate rounded to a tenth so that the same
/// figure is written with the same bytes on every run.
public struct Canvas: Sendable {
    /// The drawing so far.
    public private(set) var drawing: Drawing

    /// An empty canvas of `width` by `height`.
    public init(width: Double, height: Double) {
        drawing = Drawing(width: Self.rounded(width), height: Self.rounded(height))
    }

    /// Adds a line, with an arrow head at its end when `arrow`.
    public mutating func line(from start: (Double, Double), to end: (Double, Double), style: Drawing.Style = .edge, arrow: Bool = false) {
        drawing.shapes.append(.line(
            x1: Self.rounded(start.0), y1: Self.rounded(start.1), x2: Self.rounded(end.0), y2: Self.rounded(end.1), style: style, arrow: arrow))
    }

    /// Adds a rectangle with its top-left corner at `x`, `y`.
    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double, radius: Double = 0, style: Drawing.Style = .frame) {
        drawing.shapes.append(.rectangle(
            x: Self.rounded(x), y: Self.rounded(y), width: Self.rounded(width), height: Self.rounded(height),
            radius: Self.rounded(radius), style: style))
    }

    /// Adds a circle.
    public mutating func circle(x: Double, y: Double, radius: Double, style: Drawing.Style = .node) {
        drawing.shapes.append(.circle(x: Self.rounded(x), y: Self.rounded(y), radius: Self.rounded(radius), style: style))
    }

    /// Adds a text whose baseline starts, is centred or ends at `x`, `y`.
    public mutating func text(_ text: String, x: Double, y: Double, anchor: Drawing.Anchor = .middle, style: Drawing.Style = .label) {
        drawing.shapes.append(.text(x: Self.rounded(x), y: Self.rounded(y), text: text, anchor: anchor, style: style))
    }

    /// About how wide `text` is at the figures' font size, for laying boxes out around it.
    public static func width(of text: String) -> Double { Double(text.count) * 6.8 }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

/// Unicode subscript digits, for index labels in figures (`W[2]₁₂`).
func subscripted(_ number: Int) -> String {
    let digits = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(number).map { $0.wholeNumberValue.map { digits[$0] } ?? String($0) }.joined()
}
