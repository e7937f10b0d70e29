import ArgumentParser
import DerivePipeline
import FlyingFox
import FlyingSocks
import Foundation

/// `derive serve`: build the site, serve it on 127.0.0.1, and rebuild and reload when a note changes.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site on 127.0.0.1; rebuild it and reload the open page whenever a note changes.",
        discussion: """
            The site is built into .build/derive/serve-site, so serving never changes the committed \
            site; --site DIR builds into DIR instead. When one note is saved, its page is written at \
            once, then the rest of the site is built; an open page reloads only when its file changed.

            Example:
              derive serve --port 0 --check
            """)

    @OptionGroup var options: CourseOptions
    @OptionGroup var site: SiteOptions

    /// Where the site is built when no --site is given: never the committed site.
    static let scratchSite = ".build/derive/serve-site"

    @Option(name: .long, help: "The port to listen on (127.0.0.1 only); 0 picks a free one.")
    var port: UInt16 = 8000

    @Flag(name: .long, help: "Run the full build (compile the notes, run their tests and checks), not only the weave.")
    var check = false

    func run() async throws {
        let feed = ServeChangeFeed()
        let course = options.openCourse(site: self.site.site)
        let site = self.site.site == nil
            ? course.root.appendingPathComponent(Self.scratchSite).standardizedFileURL
            : course.siteDirectory
        let server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port),  // loopback only, never 0.0.0.0
            logger: .disabled, handler: ServeSiteHandler(site: site, feed: feed))
        let ending = try await withThrowingTaskGroup(of: ServeEnding.self) { group in
            group.addTask { await ServeEnding.firstSignal() }
            group.addTask { await ServeEnding.serving(server) }
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                try await buildAndWatch(feed: feed, course: course, site: site, address: await ServeEnding.address(of: server))
                return .serverEnded(nil)
            }
            let ending = try await group.next() ?? .serverEnded(nil)
            await feed.close()
            await server.stop(timeout: 0.5)
            group.cancelAll()  // a build under way stops (or finishes its swap) first, so the site is never half swapped
            return ending
        }
        switch ending {
        case .signaled(let name): options.console().say("\(name): stopped serving")
        case .serverEnded(let error): throw ServeError(port: port, error: error)
        }
    }

    /// Builds once, says where the site is, then rebuilds after every change of the notes until cancelled.
    private func buildAndWatch(feed: ServeChangeFeed, course: Course, site: URL, address: String) async throws {
        let build = ServeBuild(options: options, allowsRawHTML: self.site.allowRawHTML, jobs: self.site.jobs, site: site, goal: check ? .build : .weave)
        let console = options.console()
        let watcher = ServeNotesWatcher(notes: course.directory.url, excluding: site)
        // Taken before the first build, so that a note saved while it runs is rebuilt too.
        let notesBeforeFirstBuild = watcher.snapshot()
        await feed.begin()
        await feed.record(succeeded: await build.run().succeeded, changed: nil)
        console.say("serving \(self.site.site ?? ServeCommand.scratchSite) at http://\(address)/ (Ctrl-C to stop)")
        let rebuilds = ServeRebuilds(build: build, feed: feed, console: console)
        do {
            try await watcher.watch(since: notesBeforeFirstBuild) { changed in await rebuilds.notesChanged(changed) }
        } catch {
            await rebuilds.stop()  // cancelled: serve is stopping
            throw error
        }
    }
}
