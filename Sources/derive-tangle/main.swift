// The tool the TangleNotes build plugin runs: tangles every note of a folder and writes either
// the module sources or the test sources, touching only files whose content changed.
//
//   derive-tangle module|tests NOTES_DIR DISPLAY_PATH OUTPUT_DIR
import DeriveCore
import DeriveMarkdown
import DeriveTangle
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 5, ["module", "tests"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: derive-tangle module|tests NOTES_DIR DISPLAY_PATH OUTPUT_DIR\n".utf8))
    exit(2)
}
let directory = NoteDirectory(url: URL(fileURLWithPath: arguments[2]), displayPath: arguments[3])
let output = URL(fileURLWithPath: arguments[4])

do {
    let files = try directory.notes()
    let parsed = files.map { NoteParser().parse(contentsOf: $0.url, path: directory.displayPath(of: $0)) }
    let tangled = Tangler().tangle(parsed.compactMap(\.note))
    let diagnostics = (parsed.flatMap(\.diagnostics) + tangled.diagnostics).sortedByLocation()
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
    }
    if diagnostics.containsErrors { exit(1) }
    let sources = Dictionary(uniqueKeysWithValues: tangled.tangled.map {
        ($0.fileName, arguments[1] == "module" ? $0.moduleSource : $0.testSource)
    })
    try TangleWriter(directory: output).write(sources)
} catch {
    FileHandle.standardError.write(Data("\(directory.displayPath): error: \(error.localizedDescription)\n".utf8))
    exit(1)
}
