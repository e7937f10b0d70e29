import DeriveCore
import Foundation

/// Matrix shapes as a figure: rows of matrices drawn as rectangles in proportion to their sizes
/// (one square per entry, up to twelve a side), with operators between them and each matrix's
/// name and shape under it; for showing how a batch layout multiplies out.
public struct ShapeDiagram: Sendable {
    /// A matrix in a row: its name and its shape, taken from a matrix of the note's code.
    public struct Term: Sendable {
        public var name: String
        public var rows: Int
        public var cols: Int

        /// The term named `name` with `matrix`'s shape.
        public init(_ name: String, _ matrix: Matrix) {
            self.name = name
            rows = matrix.rows
            cols = matrix.cols
        }
    }

    /// One row of the figure: a title, then terms with an operator (`·`, `+`, `=`) before each but the first.
    public struct Row: Sendable {
        public var title: String
        public var terms: [Term]
        public var operators: [String]

        /// A row titled `title` that reads `terms[0] operators[0] terms[1] ...`.
        public init(_ title: String, _ terms: [Term], operators: [String]) {
            self.title = title
            self.terms = terms
            self.operators = operators
        }
    }

    /// The rows, top to bottom.
    public var rows: [Row]

    /// A figure of `rows`.
    public init(_ rows: [Row]) { self.rows = rows }

    /// The figure.
    public var drawing: Drawing {
        let cell = 16.0, margin = 16.0, titleHeight = 26.0, labelHeight = 40.0, operatorWidth = 34.0
        func size(_ count: Int) -> Double { Double(min(max(count, 1), 12)) * cell }
        let heights = rows.map { row in (row.terms.map { size($0.rows) }.max() ?? cell) + titleHeight + labelHeight }
        let widths = rows.map { row in
            row.terms.map { max(size($0.cols), Canvas.width(of: "\($0.name): \($0.rows)×\($0.cols)")) }.reduce(0, +)
                + operatorWidth * Double(max(row.terms.count - 1, 0))
        }
        let width = max((widths.max() ?? 0), rows.map { Canvas.width(of: $0.title) }.max() ?? 0) + 2 * margin
        var canvas = Canvas(width: width, height: heights.reduce(margin, +))
        var top = margin
        for (index, row) in rows.enumerated() {
            canvas.text(row.title, x: margin, y: top + 14, anchor: .start, style: .label)
            let tallest = row.terms.map { size($0.rows) }.max() ?? cell
            let middle = top + titleHeight + tallest / 2
            var x = margin
            for (position, term) in row.terms.enumerated() {
                if position > 0 {
                    let op = position - 1 < row.operators.count ? row.operators[position - 1] : ""
                    canvas.text(op, x: x + operatorWidth / 2, y: middle + 6, style: .label)
                    x += operatorWidth
                }
                let slot = max(size(term.cols), Canvas.width(of: "\(term.name): \(term.rows)×\(term.cols)"))
                let (w, h) = (size(term.cols), size(term.rows))
                let left = x + (slot - w) / 2
                canvas.rectangle(x: left, y: middle - h / 2, width: w, height: h, style: .frame)
                for column in 1..<min(max(term.cols, 1), 12) {
                    canvas.line(from: (left + Double(column) * cell, middle - h / 2), to: (left + Double(column) * cell, middle + h / 2), style: .edge)
                }
                for line in 1..<min(max(term.rows, 1), 12) {
                    canvas.line(from: (left, middle - h / 2 + Double(line) * cell), to: (left + w, middle - h / 2 + Double(line) * cell), style: .edge)
                }
                canvas.text("\(term.name): \(term.rows)×\(term.cols)", x: x + slot / 2, y: top + titleHeight + tallest + 20, style: .label)
                x += slot
            }
            top += heights[index]
        }
        return canvas.drawing
    }
}
