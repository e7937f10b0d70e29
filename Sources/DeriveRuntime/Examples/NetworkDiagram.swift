import DeriveCore
import Foundation

/// A fully connected network as a figure: one column of units per layer, with every layer's size
/// and its weight matrix's shape taken from the note's own matrices, and one weight picked out to
/// show which index of W is which.
public struct NetworkDiagram: Sendable {
    /// How the note stores a layer's weights.
    public enum Layout: Sendable {
        /// `W[l]` is n_l × n_{l−1}: row j is unit j of layer l, column k unit k of layer l − 1
        /// (the course's notation).
        case outputsByInputs
        /// `W̃[l]` is n_{l−1} × n_l: row k is unit k of layer l − 1, column j unit j of layer l.
        case inputsByOutputs
    }

    /// The units per layer, input first.
    public let sizes: [Int]
    /// Each layer's weight matrix's shape, as the note stores it.
    public let weightShapes: [[Int]]
    /// What each column is called (`x`, `a[1]`, …, `ŷ`).
    public let names: [String]
    /// How the weights are stored.
    public let layout: Layout
    /// The weight picked out: its layer, the unit it goes into and the unit it comes from, from 1.
    public let highlight: (layer: Int, into: Int, from: Int)?

    /// The network whose weights are `weights` (layer 1 first), stored as `layout` says; the
    /// sizes are the matrices' own. `highlight` picks out one weight (`(2, 1, 2)`: into unit 1 of
    /// layer 2 from unit 2 of layer 1).
    public init(
        weights: [Matrix], layout: Layout = .outputsByInputs, names: [String]? = nil,
        highlight: (layer: Int, into: Int, from: Int)? = nil
    ) {
        var sizes: [Int] = []
        for (index, weight) in weights.enumerated() {
            let (into, from) = layout == .outputsByInputs ? (weight.rows, weight.cols) : (weight.cols, weight.rows)
            if index == 0 { sizes.append(from) }
            sizes.append(into)
        }
        self.sizes = sizes
        self.weightShapes = weights.map(\.shape)
        self.layout = layout
        self.names = names ?? (["x"] + (1..<max(sizes.count, 1)).map { "a[\($0)]" })
        self.highlight = highlight
    }

    /// The units a column shows: all of a small layer, else the first three and the last two.
    private static func shown(_ size: Int) -> [Int?] {
        size <= 6 ? (1...max(size, 1)).map { $0 } : [1, 2, 3, nil, size - 1, size]
    }

    /// The figure.
    public var drawing: Drawing {
        let spacing = 170.0, top = 56.0, step = 46.0, radius = 15.0, left = 70.0
        let tallest = sizes.map { Self.shown($0).count }.max() ?? 1
        let height = top + Double(tallest) * step + 88
        let note = highlightText
        let width = max(left * 2 + spacing * Double(max(sizes.count - 1, 0)), Canvas.width(of: note ?? "") + 2 * (left - radius))
        var canvas = Canvas(width: width, height: height)
        func position(_ layer: Int, _ slot: Int) -> (Double, Double) {
            let count = Double(Self.shown(sizes[layer]).count)
            let offset = (Double(tallest) - count) * step / 2
            return (left + spacing * Double(layer), top + offset + step * (Double(slot) + 0.5))
        }
        for layer in 1..<sizes.count {
            for (to, unit) in Self.shown(sizes[layer]).enumerated() where unit != nil {
                for (from, input) in Self.shown(sizes[layer - 1]).enumerated() where input != nil {
                    let isPicked = highlight.map { $0.layer == layer && $0.into == unit && $0.from == input } ?? false
                    canvas.line(from: position(layer - 1, from), to: position(layer, to), style: isPicked ? .highlight : .edge)
                }
            }
            let shape = weightShapes[layer - 1]
            let name = layout == .outputsByInputs ? "W[\(layer)]" : "W̃[\(layer)]"
            canvas.text("\(name): \(shape[0])×\(shape[1])", x: left + spacing * (Double(layer) - 0.5), y: height - 44, style: .label)
        }
        for (layer, size) in sizes.enumerated() {
            let (x, _) = position(layer, 0)
            canvas.text(names.indices.contains(layer) ? names[layer] : "", x: x, y: 24, style: .label)
            canvas.text(layer == 0 ? "input, \(size)" : "layer \(layer), \(size)", x: x, y: 40, style: .caption)
            for (slot, unit) in Self.shown(size).enumerated() {
                let (cx, cy) = position(layer, slot)
                guard let unit else {
                    canvas.text("⋮", x: cx, y: cy + 5, style: .label)
                    continue
                }
                canvas.circle(x: cx, y: cy, radius: radius)
                canvas.text(String(unit), x: cx, y: cy + 4, style: .label)
            }
        }
        if let note { canvas.text(note, x: left - radius, y: height - 18, anchor: .start, style: .highlight) }
        return canvas.drawing
    }

    /// What the picked-out weight's indices mean, for the line under the figure.
    private var highlightText: String? {
        guard let (l, j, k) = highlight, l >= 1, l < sizes.count else { return nil }
        return layout == .outputsByInputs
            ? "W[\(l)]\(subscripted(j))\(subscripted(k)): row \(j) = unit \(j) of layer \(l), column \(k) = unit \(k) of layer \(l - 1)"
            : "W̃[\(l)]\(subscripted(k))\(subscripted(j)): row \(k) = unit \(k) of layer \(l - 1), column \(j) = unit \(j) of layer \(l)"
    }
}

extension NetworkDiagram.Layout: Equatable {}
