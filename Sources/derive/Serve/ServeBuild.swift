import ArgumentParser
import DeriveCore
import DeriveDriver
import DerivePipeline
import Foundation

/// The builds of `derive serve`, each run on a thread of its own so that serving never waits
/// behind one: the whole site, and before it, when one note was saved, that note's page alone.
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
    /// The course as the last build that wrote the site left it: what a preview starts from.
    private let lastBuilt = LastBuiltCourse()

    /// What a build of the whole site did.
    struct Outcome: Sendable {
        /// Whether the site was replaced.
        var succeeded: Bool
        /// The pages it changed (`ServeSiteFiles.pagesChanged`); nil when every page may have.
        var changed: Set<String>?
        /// Whether it stopped when cancelled, leaving the site as it was.
        var cancelled = false
    }

    /// Builds the site (the course is read anew each time), unless `cancellation` stops it
    /// first; its diagnostics are printed.
    func run(cancellation: BuildCancellation? = nil) async -> Outcome {
        await onThread { runBlocking(cancellation: cancellation) }
    }

    /// When `changed` (absolute paths) is one note of the last build, still there, writes that
    /// note's page into the site at once (`Driver.pipeline(previewing:)`), keeping the page it
    /// replaces aside; nil when there was nothing to preview or the preview wrote nothing (a
    /// problem in the note is left to the build that follows to report).
    func preview(_ changed: Set<String>) async -> ServePreview? {
        guard changed.count == 1, let path = changed.first, FileManager.default.fileExists(atPath: path),
              let last = lastBuilt.course,
              let note = last.noteFiles.first(where: { $0.url.standardizedFileURL.path == path })
        else { return nil }
        return await onThread {
            var course = last
            guard let page = course.notes.first(where: { $0.relativePath == note.relativePath })?.pagePath,
                  let preview = ServePreview(page: page, site: site)
            else { return nil }
            course.diagnostics = []
            course.pages = []
            let driver = Driver(siteDirectory: site, allowsRawHTML: allowsRawHTML, jobs: jobs, cacheDirectory: course.cacheDirectory, parsedNotes: parsedNotes)
            let written = (try? driver.pipeline(previewing: note.relativePath).run(&course)) != nil && course.pages == [page]
            guard written else {
                preview.discard()
                return nil
            }
            return preview
        }
    }

    /// The absolute path of the note whose page is `page` in the last build that wrote the site.
    func notePath(ofPage page: String) -> String? {
        guard let course = lastBuilt.course,
              let note = course.notes.first(where: { $0.pagePath == page }),
              let file = course.noteFiles.first(where: { $0.relativePath == note.relativePath })
        else { return nil }
        return file.url.standardizedFileURL.path
    }

    private func runBlocking(cancellation: BuildCancellation?) -> Outcome {
        let console = options.console()
        var course = options.openCourse()
        let before = ServeSiteFiles(site)
        do {
            let driver = Driver(siteDirectory: site, allowsRawHTML: allowsRawHTML, jobs: jobs, cacheDirectory: course.cacheDirectory, parsedNotes: parsedNotes)
            try driver.pipeline(for: goal).run(&course, cancellation: cancellation, observer: console.show)
            try console.finish(course)
            if !course.isUnchanged { lastBuilt.course = course }
            return Outcome(succeeded: true, changed: before.pagesChanged(in: ServeSiteFiles(site)))
        } catch let error as PipelineError where error.underlying is BuildCancelled {
            return Outcome(succeeded: false, changed: [], cancelled: true)
        } catch {
            if !(error is ExitCode) {
                try? console.finish(course)
                _ = console.fail("\(error)")
            }
            return Outcome(succeeded: false, changed: [])
        }
    }

    private func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}

/// The course of the last build that wrote the site, shared between builds.
private final class LastBuiltCourse: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: Course?

    var course: Course? {
        get { lock.withLock { kept } }
        set { lock.withLock { kept = newValue } }
    }
}
