import DeriveCore
import Foundation

/// Renders TeX to HTML for a whole build through a pool of long-lived KaTeX workers
/// (`KaTeXWorker`, one `node` process each), never rendering a (TeX, display) pair twice.
///
/// `prepare` renders a build's distinct formulas up front, split across up to `jobs` workers
/// that run at once; `render` then answers from memory (or, for a formula `prepare` was not
/// given, from the first worker). Safe to call from several threads.
final class KaTeXRenderer: @unchecked Sendable {
    /// One formula to render.
    typealias Request = KaTeXWorker.Request

    private let options: SiteOptions
    private let script: URL
    private let jobs: Int
    private let store: MathStore?
    private let lock = NSLock()
    /// Held while the workers render, so that one batch at a time talks to them.
    private let rendering = NSLock()
    private var workers: [KaTeXWorker] = []
    private var answers: [Request: RenderedMath] = [:]
    private let clock = ContinuousClock()
    private var counts = MathStatistics()

    /// A renderer that runs `script` with the node and KaTeX that `options` name, on up to `jobs`
    /// processes at once, keeping its answers in `store` across builds when one is given.
    init(options: SiteOptions, script: URL, jobs: Int = 1, store: MathStore? = nil) {
        self.options = options
        self.script = script
        self.jobs = max(1, jobs)
        self.store = store
    }

    deinit { stop() }

    /// What this renderer has done so far.
    var statistics: MathStatistics { lock.withLock { counts } }

    /// Renders every formula of `requests` not yet known, on up to `jobs` workers at once.
    func prepare(_ requests: [Request]) throws {
        rendering.lock()
        defer { rendering.unlock() }
        let missing: [Request] = lock.withLock {
            var seen = Set<Request>()
            return requests.filter { answers[$0] == nil && seen.insert($0).inserted }
        }
        var unrendered: [Request] = []
        var stored: [(Request, RenderedMath)] = []
        for request in missing {
            if let answer = store?.answer(for: request) { stored.append((request, answer)) } else { unrendered.append(request) }
        }
        lock.withLock {
            for (request, answer) in stored { answers[request] = answer }
            counts.cached += stored.count
        }
        guard !unrendered.isEmpty else { return }
        let start = clock.now
        // A worker costs a node start (about 0.1 s): only worth it for a few dozen formulas.
        let count = min(jobs, max(1, unrendered.count / 32))
        let pool = try lock.withLock { try workersStarted(count) }
        TestStopPoint.katex.reach()
        let shares = (0..<count).map { worker in stride(from: worker, to: unrendered.count, by: count).map { unrendered[$0] } }
        let results = try Array(0..<count).concurrentMap(jobs: count) { try pool[$0].render(shares[$0]) }
        var rendered: [(Request, RenderedMath)] = []
        for (share, answers) in zip(shares, results) { rendered += zip(share, answers) }
        lock.withLock {
            for (request, answer) in rendered { answers[request] = answer }
            counts.rendered += rendered.count
            counts.duration += clock.now - start
        }
        store?.add(rendered)
    }

    /// Keeps the stored answers for `requests` for later builds without rendering or reading them
    /// (the formulas of pages carried over, which a later build may render again).
    func keep(_ requests: [Request]) {
        store?.keep(requests)
    }

    /// KaTeX's answer for `tex`, in display style when `display` is set.
    func render(_ tex: String, display: Bool) throws -> RenderedMath {
        let request = Request(tex: tex, display: display)
        if let known = lock.withLock({ () -> RenderedMath? in
            counts.expressions += 1
            return answers[request]
        }) {
            return known
        }
        try prepare([request])
        guard let answer = lock.withLock({ answers[request] }) else {
            throw WeaveError.mathRendererFailed("no answer for \(tex)")
        }
        return answer
    }

    /// Ends every worker that was started.
    func stop() {
        let running = lock.withLock {
            defer { workers = [] }
            return workers
        }
        running.forEach { $0.stop() }
    }

    /// The first `count` workers, starting those not running yet. Call with the lock held.
    private func workersStarted(_ count: Int) throws -> [KaTeXWorker] {
        while workers.count < count {
            workers.append(try KaTeXWorker(options: options, script: script))
            counts.processesStarted += 1
        }
        return Array(workers.prefix(count))
    }
}
