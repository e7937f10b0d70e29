import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Entries created in (or moved into) watched folders, from Linux's inotify: a test awaits the
/// moment a process writes something, instead of polling the folder.
final class FileEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let mask: UInt32
    private let lock = NSLock()
    private var folders: [Int32: URL] = [:]
    private var stopped = false

    /// An inotify instance with no watches yet, for the events in `mask` (by default, entries
    /// created in or moved into a folder; `IN_MODIFY` for writes to a file).
    init(mask: UInt32 = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) throws {
        self.mask = mask
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw TestFailure("inotify_init1 failed: errno \(errno)") }
    }

    deinit { close(descriptor) }

    /// Ends a wait in `next` at its next wake-up (within 100 ms), so that its thread returns.
    func stop() { lock.withLock { stopped = true } }

    /// Reports the events of `mask` on `folder` (or file) from now on.
    func watch(_ folder: URL) throws {
        let watch = inotify_add_watch(descriptor, folder.path, mask)
        guard watch >= 0 else { throw TestFailure("cannot watch \(folder.path): errno \(errno)") }
        lock.withLock { folders[watch] = folder }
    }

    /// The first entry created or moved in from now on for which `matches` is true, awaited on a
    /// thread of its own (the wait blocks in poll(2) until inotify has an event); throws after `timeout`.
    func next(timeout: Duration, where matches: @escaping @Sendable (URL) -> Bool) async throws -> URL {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try self.blockingNext(timeout: timeout, where: matches) }) }.start()
        }
    }

    private func blockingNext(timeout: Duration, where matches: (URL) -> Bool) throws -> URL {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw TestFailure("no matching file event within \(timeout)") }
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // The wait wakes at least every 100 ms only to see whether it was stopped.
            let milliseconds = Int32(min(100, left / .milliseconds(1)) + 1)
            if lock.withLock({ stopped }) { throw TestFailure("stopped") }
            guard poll(&ready, 1, milliseconds) > 0 else { continue }
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, length) = buffer.withUnsafeBytes { bytes in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, Int(event.len))
                }
                let start = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[start..<(start + length)].prefix { $0 != 0 }, as: UTF8.self)
                offset = start + length
                if let folder = lock.withLock({ folders[watch] }) {
                    let url = name.isEmpty ? folder : folder.appendingPathComponent(name)
                    if matches(url) { return url }
                }
            }
        }
    }
}
