import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Linux's inotify as a wake-up for the notes watcher: `wait` returns as soon as a file in a
/// watched folder is written, created, moved or deleted, so that a save is seen at once instead
/// of at the next poll. It says only that something happened; the watcher's look at the files
/// says what. Nil where inotify cannot be had (the watcher then polls).
final class ServeFolderEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var watched: Set<String> = []

    /// An inotify instance with no folder watched yet; nil when the system gives none.
    init?() {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Watches each of `folders` not watched yet (a folder made later is added at the next look).
    func watch(_ folders: [String]) {
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
        lock.withLock {
            for folder in folders where !watched.contains(folder) && inotify_add_watch(descriptor, folder, mask) >= 0 {
                watched.insert(folder)
            }
        }
    }

    /// Waits, on a thread of its own, until a watched folder has an event or `timeout` passes;
    /// the events are read and dropped.
    func wait(timeout: Duration) async {
        await withCheckedContinuation { continuation in
            Thread { [self] in
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&ready, 1, Int32(timeout / .milliseconds(1))) > 0 {
                    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
                    while read(descriptor, &buffer, buffer.count) > 0 {}
                }
                continuation.resume()
            }.start()
        }
    }
}
