import ArgumentParser
import DeriveTangle

/// `derive lint`: every diagnostic of every note, without compiling anything.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Report every problem in every note, without compiling.")

    @OptionGroup var options: NotesOptions

    func run() throws {
        let (notes, diagnostics) = try options.load()
        let tangled = Tangler().tangle(notes)
        let checks = notes.flatMap(DerivationCheckLint.diagnostics(for:))
        try DiagnosticPrinter.report(diagnostics + tangled.diagnostics + checks)
        print("\(notes.count) notes checked")
    }
}
