import DeriveCache
import DeriveCore
import Foundation

/// Writes the search index's shards into a site being built, one after another: each indexed
/// by lunr in node, its script streamed to disk, unless the site being replaced holds the shard
/// as it was written for the same documents, lunr and builder, which is then carried over.
final class SearchShardWriter: @unchecked Sendable {
    private let files: SiteFileWriter
    private let options: SiteOptions
    private let builder: URL
    private let cache: CacheFile?
    private let cancellation: BuildCancellation?
    private let lock = NSLock()
    private var written: [(key: CacheKey, file: String)] = []

    /// A writer into `files` with the node and lunr of `options` and the `builder` script; with a
    /// `cache`, a shard's entry records the file it was written as. node is stopped when
    /// `cancellation` is cancelled.
    init(files: SiteFileWriter, options: SiteOptions, builder: URL, cache: CacheFile?, cancellation: BuildCancellation?) {
        self.files = files
        self.options = options
        self.builder = builder
        self.cache = cache
        self.cancellation = cancellation
    }

    /// Writes every shard; returns how many node indexed (the others were carried over).
    func write(_ shards: [SearchIndex.Shard]) throws -> Int {
        let lunr = options.lunr.appendingPathComponent("lunr.js")
        let context = [Data("search index 2".utf8), (try? Data(contentsOf: lunr)) ?? Data(), (try? Data(contentsOf: builder)) ?? Data()]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var indexed = 0
        for shard in shards {
            try cancellation?.check()
            let documents = try encoder.encode(shard.documents)
            let key = CacheKey(context + [Data(shard.file.utf8), documents])
            if let recorded = cache?.value(for: key), let stamp = FileStamp.of(files.previous.appendingPathComponent(shard.file)),
               recorded == Data(stamp.utf8), files.carryOver(shard.file) {
                continue
            }
            try index(documents, lunr: lunr, into: shard.file)
            lock.withLock { written.append((key, shard.file)) }
            indexed += 1
        }
        return indexed
    }

    /// Records each shard indexed as the file it now is in `site`, for a later build to carry over.
    func record(in site: URL) {
        guard let cache else { return }
        for (key, file) in lock.withLock({ written }) {
            if let stamp = FileStamp.of(site.appendingPathComponent(file)) { cache.set(Data(stamp.utf8), for: key) }
        }
    }

    /// Runs the builder in node on `documents` (JSON), its output streamed into `file`.
    private func index(_ documents: Data, lunr: URL, into file: String) throws {
        let node = try NodeProcess(
            node: options.nodeExecutable, arguments: [builder.path, lunr.path, file], failure: WeaveError.searchIndexFailed)
        let process = node.process
        Thread { try? node.input.write(contentsOf: documents); try? node.input.close() }.start()
        let message = BackgroundWork { node.errors.readDataToEndOfFile() }
        if let cancellation {
            Thread {
                while process.isRunning && !cancellation.isCancelled { usleep(10_000) }
                if process.isRunning { process.terminate() }
            }.start()
        }
        let streamed = Result {
            try files.stream(to: file) { append in
                while let chunk = try node.output.read(upToCount: 1 << 16), !chunk.isEmpty { try append(chunk) }
            }
        }
        process.waitUntilExit()
        try cancellation?.check()
        guard process.terminationStatus == 0 else {
            throw WeaveError.searchIndexFailed(String(decoding: (try? message.value()) ?? Data(), as: UTF8.self))
        }
        try streamed.get()
    }
}
