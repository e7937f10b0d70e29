import ArgumentParser

/// `derive`: tangle notes into Swift, check them, and weave them into a site.
@main
struct Derive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Notes that derive backpropagation by hand, checked by the compiler and woven into a site.",
        subcommands: [BuildCommand.self, WeaveCommand.self, ServeCommand.self, TangleCommand.self, LintCommand.self, DumpCommand.self])
}
