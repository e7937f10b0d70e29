import DeriveCache
import DeriveCore
import Foundation

/// Writes the search index's shards into a site being built as soon as they are cut, in the
/// order they are cut, on up to `jobs` threads: each shard indexed by one of up to `jobs` lunr
/// workers (`LunrWorker`), started as they are first needed, its script streamed to disk, unless the site being replaced
/// holds the shard as it was written for the same documents, lunr and indexer, which is then
/// carried over.
final class SearchShardWriter: @unchecked Sendable {
    private let files: SiteFileWriter
    private let options: SiteOptions
    private let script: URL
    private let cache: CacheFile?
    private let cancellation: BuildCancellation?
    /// What every shard's key starts with: the index's format, lunr and the indexer script.
    private let context: [Data]
    private let started = DispatchGroup()
    private let lock = NSLock()
    /// The shards cut and not yet taken by a thread, each with its place in the order they were cut.
    private var waiting: [(order: Int, shard: SearchIndex.Shard)] = []
    /// How many threads are writing shards: at most `options.jobs`.
    private var threads = 0
    /// The workers started and not stopped, and those of them not indexing a shard.
    private var workers: [LunrWorker] = [], idle: [LunrWorker] = []
    private var written: [(key: CacheKey, file: String)] = []
    /// What went wrong with a shard, by the order the shards were started in.
    private var failures: [(order: Int, error: any Error)] = []
    private var count = 0, indexed = 0, finished = false

    /// A writer into `files` with the node, lunr and jobs of `options` and the indexer `script`;
    /// with a `cache`, a shard's entry records the file it was written as. Every worker is
    /// stopped when `cancellation` is cancelled.
    init(files: SiteFileWriter, options: SiteOptions, script: URL, cache: CacheFile?, cancellation: BuildCancellation?) {
        self.files = files
        self.options = options
        self.script = script
        self.cache = cache
        self.cancellation = cancellation
        let lunr = options.lunr.appendingPathComponent("lunr.js")
        context = [Data("search index 3".utf8), (try? Data(contentsOf: lunr)) ?? Data(), (try? Data(contentsOf: script)) ?? Data()]
        if let cancellation { Thread { [self] in watch(cancellation) }.start() }
    }

    /// Starts writing `shard`, at once if fewer than `jobs` shards are being written, else once
    /// the shards cut before it are.
    func start(_ shard: SearchIndex.Shard) {
        started.enter()
        let starts = lock.withLock {
            count += 1
            waiting.append((count, shard))
            guard threads < options.jobs else { return false }
            threads += 1
            return true
        }
        // A few threads that each write shard after shard, rather than a thread a shard: each
        // thread that allocates has glibc give it memory of its own, which it keeps.
        if starts { Thread { [self] in writeWaiting() }.start() }
    }

    /// Writes the waiting shards, one after another, until none is left.
    private func writeWaiting() {
        while let (order, shard) = lock.withLock({ () -> (Int, SearchIndex.Shard)? in
            guard !waiting.isEmpty else {
                threads -= 1
                return nil
            }
            return waiting.removeFirst()
        }) {
            do {
                try write(shard)
            } catch {
                lock.withLock { failures.append((order, error)) }
            }
            started.leave()
        }
    }

    /// Waits for every shard started and stops the workers; returns how many shards were indexed
    /// (the others were carried over), or rethrows what went wrong with the first shard started
    /// that failed.
    func finish() throws -> Int {
        started.wait()
        let stopping = lock.withLock {
            finished = true
            return workers
        }
        for worker in stopping { worker.stop() }
        return try lock.withLock {
            (workers, idle) = ([], [])
            if let failure = failures.min(by: { $0.order < $1.order }) { throw failure.error }
            return indexed
        }
    }

    /// Writes `shard`, carried over when it can be.
    private func write(_ shard: SearchIndex.Shard) throws {
        try cancellation?.check()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let documents = try encoder.encode(shard.documents)
        let key = CacheKey(context + [Data(shard.file.utf8), documents])
        if let recorded = cache?.value(for: key), let stamp = FileStamp.of(files.previous.appendingPathComponent(shard.file)),
           recorded == Data(stamp.utf8), files.carryOver(shard.file) {
            return
        }
        let worker = try lock.withLock { try idle.popLast() ?? newWorker() }
        do {
            try files.stream(to: shard.file) { append in try worker.index(documents, as: shard.file, into: append) }
        } catch {
            // A worker that failed may be half way through an answer: it is not used again.
            worker.terminate()
            worker.stop()
            throw (cancellation?.isCancelled ?? false) ? BuildCancelled() : error
        }
        lock.withLock {
            idle.append(worker)
            written.append((key, shard.file))
            indexed += 1
        }
    }

    /// A new worker, counted among those to stop (called under `lock`).
    private func newWorker() throws -> LunrWorker {
        let worker = try LunrWorker(options: options, script: script)
        workers.append(worker)
        return worker
    }

    /// Ends every worker once `cancellation` is cancelled, until the writer has finished.
    private func watch(_ cancellation: BuildCancellation) {
        while !lock.withLock({ finished }) {
            if cancellation.isCancelled {
                for worker in lock.withLock({ workers }) { worker.terminate() }
                return
            }
            usleep(10_000)
        }
    }

    /// Records each shard indexed as the file it now is in `site`, for a later build to carry over.
    func record(in site: URL) {
        guard let cache else { return }
        for (key, file) in lock.withLock({ written }) {
            if let stamp = FileStamp.of(site.appendingPathComponent(file)) { cache.set(Data(stamp.utf8), for: key) }
        }
    }
}
