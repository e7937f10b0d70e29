import ArgumentParser
import DeriveDriver
import DerivePipeline
import Foundation
import Synchronization

/// Runs one of the driver's pipelines over the course in the current folder, as a command does.
enum CourseRun {
    /// Opens the course, runs `goal`'s passes, prints what they did; the course, or exit status 1
    /// (its diagnostics printed) when it has an error or a pass could not go on.
    static func run(_ goal: Driver.Goal, options: CourseOptions, site: SiteOptions? = nil, siteDirectory: URL? = nil) throws -> Course {
        let console = options.console()
        var course = options.openCourse(site: site?.site)
        defer { keptUntilExit.withLock { $0.append(course) } }
        let driver = Driver(
            siteDirectory: siteDirectory ?? course.siteDirectory, allowsRawHTML: site?.allowRawHTML ?? false,
            jobs: site?.jobs ?? ProcessInfo.processInfo.activeProcessorCount, cacheDirectory: course.cacheDirectory)
        // Commands that write outputs run one at a time on a course; lint only reads.
        let lock = goal == .lint ? nil : try CourseLock(root: course.root, waiting: console.say)
        defer { withExtendedLifetime(lock) {} }
        do {
            try driver.pipeline(for: goal).run(&course, observer: console.show)
        } catch {
            try? console.finish(course)
            throw console.fail("\(error)")
        }
        try console.finish(course)
        return course
    }

    /// Every course `run` ran, never freed: a command runs one and the process then exits, which
    /// hands its memory back whole. Freeing the values of a 1,000-note course one by one took
    /// 0.1-0.2 s of its 1.7 s tangle, on one core (compilers skip freeing at exit for the same reason).
    private static let keptUntilExit = Mutex<[Course]>([])
}
