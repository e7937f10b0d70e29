import DeriveCore

/// One named step of the pipeline: it reads the course, adds its part and its diagnostics, and
/// says in a few words what it did (`6 notes`). It throws only when it cannot go on at all.
public struct Pass: Sendable {
    /// The stage the pass runs.
    public var stage: Stage
    /// Whether the pass runs only on a course without errors (compiling and writing the site
    /// do; parse, resolve and tangle go on, so that one run reports every problem).
    public var needsCleanCourse: Bool
    private let body: @Sendable (inout Course, PassContext) throws -> String

    /// A pass of `stage`; `body` returns its summary.
    public init(
        _ stage: Stage, needsCleanCourse: Bool = false, _ body: @escaping @Sendable (inout Course, PassContext) throws -> String
    ) {
        self.stage = stage
        self.needsCleanCourse = needsCleanCourse
        self.body = body
    }

    /// Runs the pass on `course`.
    func run(_ course: inout Course, context: PassContext) throws -> String {
        try body(&course, context)
    }
}

/// What a running pass can tell whoever watches the pipeline.
public struct PassContext: Sendable {
    let observer: @Sendable (Pipeline.Event) -> Void
    let stage: Stage
    /// Whether the build was asked to stop, for a long pass to look at between its steps.
    public let cancellation: BuildCancellation?

    /// Says how far the pass is (`tests 12/40`), for a live status line; passes may call it often.
    public func status(_ text: String) { observer(.status(stage, text)) }

    /// Passes on what a tool printed (the compiler, the tests), for `--verbose`.
    public func detail(_ text: String) { observer(.detail(stage, text)) }
}
