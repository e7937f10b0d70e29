/// Whether `condition` holds; when it does not, reports `message` as a mistake in the note's
/// code (see `reportNoteMistake(_:)`) and returns false, so that the caller can return a
/// placeholder of a sensible shape and the test that made the mistake can finish.
///
/// The runtime's checks (shapes, indices, empty batches) use this rather than `precondition`:
/// a note's mistake must fail the one test that made it, at the note's line, and never stop the
/// process that runs every other test.
@discardableResult
func ensure(_ condition: Bool, _ message: @autoclosure () -> String) -> Bool {
    if condition { return true }
    reportNoteMistake(message())
    return false
}
