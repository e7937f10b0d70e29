import Foundation

/// Work started on a thread of its own at once, whose result `value` waits for: a build runs a
/// long external step (lunr in node) while it writes the rest of the site.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    /// Starts `work`.
    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result { try work() }
            finished.signal()
        }.start()
    }

    /// What the work returned or threw, once it has finished.
    func value() throws -> Value {
        finished.wait()
        finished.signal()  // a later call returns at once
        return try (result ?? .failure(CancellationError())).get()
    }
}
