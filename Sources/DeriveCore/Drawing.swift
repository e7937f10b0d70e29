/// A figure as data: a canvas of simple shapes, each styled by a named role, never raw SVG.
///
/// Notes' code builds drawings (DeriveRuntime's diagrams); the site writes them as inline SVG
/// itself, escaping every text, so nothing a note draws can run script or carry markup.
public struct Drawing: Codable, Hashable, Sendable {
    /// The canvas's width and height, in SVG user units.
    public var width: Double
    public var height: Double
    /// The shapes, painted in order.
    public var shapes: [Shape]

    /// Creates a drawing of `width` by `height` holding `shapes`.
    public init(width: Double, height: Double, shapes: [Shape] = []) {
        self.width = width
        self.height = height
        self.shapes = shapes
    }

    /// One shape of a drawing.
    public enum Shape: Codable, Hashable, Sendable {
        /// A straight line from one point to another, with an arrow head at the end when `arrow`.
        case line(x1: Double, y1: Double, x2: Double, y2: Double, style: Style, arrow: Bool)
        /// A rectangle with its top-left corner, size and corner radius.
        case rectangle(x: Double, y: Double, width: Double, height: Double, radius: Double, style: Style)
        /// A circle with its centre and radius.
        case circle(x: Double, y: Double, radius: Double, style: Style)
        /// Text at a point, anchored at its start, middle or end.
        case text(x: Double, y: Double, text: String, anchor: Anchor, style: Style)
    }

    /// Where a text stands relative to its point.
    public enum Anchor: String, Codable, Hashable, Sendable {
        case start, middle, end
    }

    /// What a shape is in the figure; the site's stylesheet colours each role (light and dark).
    public enum Style: String, Codable, Hashable, Sendable, CaseIterable {
        /// A unit or an operation of a network or graph.
        case node
        /// A connection between nodes.
        case edge
        /// A connection that the figure points out (a weight named in the caption).
        case highlight
        /// An outline around a group (a layer, a matrix).
        case frame
        /// A name or a size.
        case label
        /// A value computed by the forward pass.
        case forward
        /// A value computed by the backward pass (a δ, a gradient).
        case backward
        /// A note beside the figure, smaller and muted.
        case caption
    }
}
