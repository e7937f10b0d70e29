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
        // Two notes that would write one file are an error, so the names here are unique.
        try FolderSwap.replace(URL(fileURLWithPath: output)) { staging in
            try TangleWriter(directory: staging.appendingPathComponent("Sources/Notes"))
                .write(Dictionary(uniqueKeysWithValues: course.tangled.map { ($0.fileName, $0.moduleSource) }))
            try TangleWriter(directory: staging.appendingPathComponent("Tests/NotesTests"))
                .write(Dictionary(uniqueKeysWithValues: course.tangled.map { ($0.fileName, $0.testSource) }))
        }
        options.console().say("tangled \(course.tangled.count) notes into \(output)")
    }
}
