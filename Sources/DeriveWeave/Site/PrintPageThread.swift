import Foundation

/// `print.html` written on a thread of its own while the notes' pages are still being rendered:
/// the thread takes each note's part, in reading order, as soon as that note's page is on disk
/// (`made`), so that the whole-course page is done about when the last note's page is, rather
/// than read and written after all of them with a core left idle.
final class PrintPageThread: @unchecked Sendable {
    /// What `placement(of:)` throws once the pages are abandoned: no more of them are coming.
    struct Abandoned: Error {}

    private let condition = NSCondition()
    /// The notes whose pages are on disk, by position, each with where its part is in its page.
    private var made: [Int: PrintPage.Placement?] = [:]
    private var abandoned = false, done = false
    private var failure: (any Error)?

    /// Starts `write` on a new thread; it gets each note's placement from `placement(of:)`.
    init(_ write: @escaping @Sendable (PrintPageThread) throws -> Void) {
        Thread { [self] in
            let failure: (any Error)? = {
                do { try write(self) } catch { return error }
                return nil
            }()
            condition.withLock {
                (self.failure, done) = (failure, true)
                condition.broadcast()
            }
        }.start()
    }

    /// Says that the page of the note at `position` is on disk, its part where `placement` says
    /// (nil: the page does not hold the part as rendered).
    func made(_ position: Int, placement: PrintPage.Placement?) {
        condition.withLock {
            made[position] = .some(placement)
            condition.broadcast()
        }
    }

    /// Where the part of the note at `position` is in its page, once the page is on disk.
    func placement(of position: Int) throws -> PrintPage.Placement? {
        try condition.withLock {
            while true {
                if let placement = made[position] { return placement }
                if abandoned { throw Abandoned() }
                condition.wait()
            }
        }
    }

    /// Waits for `print.html` to be written; rethrows what went wrong in writing it.
    func finish() throws {
        try condition.withLock {
            while !done { condition.wait() }
            if let failure { throw failure }
        }
    }

    /// Says that no more pages are coming (writing them failed), and waits for the thread to stop.
    func abandon() {
        condition.withLock {
            abandoned = true
            condition.broadcast()
            while !done { condition.wait() }
        }
    }
}
