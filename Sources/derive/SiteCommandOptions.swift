import ArgumentParser
import DeriveWeave
import Foundation

/// The options `derive build`, `derive weave` and `derive serve` share.
struct SiteCommandOptions: ParsableArguments {
    @OptionGroup var notes: NotesOptions

    @Option(name: .long, help: "The folder to write the site into.")
    var site: String = "Site"

    @Flag(name: .long, help: "Keep raw HTML written in notes (omitted by default: no note can run script in a reader's browser).")
    var allowRawHTML = false

    /// The site folder.
    var siteDirectory: URL { URL(fileURLWithPath: site) }

    /// The weaver's options.
    var siteOptions: SiteOptions { SiteOptions(allowsRawHTML: allowRawHTML) }
}
