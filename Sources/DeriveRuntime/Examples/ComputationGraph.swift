import DeriveCore
import Foundation

/// A computational graph of one hand example as a figure: each node a box with its name, the
/// value the forward pass gave it and the value the backward pass sent back to it, both taken
/// from the note's own computation; arrows in the direction of the forward pass.
public struct ComputationGraph: Sendable {
    /// A node: where it stands on the grid, what it is called and its two values, as text.
    public struct Node: Sendable {
        public var name: String
        public var column: Int
        public var row: Int
        public var forward: String
        public var backward: String?
    }

    /// The nodes, in the order added.
    public private(set) var nodes: [Node] = []
    /// The arrows, each from one node's index to another's.
    public private(set) var edges: [(from: Int, to: Int)] = []

    /// An empty graph.
    public init() {}

    /// Adds a node at `column` and `row` of the grid (left to right, top to bottom, from 0) named
    /// `name`, showing `forward` and, when there is one, the backward value `backward` under the
    /// name `backwardName` (`δ`, `∂J/∂W`); returns its index, for `edge(from:to:)`.
    @discardableResult
    public mutating func node(
        _ name: String, column: Int, row: Int = 0, forward: Matrix, backward: Matrix? = nil, backwardName: String = "δ"
    ) -> Int {
        nodes.append(Node(
            name: name, column: column, row: row, forward: TeXValue.plain(forward),
            backward: backward.map { "\(backwardName) " + TeXValue.plain($0) }))
        return nodes.count - 1
    }

    /// Adds an arrow from node `from` to node `to`.
    public mutating func edge(from: Int, to: Int) {
        edges.append((from, to))
    }

    /// The figure.
    public var drawing: Drawing {
        let boxHeight = 64.0, rowStep = 96.0, gap = 30.0, margin = 12.0, legend = 30.0
        let columns = (nodes.map(\.column).max() ?? -1) + 1
        let rows = (nodes.map(\.row).max() ?? -1) + 1
        var widths = [Double](repeating: 60, count: columns)
        for node in nodes {
            let widest = max(Canvas.width(of: node.name), Canvas.width(of: node.forward), Canvas.width(of: node.backward ?? ""))
            widths[node.column] = max(widths[node.column], widest + 18)
        }
        var lefts: [Double] = []
        var x = margin
        for width in widths {
            lefts.append(x)
            x += width + gap
        }
        let height = margin + Double(rows) * rowStep + legend
        var canvas = Canvas(width: x - gap + margin, height: height)
        func box(_ index: Int) -> (x: Double, y: Double, width: Double) {
            let node = nodes[index]
            return (lefts[node.column], margin + Double(node.row) * rowStep, widths[node.column])
        }
        for edge in edges where nodes.indices.contains(edge.from) && nodes.indices.contains(edge.to) {
            let (from, to) = (box(edge.from), box(edge.to))
            let start = (from.x + from.width, from.y + boxHeight / 2)
            let end = (to.x, to.y + boxHeight / 2)
            if to.x > from.x {
                canvas.line(from: start, to: end, style: .edge, arrow: true)
            } else {
                canvas.line(from: (from.x + from.width / 2, from.y + (to.y > from.y ? boxHeight : 0)),
                            to: (to.x + to.width / 2, to.y + (to.y > from.y ? 0 : boxHeight)), style: .edge, arrow: true)
            }
        }
        for index in nodes.indices {
            let node = nodes[index]
            let (left, top, width) = box(index)
            canvas.rectangle(x: left, y: top, width: width, height: boxHeight, radius: 6, style: .node)
            canvas.text(node.name, x: left + width / 2, y: top + 18, style: .label)
            canvas.text(node.forward, x: left + width / 2, y: top + 37, style: .forward)
            if let backward = node.backward { canvas.text(backward, x: left + width / 2, y: top + 55, style: .backward) }
        }
        canvas.text("middle line: the forward pass's value; bottom line: what the backward pass sends back",
                    x: margin, y: height - 12, anchor: .start, style: .caption)
        return canvas.drawing
    }
}
