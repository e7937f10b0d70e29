import DeriveCore
import Foundation

/// A `Drawing` from a note's code, written as inline SVG by the site itself: only the shapes the
/// drawing model has (lines, rectangles, circles, texts), numbers as numbers, every text escaped,
/// and colours by class from the stylesheet. So a figure can carry no markup, no attribute and no
/// script of its own, whatever the note's code put into it.
struct DrawingSVG {
    var drawing: Drawing
    /// What the figure shows, for readers that do not see it (its caption).
    var label: String

    /// The `<svg>` element.
    var svg: String {
        let label = label.htmlEscaped
        var svg = "<svg class=\"drawing\" viewBox=\"0 0 \(n(drawing.width)) \(n(drawing.height))\" width=\"\(n(drawing.width))\""
            + " role=\"img\" aria-label=\"\(label)\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>\(label)</title>\n"
        if drawing.shapes.contains(where: { if case .line(_, _, _, _, _, true) = $0 { true } else { false } }) {
            svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" class=\"arrow-head\"/></marker></defs>\n"
        }
        for shape in drawing.shapes { svg += element(shape) + "\n" }
        return svg + "</svg>"
    }

    private func element(_ shape: Drawing.Shape) -> String {
        switch shape {
        case .line(let x1, let y1, let x2, let y2, let style, let arrow):
            return "<line class=\"\(style.rawValue)\" x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\""
                + (arrow ? " marker-end=\"url(#arrow)\"" : "") + "/>"
        case .rectangle(let x, let y, let width, let height, let radius, let style):
            return "<rect class=\"\(style.rawValue)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(max(height, 0)))\""
                + (radius > 0 ? " rx=\"\(n(radius))\"" : "") + "/>"
        case .circle(let x, let y, let radius, let style):
            return "<circle class=\"\(style.rawValue)\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(max(radius, 0)))\"/>"
        case .text(let x, let y, let text, let anchor, let style):
            return "<text class=\"\(style.rawValue)\" x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor.rawValue)\">\(text.htmlEscaped)</text>"
        }
    }

    /// A coordinate with at most one decimal, the same bytes on every run; not-finite ones as 0.
    private func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
    }
}
