import DeriveCache
import DeriveCore
import Foundation

/// The site's search index: every note, heading, labelled equation and Swift declaration as a
/// document, indexed at build time by lunr in node, loaded by the search page from a script file
/// (so search works from disk too, where a page cannot fetch files).
struct SearchIndex {
    /// One thing search can find, and where it is.
    struct Document: Codable {
        var id: String
        var title: String
        /// The note it is in, by title.
        var note: String
        /// Where it is, from the site's root.
        var href: String
        var text: String
    }

    private(set) var documents: [Document] = []

    /// A document for one page, numbered when the index takes it (`append`).
    static func document(title: String, note: String, href: String, text: String) -> Document {
        Document(id: "", title: title, note: note, href: href, text: text)
    }

    /// Adds a page's documents, numbering them in the order they come.
    mutating func append(_ page: [Document]) {
        for var document in page {
            document.id = String(documents.count)
            documents.append(document)
        }
    }

    /// The JavaScript that defines the index (`window.deriveSearch`), built by `script` with the
    /// `node` and lunr that `options` name; with a `cache`, documents indexed before (by the same
    /// lunr and builder) are not indexed again. node is stopped when `cancellation` is cancelled.
    func script(options: SiteOptions, builder script: URL, cache: CacheFile? = nil, cancellation: BuildCancellation? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(documents)
        let lunr = options.lunr.appendingPathComponent("lunr.js")
        let key = CacheKey([
            Data("search index 1".utf8), data, (try? Data(contentsOf: lunr)) ?? Data(), (try? Data(contentsOf: script)) ?? Data(),
        ])
        if let cached = cache?.value(for: key) { return String(decoding: cached, as: UTF8.self) }
        let built = try run(builder: script, lunr: lunr, node: options.nodeExecutable, documents: data, cancellation: cancellation)
        cache?.set(Data(built.utf8), for: key)
        return built
    }

    private func run(builder script: URL, lunr: URL, node: URL, documents data: Data, cancellation: BuildCancellation?) throws -> String {
        let process = Process()
        process.executableURL = node
        process.arguments = [script.path, lunr.path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw WeaveError.searchIndexFailed("node could not start: \(error)")
        }
        let writer = Thread { try? input.fileHandleForWriting.write(contentsOf: data); try? input.fileHandleForWriting.close() }
        writer.start()
        if let cancellation {
            Thread {
                while process.isRunning && !cancellation.isCancelled { usleep(10_000) }
                if process.isRunning { process.terminate() }
            }.start()
        }
        let javascript = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try cancellation?.check()
        guard process.terminationStatus == 0 else {
            throw WeaveError.searchIndexFailed(String(decoding: message, as: UTF8.self))
        }
        return String(decoding: javascript, as: UTF8.self)
    }
}
