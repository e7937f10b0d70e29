import ArgumentParser
import DeriveCore
import DeriveTangle
import Foundation

/// `derive tangle`: the notes' Swift, written where a person can read it.
struct TangleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tangle",
        abstract: "Write the Swift the notes tangle into: OUTPUT/Sources/Notes and OUTPUT/Tests/NotesTests.")

    @OptionGroup var options: NotesOptions

    @Option(name: .long, help: "The folder to write into.")
    var output: String = ".build/tangled"

    func run() throws {
        let (_, tangled, diagnostics) = try options.loadAndLint()
        try DiagnosticPrinter.report(diagnostics)
        let root = URL(fileURLWithPath: output)
        try FolderSwap.replace(root) { staging in
            try TangleWriter(directory: staging.appendingPathComponent("Sources/Notes"))
                .write(Dictionary(uniqueKeysWithValues: tangled.map { ($0.fileName, $0.moduleSource) }))
            try TangleWriter(directory: staging.appendingPathComponent("Tests/NotesTests"))
                .write(Dictionary(uniqueKeysWithValues: tangled.map { ($0.fileName, $0.testSource) }))
        }
        print("tangled \(tangled.count) notes into \(output)")
    }
}
