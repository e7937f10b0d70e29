import ArgumentParser
import DeriveCore
import DeriveTangle
import Foundation

/// `derive tangle`: the notes' Swift, written where a person can read it.
struct TangleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tangle",
        abstract: "Write the Swift the notes tangle into: OUTPUT/Sources/Notes and OUTPUT/Tests/NotesTests.",
        discussion: """
            Example:
              derive tangle --output /tmp/tangled
            """)

    @OptionGroup var options: CourseOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write into (replaced whole).", valueName: "dir"))
    var output: String = ".build/tangled"

    func run() throws {
        let course = try CourseRun.run(.tangle, options: options)
        // Two notes that would write one file are an error, so the names here are unique. A file
        // whose bytes did not change is linked from the folder being replaced, not rewritten.
        let folder = URL(fileURLWithPath: output)
        try FolderSwap.replace(folder) { staging in
            for (part, source) in [("Sources/Notes", \TangledNote.moduleSource), ("Tests/NotesTests", \TangledNote.testSource)] {
                try TangleWriter(directory: staging.appendingPathComponent(part)).fill(
                    Dictionary(uniqueKeysWithValues: course.tangled.map { ($0.fileName, $0[keyPath: source]) }),
                    keepingUnchangedFrom: folder.appendingPathComponent(part))
            }
        }
        options.console().say("tangled \(course.tangled.count) notes into \(output)")
    }
}
