import ArgumentParser
import DeriveCore
import DerivePipeline
import Foundation

/// What a command prints while the pipeline runs and after it: one line per stage on standard
/// output, a live status line on a terminal, and the diagnostics, through the one renderer.
final class Console: @unchecked Sendable {
    /// How much to print.
    enum Verbosity { case quiet, normal, verbose }

    let renderer: DiagnosticRenderer
    let verbosity: Verbosity
    let warningsAsErrors: Bool
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var statusShown = false
    private var lastStatus = Date.distantPast

    init(renderer: DiagnosticRenderer, verbosity: Verbosity, warningsAsErrors: Bool) {
        self.renderer = renderer
        self.verbosity = verbosity
        self.warningsAsErrors = warningsAsErrors
    }

    /// Shows a pipeline event.
    func show(_ event: Pipeline.Event) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let stage):
            if verbosity == .verbose { line("\(Self.column(stage))started") }
        case .status(let stage, let text):
            guard isTerminal, verbosity != .quiet, Date().timeIntervalSince(lastStatus) > 0.1 else { return }
            lastStatus = Date()
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(Self.column(stage))\(text)".utf8))
            statusShown = true
        case .finished(let stage, let summary, let seconds):
            if verbosity != .quiet { line("\(Self.column(stage))\(summary) (\(String(format: "%.2f", seconds)) s)") }
        case .detail(_, let text):
            if verbosity == .verbose { line(text) }
        case .skipped(let stage):
            if verbosity != .quiet { line("\(Self.column(stage))skipped: the notes have errors") }
        case .unchanged(let stage):
            if verbosity == .verbose { line("\(Self.column(stage))nothing to do") }
        }
    }

    /// Prints `text` on standard output (not in quiet mode), after clearing a status line.
    func say(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if verbosity != .quiet { line(text) }
    }

    /// Prints the course's diagnostics; throws exit status 1 if any is an error.
    func finish(_ course: Course) throws {
        let diagnostics = warningsAsErrors ? course.diagnostics.warningsAsErrors() : course.diagnostics
        lock.lock()
        clearStatus()
        lock.unlock()
        renderer.write(diagnostics)
        if diagnostics.containsErrors { throw ExitCode.failure }
    }

    /// A failure that is no note's: `derive: error: message` on standard error, exit status 1.
    func fail(_ message: String) -> ExitCode {
        clearStatus()
        FileHandle.standardError.write(Data("derive: error: \(message)\n".utf8))
        return ExitCode.failure
    }

    private func line(_ text: String) {
        clearStatus()
        print(text)
        fflush(nil)
    }

    private func clearStatus() {
        guard statusShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        statusShown = false
    }

    private static func column(_ stage: Stage) -> String {
        stage.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
    }
}
