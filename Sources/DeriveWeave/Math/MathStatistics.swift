/// How much math a build rendered and how long the KaTeX process took over it.
public struct MathStatistics: Sendable, Hashable {
    /// Math spans on the pages, counting repeats (the same `$x$` twice counts twice).
    public var expressions: Int
    /// Distinct (TeX, display) pairs sent to KaTeX; repeats are answered from a cache.
    public var rendered: Int
    /// Distinct pairs answered from the cache kept across builds, without KaTeX.
    public var cached: Int
    /// Time spent waiting for KaTeX's answers, process start included.
    public var duration: Duration
    /// How many node processes ran KaTeX: at most one per job for a whole build.
    public var processesStarted: Int

    /// Creates statistics.
    init(expressions: Int = 0, rendered: Int = 0, cached: Int = 0, duration: Duration = .zero, processesStarted: Int = 0) {
        self.expressions = expressions
        self.rendered = rendered
        self.cached = cached
        self.duration = duration
        self.processesStarted = processesStarted
    }

    /// Distinct expressions rendered per second of KaTeX time, or nil when nothing was rendered.
    public var renderedPerSecond: Double? {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return rendered > 0 && seconds > 0 ? Double(rendered) / seconds : nil
    }
}
