/// Stops the program with `message` when `condition` is false.
///
/// The runtime's checks (shapes, indices) use this rather than `precondition`, because the
/// runtime is compiled with optimization even in debug builds (see Package.swift), and an
/// optimized `precondition` traps without printing its message.
func ensure(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
