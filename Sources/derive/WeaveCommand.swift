import ArgumentParser

/// `derive weave`: write the site without compiling or running anything.
struct WeaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weave",
        abstract: "Write the site without compiling or running anything; pages say the checks were not run.",
        discussion: """
            Example:
              derive weave --site /tmp/preview
            """)

    @OptionGroup var options: CourseOptions
    @OptionGroup var site: SiteOptions

    func run() throws {
        let course = try CourseRun.run(.weave, options: options, site: site)
        options.console().say(course.isUnchanged
            ? "\(course.configuration.site) is up to date (\(course.pages.count) pages)"
            : "wrote \(course.pages.count) pages to \(course.configuration.site)")
    }
}
