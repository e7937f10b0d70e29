import DeriveCore
import Foundation

/// Renders TeX to HTML for a whole build through a pool of long-lived KaTeX workers
/// (`KaTeXWorker`, one `node` process each), never rendering a (TeX, display) pair twice.
///
/// `prepare` starts rendering a build's distinct formulas, split across up to `jobs` workers
/// that run at once, and returns: pages are rendered meanwhile, `render` waiting for a formula
/// only until its worker has answered it (the formulas come in the order the pages ask for them,
/// so the first pages wait for little). A formula `prepare` was not given is rendered when it
/// is asked for. Safe to call from several threads.
final class KaTeXRenderer: @unchecked Sendable {
    /// One formula to render.
    typealias Request = KaTeXWorker.Request

    private let options: SiteOptions
    private let script: URL
    private let jobs: Int
    private let store: MathStore?
    /// Guards what follows, and is signalled whenever a formula is answered or a batch ends.
    private let condition = NSCondition()
    private var workers: [KaTeXWorker] = []
    private var answers: [Request: RenderedMath] = [:]
    /// The formulas of the batch being rendered that are not answered yet.
    private var pending = Set<Request>()
    /// Whether a batch is being rendered: one at a time talks to the workers.
    private var busy = false
    /// How many of the batch's workers have not finished their share.
    private var working = 0
    /// What stopped a batch: every formula it left unanswered, and every later batch, fails with it.
    private var failure: (any Error)?
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

    /// What this renderer has done so far, once the batch being rendered, if any, has ended.
    var statistics: MathStatistics {
        condition.withLock {
            waitUntilIdle()
            return counts
        }
    }

    /// Starts rendering every formula of `requests` not yet known, on up to `jobs` workers at
    /// once, once the batch being rendered, if any, has ended; throws if the workers cannot be
    /// started or an earlier batch failed.
    func prepare(_ requests: [Request]) throws {
        condition.lock()
        defer { condition.unlock() }
        waitUntilIdle()
        if let failure { throw failure }
        var seen = Set<Request>()
        var unrendered: [Request] = []
        for request in requests where answers[request] == nil && seen.insert(request).inserted {
            if let answer = store?.answer(for: request) {
                answers[request] = answer
                counts.cached += 1
            } else {
                unrendered.append(request)
            }
        }
        guard !unrendered.isEmpty else { return }
        // A worker costs a node start (about 0.1 s): only worth it for a few dozen formulas.
        let count = min(jobs, max(1, unrendered.count / 32))
        let pool = try workersStarted(count)
        TestStopPoint.katex.reach()
        busy = true
        pending.formUnion(unrendered)
        let shares = (0..<count).map { worker in stride(from: worker, to: unrendered.count, by: count).map { unrendered[$0] } }
        let start = clock.now
        // The last worker to finish ends the batch, on its own thread: no queue that the pages'
        // threads may be holding has to run anything for the batch to end.
        working = count
        let batch = unrendered
        for (worker, share) in zip(pool, shares) {
            Thread { [self] in
                do {
                    try worker.render(share) { place, answer in answered(share[place], answer) }
                } catch {
                    failed(share, error)
                }
                condition.withLock {
                    working -= 1
                    guard working == 0 else { return }
                    busy = false
                    counts.rendered += batch.count { answers[$0] != nil }
                    counts.duration += clock.now - start
                    condition.broadcast()
                }
            }.start()
        }
    }

    /// Records the answer to `request`, for the pages waiting for it, and stores it: whoever
    /// has a formula's answer may save the store with it in.
    private func answered(_ request: Request, _ answer: RenderedMath) {
        store?.add(answer, for: request)
        condition.withLock {
            answers[request] = answer
            pending.remove(request)
            condition.broadcast()
        }
    }

    /// Records why the worker rendering `share` stopped, failing its formulas still unanswered.
    private func failed(_ share: [Request], _ error: any Error) {
        condition.withLock {
            if failure == nil { failure = error }
            pending.subtract(share)
            condition.broadcast()
        }
    }

    /// Waits until no batch is being rendered. Call with the lock held.
    private func waitUntilIdle() {
        while busy { condition.wait() }
    }

    /// Keeps the stored answers for `requests` for later builds without rendering or reading them
    /// (the formulas of pages carried over, which a later build may render again).
    func keep(_ requests: [Request]) {
        store?.keep(requests)
    }

    /// KaTeX's answer for `tex`, in display style when `display` is set, once its worker has
    /// given it.
    func render(_ tex: String, display: Bool) throws -> RenderedMath {
        let request = Request(tex: tex, display: display)
        if let known = try condition.withLock({ () throws -> RenderedMath? in
            counts.expressions += 1
            return try settled(request)
        }) {
            return known
        }
        try prepare([request])
        return try condition.withLock {
            guard let answer = try settled(request) else { throw WeaveError.mathRendererFailed("no answer for \(tex)") }
            return answer
        }
    }

    /// The answer to `request` once no batch still owes it, or nil when none was asked for;
    /// throws why a batch stopped when it left `request` unanswered. Call with the lock held.
    private func settled(_ request: Request) throws -> RenderedMath? {
        while pending.contains(request) { condition.wait() }
        if let answer = answers[request] { return answer }
        if let failure { throw failure }
        return nil
    }

    /// Ends every worker that was started, once the batch being rendered, if any, has ended.
    func stop() {
        let running = condition.withLock {
            waitUntilIdle()
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
