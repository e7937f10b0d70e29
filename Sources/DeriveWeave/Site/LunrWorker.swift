import DeriveCore
import Foundation

/// One `node` process running Derive's search indexer (`Assets/search-build.js`): a shard's
/// documents in as one JSON line, the shard's script out as one line, one shard at a time. One
/// thread at a time may use a worker (`SearchShardWriter` sees to it).
final class LunrWorker: @unchecked Sendable {
    private let node: NodeProcess
    private let lock = NSLock()
    private var stopped = false

    /// Starts node on `script` with the node and lunr that `options` name.
    init(options: SiteOptions, script: URL) throws {
        node = try NodeProcess(
            node: options.nodeExecutable, arguments: [script.path, options.lunr.appendingPathComponent("lunr.js").path],
            failure: WeaveError.searchIndexFailed)
    }

    deinit { stop() }

    /// Indexes `documents` (a JSON array) as the shard at `file`, handing the shard's script,
    /// newline included, to `append` a piece at a time as node writes it. After a throw the
    /// worker is stopped, or must be.
    func index(_ documents: Data, as file: String, into append: (Data) throws -> Void) throws {
        // The request's line, written in pieces so that the documents are not copied into it.
        let opening = Data(#"{"file":"#.utf8) + (try JSONEncoder().encode(file)) + Data(#","documents":"#.utf8)
        do {
            for piece in [opening, documents, Data("}\n".utf8)] { try node.input.write(contentsOf: piece) }
        } catch {
            throw failure("could not write to node: \(error)")
        }
        while true {
            // What the pipe holds now: `read(upToCount:)` would wait for more than the answer.
            let chunk = node.output.availableData
            guard !chunk.isEmpty else { throw failure("node stopped answering") }
            if let newline = chunk.firstIndex(ofByte: UInt8(ascii: "\n")) {
                return try append(Data(chunk[...newline]))
            }
            try append(chunk)
        }
    }

    /// Ends the node process once it has answered.
    func stop() {
        let running = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard running else { return }
        try? node.input.close()
        node.process.waitUntilExit()
    }

    /// Ends the node process at once (a cancelled build); a shard being indexed then fails.
    func terminate() {
        if node.process.isRunning { node.process.terminate() }
    }

    /// An error carrying what node wrote to its standard error, after stopping it.
    private func failure(_ reason: String) -> WeaveError {
        terminate()
        stop()
        let said = String(decoding: (try? node.errors.readToEnd()) ?? Data(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .searchIndexFailed(said.isEmpty ? reason : "\(reason): \(said)")
    }
}
