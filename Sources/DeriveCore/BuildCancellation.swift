import Synchronization

/// A request that a build under way stop, because a newer change supersedes it (`derive serve`):
/// the pipeline looks at it before each pass, and the weave between its pages, so that a
/// cancelled build stops before its site is swapped in and leaves the site as it was.
public final class BuildCancellation: Sendable {
    private let cancelled = Mutex(false)

    /// A request not made yet.
    public init() {}

    /// Asks the build to stop at its next look.
    public func cancel() { cancelled.withLock { $0 = true } }

    /// Whether the build was asked to stop.
    public var isCancelled: Bool { cancelled.withLock { $0 } }

    /// Throws `BuildCancelled` once the build was asked to stop.
    public func check() throws(BuildCancelled) {
        if isCancelled { throw BuildCancelled() }
    }
}

/// What a cancelled build throws.
public struct BuildCancelled: Error, CustomStringConvertible {
    /// Made when a build sees it was cancelled.
    public init() {}

    /// `superseded by a newer change`.
    public var description: String { "superseded by a newer change" }
}
