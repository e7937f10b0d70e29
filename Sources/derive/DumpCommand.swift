import ArgumentParser
import DeriveCore
import DeriveDriver
import DerivePipeline
import DeriveResolve
import DeriveTangle
import Foundation

/// `derive dump`: what a stage of the pipeline sees, as JSON.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Print what a stage of the pipeline sees, as JSON: the course, or one note.",
        discussion: """
            The course value after the passes up to --stage: config, load, parse, resolve, tangle, \
            check or weave (check and weave do their work: they compile, or write the site). With a \
            NOTE, only that note's parts, for the stages up to tangle.

            Examples:
              derive dump Notes/01-intro.md
              derive dump --stage resolve Notes/01-intro.md
              derive dump --stage load
            """)

    @OptionGroup var options: CourseOptions
    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The last stage to run.", valueName: "stage"))
    var stage: Stage = .parse

    @Argument(help: "A note to dump alone (a Markdown file anywhere).")
    var note: String?

    func validate() throws {
        if note != nil && stage > .tangle { throw ValidationError("a single note can be dumped up to --stage tangle") }
    }

    func run() throws {
        var course = options.openCourse(site: site.site)
        var passes = Driver(siteDirectory: course.siteDirectory, allowsRawHTML: site.allowRawHTML).pipeline(through: stage).passes
        if let note {
            course.noteFiles = [NoteDirectory.File(url: URL(fileURLWithPath: note), relativePath: note)]
            course.directory = NoteDirectory(url: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), displayPath: "")
            passes.removeAll { $0.stage == .load }
        }
        let console = options.console()
        do {
            try Pipeline(passes).run(&course)
        } catch {
            throw console.fail("\(error)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = note == nil ? try encoder.encode(course) : try encoder.encode(NoteDump(course))
        print(String(decoding: json, as: UTF8.self))
        try console.finish(course)
    }
}

extension Stage: ExpressibleByArgument {}

/// One note's parts of the course, as `derive dump NOTE` prints them.
private struct NoteDump: Encodable {
    var note: Note?
    var resolution: NoteResolution?
    var tangled: TangledNote?
    var diagnostics: [Diagnostic]

    init(_ course: Course) {
        note = course.notes.first
        resolution = course.resolutions.first
        tangled = course.tangled.first
        diagnostics = course.diagnostics
    }
}
