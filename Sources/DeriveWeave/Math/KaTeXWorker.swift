import DeriveCore
import Foundation

/// One `node` process running KaTeX (`Assets/katex-render.js`): JSON lines in, JSON lines out,
/// answered in order.
///
/// A batch is pipelined: a writer thread sends every request while this thread reads the
/// answers, so node never waits for the next request after answering one. One thread at a time
/// may use a worker (`KaTeXRenderer` sees to it).
final class KaTeXWorker: @unchecked Sendable {
    /// One formula to render.
    struct Request: Codable, Hashable, Sendable {
        var tex: String
        var display: Bool

        /// `tex` as KaTeX is asked for it: in inline math, each line break a space, which is
        /// what TeX reads the end of a line as, so a formula that a note's wrapped prose breaks
        /// across lines is rendered (and cached) once with the same formula on one line, and
        /// KaTeX's positions in it stay the note's. Kept as written when it has a `%`, whose
        /// comment runs to the end of its line, and in display math, whose lines are its layout
        /// in the TeX that the page carries.
        init(tex: String, display: Bool) {
            func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
            let joinsLines = !display && !tex.utf8.contains(UInt8(ascii: "%")) && tex.utf8.contains(where: isLineEnd)
            // Byte for byte, so that "\r\n" is two spaces and every position stays where it was.
            self.tex = joinsLines ? String(decoding: tex.utf8.map { isLineEnd($0) ? UInt8(ascii: " ") : $0 }, as: UTF8.self) : tex
            self.display = display
        }
    }

    private struct Reply: Decodable {
        var html: String?
        var warnings: [String]?
        var error: String?
    }

    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let errors: FileHandle
    /// What node has written and this worker not yet read, from `unread` on.
    private var pending = Data()
    private var unread = 0
    private var stopped = false

    /// Starts node on `script` with the node, KaTeX and macros that `options` name.
    init(options: SiteOptions, script: URL) throws {
        let macros = try JSONSerialization.data(withJSONObject: options.macros, options: [.sortedKeys])
        var environment = ProcessInfo.processInfo.environment
        environment["NODE_PATH"] = options.nodeModules.path
        let node = try NodeProcess(
            node: options.nodeExecutable, arguments: [script.path, String(decoding: macros, as: UTF8.self)], environment: environment,
            failure: WeaveError.mathRendererFailed)
        (process, input, output, errors) = (node.process, node.input, node.output, node.errors)
    }

    deinit { stop() }

    /// Hands KaTeX's answer to each of `requests` to `deliver`, with the request's position, as
    /// soon as node gives it, in their order.
    func render(_ requests: [Request], delivering deliver: (Int, RenderedMath) -> Void) throws {
        guard !requests.isEmpty else { return }
        let encoder = JSONEncoder()
        var lines = Data()
        for request in requests {
            lines.append(try encoder.encode(request))
            lines.append(UInt8(ascii: "\n"))
        }
        let input = self.input, payload = lines
        let written = WriteOutcome()
        let writer = Thread {
            do { try input.write(contentsOf: payload) } catch { written.failure = "could not write to node: \(error)" }
            written.done.signal()
        }
        writer.start()
        defer { written.done.wait() }
        let decoder = JSONDecoder()
        for position in requests.indices {
            let line: Data
            do {
                line = try readLine()
            } catch {
                written.done.wait()
                written.done.signal()
                throw failure(written.failure ?? "node stopped answering")
            }
            let reply: Reply
            do {
                reply = try decoder.decode(Reply.self, from: line)
            } catch {
                throw failure("unreadable answer: \(error)")
            }
            if let message = reply.error {
                deliver(position, .error(message))
            } else if let html = reply.html {
                deliver(position, .html(html, warnings: reply.warnings ?? []))
            } else {
                throw failure("an answer with neither html nor error")
            }
        }
    }

    /// Ends the node process.
    func stop() {
        guard !stopped else { return }
        stopped = true
        try? input.close()
        process.waitUntilExit()
    }

    /// The next line node writes, without its newline; throws if node stops first.
    private func readLine() throws -> Data {
        while true {
            // The lines read are dropped only when a new chunk is needed, not each time one is
            // read, which would copy what is left of the chunk once for every line in it.
            if let newline = pending[unread...].firstIndex(ofByte: UInt8(ascii: "\n")) {
                defer { unread = newline + 1 }
                return pending[unread..<newline]
            }
            let chunk = output.availableData
            if chunk.isEmpty { throw WeaveError.mathRendererFailed("node stopped answering") }
            var rest = Data(pending[unread...])  // a fresh buffer: a slice would keep every line read
            rest.append(chunk)
            (pending, unread) = (rest, 0)
        }
    }

    /// An error carrying what node wrote to its standard error, after stopping it. It reads
    /// that to its end, which comes when node has exited, and does not `waitUntilExit`: Foundation
    /// learns of the exit on a dispatch queue, and the threads that would run it may be the pages'
    /// own, waiting for this worker's formulas.
    private func failure(_ reason: String) -> WeaveError {
        if !stopped {
            stopped = true
            process.terminate()
            try? input.close()
        }
        let said = String(decoding: (try? errors.readToEnd()) ?? Data(), as: UTF8.self)
        let trimmed = said.trimmingCharacters(in: .whitespacesAndNewlines)
        return .mathRendererFailed(trimmed.isEmpty ? reason : "\(reason): \(trimmed)")
    }
}

/// How a batch's writer thread ended.
private final class WriteOutcome: @unchecked Sendable {
    /// Why writing failed, if it did; read only after `done` is signalled.
    var failure: String?
    /// Signalled once the writer has written everything or failed.
    let done = DispatchSemaphore(value: 0)
}
