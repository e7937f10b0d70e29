import Foundation
import Testing

/// Reports a mistake that a note's code made in a call to the runtime (a shape mismatch, an
/// index out of range, an empty batch), at the note's line that made the call.
///
/// Inside a test it is a Swift Testing issue of that test, and the test goes on with the
/// caller's placeholder, so every other test still runs. Outside a test (a command such as
/// `train-fashion-mnist`) it is one line on stderr, `Notes/f.md:9:7: error: message`, and the
/// process exits with status 1.
func reportNoteMistake(_ message: String) {
    let caller = NoteCallSite.nearest()
    if let test = Test.current {
        Issue.record(Comment(rawValue: message), sourceLocation: caller?.sourceLocation(moduleName: test.sourceLocation.moduleName) ?? test.sourceLocation)
        return
    }
    FileHandle.standardError.write(Data(mistakeLine(message, at: caller).utf8))
    exit(1)
}

/// The line a mistake outside a test prints: `Notes/f.md:9:7: error: message`, or
/// `error: message` when no note's line is on the stack (a build without debug information).
func mistakeLine(_ message: String, at caller: NoteCallSite?) -> String {
    (caller.map { "\($0.path):\($0.line):\($0.column): " } ?? "") + "error: \(message)\n"
}
