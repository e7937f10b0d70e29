import DeriveCore
import Foundation

/// Runs passes in order over one course: every `derive` command, the build plugin's tool and the
/// tests are a choice of passes (`lint` is load, parse, resolve and tangle; `build` adds check
/// and weave).
public struct Pipeline: Sendable {
    /// What a pipeline tells its observer as it runs.
    public enum Event: Sendable {
        /// A pass started.
        case started(Stage)
        /// A pass says how far it is.
        case status(Stage, String)
        /// A pass passes on what a tool printed.
        case detail(Stage, String)
        /// A pass finished: what it did, in a few words, and how long it took.
        case finished(Stage, summary: String, seconds: Double)
        /// A pass was skipped because the course has errors.
        case skipped(Stage)
        /// A pass had nothing to do: its outputs are those of the last build with the same inputs.
        case unchanged(Stage)
    }

    /// The passes, in order.
    public var passes: [Pass]

    /// A pipeline of `passes`.
    public init(_ passes: [Pass]) { self.passes = passes }

    /// Runs every pass over `course`; passes that need a clean course are skipped once it has an
    /// error, and every pass after one that found the course unchanged since its last build.
    /// - Throws: `PipelineError` when a pass cannot go on (a tool or the file system failed), or,
    ///   wrapping `BuildCancelled`, when `cancellation` was cancelled.
    public func run(
        _ course: inout Course, cancellation: BuildCancellation? = nil, observer: @escaping @Sendable (Event) -> Void = { _ in }
    ) throws(PipelineError) {
        for pass in passes {
            do { try cancellation?.check() } catch { throw PipelineError(stage: pass.stage, underlying: error) }
            if course.isUnchanged {
                observer(.unchanged(pass.stage))
                continue
            }
            if pass.needsCleanCourse && course.diagnostics.containsErrors {
                observer(.skipped(pass.stage))
                continue
            }
            observer(.started(pass.stage))
            let started = ContinuousClock.now
            let stage = pass.stage
            let summary: String
            do {
                summary = try pass.run(&course, context: PassContext(observer: observer, stage: stage, cancellation: cancellation))
            } catch {
                throw PipelineError(stage: stage, underlying: error)
            }
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            observer(.finished(stage, summary: summary, seconds: seconds))
        }
    }
}

/// A pass that could not go on, with the stage it was in.
public struct PipelineError: Error, CustomStringConvertible {
    /// The stage that failed.
    public var stage: Stage
    /// What it threw.
    public var underlying: any Error

    /// `weave: the KaTeX renderer failed: ...`.
    public var description: String { "\(stage): \(FileErrorText.describe(underlying))" }
}
