import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Entries created in (or moved into) watched folders, from Linux's inotify: a test awaits the
/// moment a process writes something, instead of polling the folder.
final class FileEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var folders: [Int32: URL] = [:]

    /// An inotify instance with no watches yet.
    init() throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw TestFailure("inotify_init1 failed: errno \(errno)") }
    }

    deinit { close(descriptor) }

    /// Reports entries created in or moved into `folder` from now on.
    func watch(_ folder: URL) throws {
        let watch = inotify_add_watch(descriptor, folder.path, UInt32(IN_CREATE) | UInt32(IN_MOVED_TO))
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
            let milliseconds = Int32(min(Double(Int32.max), left / .milliseconds(1)) + 1)
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
                    let url = folder.appendingPathComponent(name)
                    if matches(url) { return url }
                }
            }
        }
    }
}
