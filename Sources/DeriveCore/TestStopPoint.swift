import Foundation
import Synchronization

/// Moments at which the tests that kill derive mid-run stop it, as git's `GIT_TEST_*` variables
/// inject faults: with `DERIVE_TEST_STOP_AT` set to a moment's name, derive says so on standard
/// error and stops itself (SIGSTOP) the first time it reaches that moment, so that a test kills
/// it exactly there however busy the machine is. With `DERIVE_TEST_HOLD_AT` set to a moment and
/// `DERIVE_TEST_HOLD_FILE` to a path, the build that reaches the moment while that file exists
/// says so and waits there until it is removed (the rest of derive goes on: `derive serve` tests
/// a save made while a build runs). Unset, a moment costs a comparison.
public enum TestStopPoint: String, Sendable {
    /// The parse: the first note is parsed, the others not yet.
    case parse
    /// The weave's KaTeX workers are started and about to render; no page is written yet.
    case katex
    /// The weave has written its first note's page into the staging folder.
    case page
    /// The check has started the compiler on the notes' package.
    case check

    private static let requested = ProcessInfo.processInfo.environment["DERIVE_TEST_STOP_AT"].flatMap(Self.init(rawValue:))
    private static let reached = Mutex(false)
    private static let held = ProcessInfo.processInfo.environment["DERIVE_TEST_HOLD_AT"].flatMap(Self.init(rawValue:))
    private static let holdFile = ProcessInfo.processInfo.environment["DERIVE_TEST_HOLD_FILE"]

    /// Stops derive here when the environment asks for this moment (only the first time), or
    /// holds the build here while the hold file exists.
    public func reach() {
        if Self.held == self, let file = Self.holdFile, FileManager.default.fileExists(atPath: file) {
            FileHandle.standardError.write(Data("derive: held at \(rawValue) (DERIVE_TEST_HOLD_AT)\n".utf8))
            while FileManager.default.fileExists(atPath: file) { usleep(10_000) }
        }
        guard Self.requested == self, Self.reached.withLock({ reached in defer { reached = true }; return !reached }) else { return }
        FileHandle.standardError.write(Data("derive: stopped at \(rawValue) (DERIVE_TEST_STOP_AT)\n".utf8))
        raise(SIGSTOP)
    }
}
