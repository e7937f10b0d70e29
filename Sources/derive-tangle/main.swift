// The tool the TangleNotes build plugin runs: the front of Derive's pipeline (parse, resolve,
// tangle) over the notes it is given, writing either the module sources or the test sources and
// touching only files whose content changed.
//
//   derive-tangle module|tests MODULE OUTPUT_DIR [DISPLAY_PATH RELATIVE_PATH NOTE_PATH]...
//
// DISPLAY_PATH names the note in diagnostics (`Notes/part/01-x.md`); RELATIVE_PATH is its path in
// its folder of notes (`part/01-x.md`), which names its tangled file.
import DeriveCore
import DerivePipeline
import DeriveTangle
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, ["module", "tests"].contains(arguments[0]), arguments.count % 3 == 0 else {
    FileHandle.standardError.write(Data("usage: derive-tangle module|tests MODULE OUTPUT_DIR [DISPLAY_PATH RELATIVE_PATH NOTE_PATH]...\n".utf8))
    exit(2)
}
let (part, moduleName, output) = (arguments[0], arguments[1], URL(fileURLWithPath: arguments[2]))
let files = stride(from: 3, to: arguments.count, by: 3).map {
    NoteDirectory.File(url: URL(fileURLWithPath: arguments[$0 + 2]), relativePath: arguments[$0 + 1], displayPath: arguments[$0])
}

var course = Course(
    root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), configuration: CourseConfiguration(),
    directory: NoteDirectory(url: URL(fileURLWithPath: "/"), displayPath: ""))
course.noteFiles = files
do {
    try Pipeline([.parse, .resolve, .tangle(moduleName: moduleName)]).run(&course)
    // The module's run and the tests' run print the same diagnostics: SwiftPM may run either
    // first, or only one, so both print.
    DiagnosticRenderer(usesColour: DiagnosticRenderer.standardErrorWantsColour()).write(course.diagnostics)
    if course.diagnostics.containsErrors { exit(1) }
    try TangleWriter(directory: output).write(Dictionary(uniqueKeysWithValues: course.tangled.map {
        ($0.fileName, part == "module" ? $0.moduleSource : $0.testSource)
    }))
} catch {
    DiagnosticRenderer().write([Diagnostic(.error, .noteUnreadable, "\(error)", at: .whole(output.path))])
    exit(1)
}
