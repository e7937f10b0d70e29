import ArgumentParser
import DerivePipeline
import Foundation

/// The options every command that reads a course shares. Flags win over `derive.yml`.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of notes (default: 'notes:' in derive.yml, else Notes).", valueName: "dir"))
    var notes: String?

    @Option(name: .long, help: ArgumentHelp("How to print diagnostics: text, or json (one object a line, for editors and CI).", valueName: "format"))
    var diagnostics: DiagnosticRenderer.Format = .text

    @Flag(name: .long, help: "Treat every warning as an error (and exit 1 on any).")
    var warningsAsErrors = false

    @Flag(name: [.short, .long], help: "Print only diagnostics: no stage lines, no summary.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also print what the compiler and the tests printed, and each stage as it starts.")
    var verbose = false

    /// The course in the current folder, with these flags applied over its `derive.yml`.
    func openCourse(site: String? = nil) -> Course {
        Course.open(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) { configuration in
            if let notes { configuration.notes = notes }
            if let site { configuration.site = site }
        }
    }

    /// The console these flags ask for.
    func console() -> Console {
        Console(
            renderer: DiagnosticRenderer(
                format: diagnostics, usesColour: diagnostics == .text && DiagnosticRenderer.standardErrorWantsColour()),
            verbosity: quiet ? .quiet : verbose ? .verbose : .normal, warningsAsErrors: warningsAsErrors)
    }
}

extension DiagnosticRenderer.Format: ExpressibleByArgument {}

/// The options of the commands that write the site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder to write the site into (default: 'site:' in derive.yml, else Site).", valueName: "dir"))
    var site: String?

    @Flag(name: .long, help: "Keep raw HTML written in notes (left out by default: no note can run script in a reader's browser).")
    var allowRawHTML = false

    @Option(name: [.short, .long], help: ArgumentHelp("How many pages to weave and KaTeX processes to run at once (default: one per core).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
    }
}
