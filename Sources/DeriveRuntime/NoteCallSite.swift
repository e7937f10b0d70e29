import Runtime
import Testing

/// The note's line that called into the runtime: the innermost frame of the current stack whose
/// source file is a note (`.md`).
///
/// Operators such as `*` and `+` cannot take `#_sourceLocation` default arguments, so the caller
/// is found by symbolicating the stack through the debug information, which carries the
/// tangler's `#sourceLocation` mapping to the notes. The frames are walked by frame pointers,
/// which is why this module is compiled with `-fno-omit-frame-pointer` (see Package.swift):
/// without them an optimized operator hides the frame of the note's code that called it.
struct NoteCallSite: Equatable, Sendable {
    /// The note's path as the tangler wrote it (`Notes/01-intro.md`).
    var path: String
    /// The line in the note, from 1.
    var line: Int
    /// The column in the note, from 1.
    var column: Int

    /// The innermost note frame on the current stack, or nil when there is none (no debug
    /// information, or the runtime was called from code that is not a note's).
    static func nearest() -> NoteCallSite? {
        guard let frames = (try? Backtrace.capture(limit: 128))?.symbolicated()?.frames else { return nil }
        for frame in frames {
            guard let location = frame.symbol?.sourceLocation, location.path.hasSuffix(".md") else { continue }
            return NoteCallSite(path: location.path, line: location.line, column: location.column)
        }
        return nil
    }

    /// The call site as a Swift Testing location in the module `moduleName`.
    func sourceLocation(moduleName: String) -> SourceLocation {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        return SourceLocation(fileID: "\(moduleName)/\(fileName)", filePath: path, line: max(1, line), column: max(1, column))
    }
}
