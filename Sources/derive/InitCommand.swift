import ArgumentParser
import DeriveDriver
import DerivePipeline
import Foundation

/// `derive init`: start a course of your own, in its own package.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a course package: Package.swift depending on Derive, Notes/ with one note, derive.yml, a README and CI.",
        discussion: """
            The course depends on the Derive checkout this derive was built from, by path; give \
            --derive-url and --from to depend on a published Derive by version instead.

            Examples:
              derive init my-course --title "Backpropagation by hand"
              derive init my-course --derive-url https://example.org/derive.git --from 0.2.0
            """)

    @Argument(help: ArgumentHelp("The folder to create the course in (new or empty).", valueName: "dir"))
    var directory: String = "."

    @Option(name: .long, help: "The course's title.")
    var title: String?

    @Option(name: .customLong("derive-url"), help: ArgumentHelp("Depend on Derive from this git URL, by version.", valueName: "url"))
    var deriveURL: String?

    @Option(name: .long, help: ArgumentHelp("With --derive-url: the lowest Derive version to accept.", valueName: "version"))
    var from: String?

    func validate() throws {
        if (deriveURL == nil) != (from == nil) { throw ValidationError("--derive-url and --from go together") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        let dependency: CourseTemplate.Dependency = if let deriveURL, let from {
            .version(url: deriveURL, from: from)
        } else {
            .path(DerivePackage.directory)
        }
        let title = title ?? folder.lastPathComponent
        do {
            try CourseTemplate(title: title, dependency: dependency).write(to: folder)
        } catch let error as TemplateError {
            FileHandle.standardError.write(Data("derive: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        print("""
            created the course '\(title)' in \(directory)
              cd \(directory)
              swift test               # tangle the notes and run their tests and derivation checks
              swift run derive build   # and write the site into Site/
            """)
    }
}
