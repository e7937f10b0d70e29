import ArgumentParser

/// `derive lint`: every diagnostic of every note, without compiling anything.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Report every problem in every note, without compiling.",
        discussion: """
            Example:
              derive lint --warnings-as-errors
            """)

    @OptionGroup var options: CourseOptions

    func run() throws {
        let course = try CourseRun.run(.lint, options: options)
        options.console().say("\(course.notes.count) notes checked")
    }
}
