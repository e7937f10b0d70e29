import DeriveCore
import Foundation

/// What `derive serve` does when the notes change, while it serves: a saved note's page is
/// written at once, even while a build of the whole site runs; that build, now out of date, is
/// cancelled, and one build of the newest notes follows. The live-reload feed advances after
/// each page written and each build, with the pages that changed.
actor ServeRebuilds {
    private let build: ServeBuild
    private let feed: ServeChangeFeed
    private let console: Console

    /// The build under way, if any, and the task that waits for it.
    private var running: BuildCancellation?
    private var runningTask: Task<Void, Never>?
    /// Whether serve is stopping: no build starts any more.
    private var stopping = false
    /// How many builds have started.
    private var started = 0
    /// Whether a change came since the running build read the notes.
    private var wanted = false
    /// The pages written ahead of a build, by page: the page as the site had it before the first
    /// of them (to put back if the build that includes them fails), and how many builds had
    /// started when the last was written (a build includes the previews written before it started).
    private var previews: [String: (kept: ServePreview, startedBefore: Int)] = [:]

    /// Rebuilds with `build`, telling `feed` and `console`.
    init(build: ServeBuild, feed: ServeChangeFeed, console: Console) {
        self.build = build
        self.feed = feed
        self.console = console
    }

    /// The notes at `changed` (absolute paths) changed: cancels the build under way (a new one
    /// starts when it stops), so that the page of a note saved is written at once, on cores of
    /// its own; then starts a build, unless one is stopping.
    func notesChanged(_ changed: Set<String>) async {
        let clock = ContinuousClock(), saved = clock.now
        wanted = true
        running?.cancel()
        if let preview = await build.preview(changed) {
            await keep(preview)
            let milliseconds = Int(((clock.now - saved) / .milliseconds(1)).rounded())
            console.say("notes changed; \(preview.page) rewritten in \(milliseconds) ms; rebuilding the rest ...")
        } else {
            console.say("notes changed; rebuilding ...")
        }
        if running == nil, wanted { await startBuild() }
    }

    /// Records a page written: the page it replaced is kept aside unless an earlier preview of
    /// the same page already keeps the page the site had.
    private func keep(_ preview: ServePreview) async {
        if let earlier = previews[preview.page] {
            preview.discard()
            previews[preview.page] = (earlier.kept, started)
        } else {
            previews[preview.page] = (preview, started)
        }
        await feed.recordPages([preview.page])
    }

    private func startBuild() async {
        guard !stopping else { return }
        wanted = false
        started += 1
        let number = started, cancellation = BuildCancellation()
        running = cancellation
        await feed.begin()
        runningTask = Task { [build] in
            let outcome = await build.run(cancellation: cancellation)
            await finished(number, outcome)
        }
    }

    /// Stops the build under way and waits for it (it leaves the site as it was, or swapped in
    /// whole): serve is stopping.
    func stop() async {
        stopping = true
        running?.cancel()
        await runningTask?.value
    }

    /// Build `number` ended with `outcome`.
    private func finished(_ number: Int, _ outcome: ServeBuild.Outcome) async {
        running = nil
        runningTask = nil
        if outcome.cancelled {
            guard !stopping else { return }
            console.say("stopped that build: the notes changed again")
            if wanted { await startBuild() }
            return
        }
        let included = previews.filter { $0.value.startedBefore < number }
        let later = previews.filter { $0.value.startedBefore >= number }
        var changed = outcome.changed, restored = Set<String>()
        if outcome.succeeded {
            for (page, preview) in included {
                preview.kept.discard()
                previews[page] = nil
            }
            // The build swapped in a site made from older notes than these pages were.
            for (page, preview) in later {
                preview.kept.discard()
                previews[page] = nil
                guard let note = build.notePath(ofPage: page), let again = await build.preview([note]) else { continue }
                previews[page] = (again, started)
                changed?.insert(page)
            }
        } else {
            for (page, preview) in included {
                preview.kept.restore()
                previews[page] = nil
                restored.insert(page)
            }
        }
        // A line after every build, either way: what a watching person (and the tests) waits for.
        console.say(outcome.succeeded ? "rebuilt; open pages reload" : "rebuild failed; still serving the previous site")
        await feed.record(succeeded: outcome.succeeded, changed: changed)
        if !restored.isEmpty { await feed.recordPages(restored) }  // the pages are back as they were
        if wanted { await startBuild() }
    }
}
