import DeriveCore
import Foundation
import Testing

/// The `example` block being run: what it shows is collected here and, when the block ends
/// without an error, written for the site (`ReportStore`, when `DERIVE_REPORT_DIR` is set).
///
/// The tangler wraps each `example` block in a test that calls `record(note:line:_:)`; the block's
/// code calls `show(...)` and `figure(...)`, which find the example through a task-local value.
public final class WorkedExample: @unchecked Sendable {
    /// The example whose code is running in this task, if any.
    @TaskLocal static var current: WorkedExample?

    /// The note and the line of the block's fence.
    let note: String
    let line: Int
    private let lock = NSLock()
    private var items: [ExampleOutput.Item] = []

    private init(note: String, line: Int) {
        self.note = note
        self.line = line
    }

    /// Runs `body`, the code of the `example` block at `line` of `note`, and keeps what it shows.
    public static func record(note: String, line: Int, _ body: () throws -> Void) throws {
        let example = WorkedExample(note: note, line: line)
        try $current.withValue(example) { try body() }
        try ReportStore.active?.write(ExampleOutput(note: note, line: line, items: example.lock.withLock { example.items }))
    }

    /// Adds `item` to what the running example shows, or records an issue at `location` when no
    /// example is running.
    static func show(_ item: ExampleOutput.Item, at location: SourceLocation) {
        guard let example = current else {
            Issue.record("show(...) and figure(...) work only inside a 'swift example' block", sourceLocation: location)
            return
        }
        example.lock.withLock { example.items.append(item) }
    }
}

/// Shows `matrix` under the example as `name = [entries]` (TeX: `show(W1, as: "W^{[1]}")`); with
/// `≈` instead of `=` when an entry is rounded to fit four decimals.
public func show(_ matrix: Matrix, as name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    WorkedExample.show(.math(TeXValue.equation(name, TeXValue.matrix(matrix), values: matrix.values)), at: sourceLocation)
}

/// Shows several matrices on one line, in order: `show(["z^{[1]}": z1, "a^{[1]}": a1])`.
public func show(_ matrices: KeyValuePairs<String, Matrix>, sourceLocation: SourceLocation = #_sourceLocation) {
    let parts = matrices.map { TeXValue.equation($0.key, TeXValue.matrix($0.value), values: $0.value.values) }
    WorkedExample.show(.math(parts.joined(separator: ",\\qquad ")), at: sourceLocation)
}

/// Shows a number under the example as `name = value` (TeX).
public func show(_ value: Double, as name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    WorkedExample.show(.math(TeXValue.equation(name, TeXValue.number(value), values: [value])), at: sourceLocation)
}

/// Shows a sentence under the example, as plain text.
public func show(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    WorkedExample.show(.text(text), at: sourceLocation)
}

/// Shows display TeX the example writes itself (`TeXValue` helps with the numbers).
public func showMath(_ tex: String, sourceLocation: SourceLocation = #_sourceLocation) {
    WorkedExample.show(.math(tex), at: sourceLocation)
}

/// Shows `drawing` as the figure labelled `label`, which the block declares with `figure=label`.
public func figure(_ drawing: Drawing, label: String, caption: String, sourceLocation: SourceLocation = #_sourceLocation) {
    WorkedExample.show(.figure(label: label, caption: caption, drawing: drawing), at: sourceLocation)
}
