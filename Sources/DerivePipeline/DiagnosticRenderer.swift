import DeriveCore
import Foundation

/// The one place diagnostics become text: `Notes/f.md:LINE:COL: error: message` for people
/// (coloured on a terminal), or one JSON object a line for editors and CI.
public struct DiagnosticRenderer: Sendable {
    /// How diagnostics are written.
    public enum Format: String, Sendable, CaseIterable {
        /// The form compilers print.
        case text
        /// One JSON object a line: `id`, `stage`, `severity`, `message`, `file`, `line`, `column`.
        case json
    }

    /// The format.
    public var format: Format
    /// Whether to colour text with ANSI escapes.
    public var usesColour: Bool

    /// A renderer in `format`, coloured if asked.
    public init(format: Format = .text, usesColour: Bool = false) {
        self.format = format
        self.usesColour = usesColour
    }

    /// Colour when standard error is a terminal and `NO_COLOR` is not set (https://no-color.org).
    public static func standardErrorWantsColour(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(STDERR_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// `diagnostic` as one line (text may continue on indented lines), without the final newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        switch format {
        case .json:
            let record = Record(
                id: diagnostic.id.name, stage: diagnostic.stage.rawValue, severity: diagnostic.severity.rawValue,
                message: diagnostic.message, file: diagnostic.location.file,
                line: diagnostic.location.line, column: diagnostic.location.column)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self)
        case .text:
            guard usesColour else { return diagnostic.description }
            let colour = switch diagnostic.severity {
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;35m"
            case .note: "\u{1B}[1;36m"
            }
            return "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \(colour)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
        }
    }

    /// Writes `diagnostics`, in note order, to standard error.
    public func write(_ diagnostics: [Diagnostic]) {
        let text = diagnostics.sortedByLocation().map { render($0) + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }

    private struct Record: Encodable {
        var id, stage, severity, message, file: String
        var line, column: Int
    }
}

extension Array where Element == Diagnostic {
    /// These diagnostics with every warning made an error (`--warnings-as-errors`).
    public func warningsAsErrors() -> [Diagnostic] {
        map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.severity == .warning { diagnostic.severity = .error }
            return diagnostic
        }
    }
}
