import ArgumentParser

/// `derive check`: compile the notes and run their tests and derivation checks; no site.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Tangle and compile the notes and run their tests and derivation checks, without writing the site.",
        discussion: """
            Only the course's notes and their tests are compiled, in a package of their own under \
            .build/derive/check; failures are reported at the note's line.

            Example:
              derive check --diagnostics json
            """)

    @OptionGroup var options: CourseOptions

    func run() throws {
        _ = try CourseRun.run(.check, options: options)
    }
}
