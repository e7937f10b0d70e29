import ArgumentParser
import DerivePipeline
import Foundation

/// `derive`: tangle notes into Swift, check them, and weave them into a site.
@main
struct Derive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Notes that derive backpropagation by hand, checked by the compiler and woven into a site.",
        discussion: """
            Run in a course's folder (the one with derive.yml and Notes/). `derive init` starts one.

            Exit status: 0 success; 1 an error in a note (a compile error, a failing test or \
            derivation check, bad TeX, a broken reference) or a tool that failed; 2 bad usage.
            """,
        version: DerivePackage.version,
        subcommands: [
            BuildCommand.self, CheckCommand.self, WeaveCommand.self, ServeCommand.self, LintCommand.self,
            ExerciseCommand.self, PDFCommand.self, TangleCommand.self, DumpCommand.self, InitCommand.self,
        ])

    /// Runs the command; a usage error exits 2 (argument-parser's default is 64), any other failure 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
