import Foundation

/// An exclusive lock on a course's folder, held by a command for as long as it writes the
/// course's outputs (the check package, the site), so that two `derive build`s at once on the
/// same course run one after the other and leave one whole site, never a mix.
///
/// The lock is `flock(2)` on the course folder itself: no lock file is left behind, and the
/// kernel releases it when the process ends, however it ends.
public final class CourseLock {
    private let descriptor: Int32

    /// Takes the lock on `root`, waiting for the command that holds it to finish; `waiting` hears
    /// why, once, before the wait.
    public init(root: URL, waiting: (String) -> Void = { _ in }) throws {
        descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        waiting("another derive command is writing this course's outputs; waiting for it to finish")
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw CocoaError(.fileLocking, userInfo: [NSFilePathErrorKey: root.path])
            }
        }
    }

    deinit {
        close(descriptor)
    }
}
