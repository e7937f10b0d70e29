import DerivePipeline
import Foundation
import Testing

@Suite("The lock that runs one writing command at a time on a course")
struct CourseLockTests {
    @Test func aSecondLockWaitsUntilTheFirstIsReleased() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        var first: CourseLock? = try CourseLock(root: root, waiting: { Issue.record("the first lock waited: \($0)") })
        let (events, continuation) = AsyncStream<String>.makeStream()
        // flock blocks its thread, so the second lock waits on a thread of its own.
        Thread {
            do {
                let second = try CourseLock(root: root, waiting: { continuation.yield("waiting: \($0)") })
                continuation.yield("acquired")
                withExtendedLifetime(second) {}
            } catch {
                continuation.yield("failed: \(error)")
            }
            continuation.finish()
        }.start()

        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == "waiting: another derive command is writing this course's outputs; waiting for it to finish")
        withExtendedLifetime(first) {}
        first = nil
        #expect(await iterator.next() == "acquired")
        #expect(await iterator.next() == nil)
    }
}
