import ArgumentParser

/// `derive lint`: every diagnostic of every note, without compiling anything.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Report every problem in every note, without compiling.")

    @OptionGroup var options: NotesOptions

    func run() throws {
        let (notes, _, diagnostics) = try options.loadAndLint()
        try DiagnosticPrinter.report(diagnostics)
        print("\(notes.count) notes checked")
    }
}
