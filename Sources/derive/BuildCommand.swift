import ArgumentParser
import Foundation

/// `derive build`: tangle, compile and check the notes, then weave the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Tangle the notes, run their tests and derivation checks, and write the site (Notes/ -> Site/).",
        discussion: """
            The site is replaced whole, and only when every note compiles and passes its checks; \
            on any error the previous site is left as it was.

            Example:
              derive build --open
            """)

    @OptionGroup var options: CourseOptions
    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Open the site's index page in the browser once it is written.")
    var open = false

    func run() throws {
        let course = try CourseRun.run(.build, options: options, site: site)
        options.console().say(course.isUnchanged
            ? "\(course.configuration.site) is up to date (\(course.pages.count) pages)"
            : "wrote \(course.pages.count) pages to \(course.configuration.site)")
        if open { try SiteOpener.open(course.siteDirectory.appendingPathComponent("index.html")) }
    }
}
