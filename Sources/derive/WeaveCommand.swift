import ArgumentParser

/// `derive weave`: write the site without compiling or running anything.
struct WeaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weave",
        abstract: "Write the site without compiling or running anything; pages say the checks were not run.")

    @OptionGroup var options: SiteCommandOptions

    func run() throws {
        try SiteBuild(options: options, runsChecks: false).run()
    }
}
