import Foundation

/// A training run's loss curve as an inline SVG, drawn at build time: axes, ticks, labels and
/// the curve. Colours come from the stylesheet (`currentColor`), so it follows dark mode and prints.
struct LossCurve {
    /// The losses, one per point of the x axis, which counts from 1.
    var losses: [Double]
    /// What the x axis counts (`epoch`).
    var xLabel: String

    private let width = 560.0, height = 280.0
    private let left = 64.0, right = 16.0, top = 16.0, bottom = 48.0

    /// The `<svg>` element.
    var svg: String {
        let finite = losses.filter(\.isFinite)
        let yTicks = Self.ticks(from: finite.min() ?? 0, to: finite.max() ?? 1)
        let xTicks = Self.ticks(from: 1, to: Double(max(losses.count, 1))).filter { $0 == $0.rounded() && $0 >= 1 }
        let plot = Plot(
            x: 1...Double(max(losses.count, 2)), y: yTicks.first!...yTicks.last!,
            left: left, right: width - right, top: top, bottom: height - bottom
        )
        let label = "Loss by \(xLabel)".htmlEscaped
        var svg = "<svg class=\"loss-curve\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\""
            + " aria-label=\"\(label)\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>\(label)</title>\n"
            + "<path class=\"axis\" d=\"M\(n(left)) \(n(top))V\(n(plot.bottom))H\(n(plot.right))\"/>\n"
        for tick in yTicks {
            let y = plot.y(tick)
            svg += "<path class=\"grid\" d=\"M\(n(left)) \(n(y))H\(n(plot.right))\"/>"
                + "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(NumberFormat.short(tick))</text>\n"
        }
        for tick in xTicks {
            let x = plot.x(tick)
            svg += "<path class=\"axis\" d=\"M\(n(x)) \(n(plot.bottom))v5\"/>"
                + "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(plot.bottom + 18))\" text-anchor=\"middle\">\(Int(tick))</text>\n"
        }
        svg += "<text class=\"label\" x=\"\(n((left + plot.right) / 2))\" y=\"\(n(height - 8))\" text-anchor=\"middle\">\(xLabel.htmlEscaped)</text>\n"
            + "<text class=\"label\" transform=\"translate(14 \(n((top + plot.bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">loss</text>\n"
        for run in finiteRuns() {
            let points = run.map { (x: plot.x(Double($0.offset + 1)), y: plot.y($0.element)) }
            if points.count == 1 {
                svg += "<circle class=\"point\" cx=\"\(n(points[0].x))\" cy=\"\(n(points[0].y))\" r=\"2.5\"/>\n"
            } else {
                svg += "<polyline class=\"curve\" points=\"\(points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " "))\"/>\n"
            }
        }
        return svg + "</svg>"
    }

    /// Maps data to SVG coordinates inside the axes.
    private struct Plot {
        var x: ClosedRange<Double>, y: ClosedRange<Double>
        var left: Double, right: Double, top: Double, bottom: Double

        func x(_ value: Double) -> Double {
            left + (value - x.lowerBound) / (x.upperBound - x.lowerBound) * (right - left)
        }

        func y(_ value: Double) -> Double {
            let span = y.upperBound - y.lowerBound
            return bottom - (span > 0 ? (value - y.lowerBound) / span : 0.5) * (bottom - top)
        }
    }

    /// Runs of consecutive finite losses, with their offsets; a NaN or infinity breaks the curve.
    private func finiteRuns() -> [[(offset: Int, element: Double)]] {
        var runs: [[(offset: Int, element: Double)]] = [[]]
        for point in losses.enumerated() {
            if point.element.isFinite {
                runs[runs.count - 1].append(point)
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// Round values, 1, 2 or 5 times a power of ten apart, from at or below `low` to at or above `high`.
    static func ticks(from low: Double, to high: Double) -> [Double] {
        guard high > low else { return [low] }
        let rough = (high - low) / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
        return stride(from: first, through: last, by: 1).map { $0 * step + 0 }  // + 0 turns -0 into 0
    }

    /// A coordinate with one decimal, so the SVG is short and stable.
    private func n(_ value: Double) -> String { String(format: "%.1f", value) }
}
