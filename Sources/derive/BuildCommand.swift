import ArgumentParser

/// `derive build`: tangle, compile and check the notes, then weave the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Tangle the notes, run their tests and derivation checks, and write the site (Notes/ -> Site/).")

    @OptionGroup var options: SiteCommandOptions

    func run() throws {
        try SiteBuild(options: options, runsChecks: true).run()
    }
}
