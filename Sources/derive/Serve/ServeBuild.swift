import ArgumentParser
import DeriveDriver
import DerivePipeline
import Foundation

/// One site build for `derive serve`, run on its own thread so that serving never waits behind it.
struct ServeBuild: Sendable {
    /// The course flags.
    let options: CourseOptions
    /// Whether notes may put raw HTML into the site.
    let allowsRawHTML: Bool
    /// How many pages and KaTeX processes at once.
    let jobs: Int
    /// Where the site is built.
    let site: URL
    /// `.weave`, or `.build` to compile the notes and run their checks too.
    let goal: Driver.Goal
    /// The notes parsed by the last build, so that a rebuild parses only the notes that changed.
    let parsedNotes = ParsedNoteMemo()

    /// Builds the site (the course is read anew each time); its diagnostics are printed; returns
    /// whether the site was replaced.
    func run() async -> Bool {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: runBlocking()) }.start()
        }
    }

    private func runBlocking() -> Bool {
        let console = options.console()
        var course = options.openCourse()
        do {
            try Driver(siteDirectory: site, allowsRawHTML: allowsRawHTML, jobs: jobs, cacheDirectory: course.cacheDirectory, parsedNotes: parsedNotes).pipeline(for: goal).run(&course, observer: console.show)
            try console.finish(course)
            return true
        } catch {
            if !(error is ExitCode) {
                try? console.finish(course)
                _ = console.fail("\(error)")
            }
            return false
        }
    }
}
