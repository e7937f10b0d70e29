import Foundation

/// Renders TeX to HTML through one long-lived `node` process running KaTeX, for a whole build.
///
/// Requests and answers are JSON lines (see `Assets/katex-render.js`); each distinct
/// (TeX, display) pair is sent once and its answer cached. The process starts on first use.
final class KaTeXRenderer {
    private struct Request: Codable, Hashable {
        var tex: String
        var display: Bool
    }

    private struct Reply: Decodable {
        var html: String?
        var warnings: [String]?
        var error: String?
    }

    private struct Running {
        var process: Process
        var input: FileHandle
        var output: FileHandle
        var errors: FileHandle
    }

    private let options: SiteOptions
    private let script: URL
    private var running: Running?
    private var pending = Data()
    private var cache: [Request: RenderedMath] = [:]
    private let clock = ContinuousClock()
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()
    /// What this renderer has done so far.
    private(set) var statistics = MathStatistics()

    /// A renderer that runs `script` with the node and KaTeX that `options` name.
    init(options: SiteOptions, script: URL) {
        self.options = options
        self.script = script
    }

    deinit { stop() }

    /// KaTeX's answer for `tex`, in display style when `display` is set.
    func render(_ tex: String, display: Bool) throws -> RenderedMath {
        statistics.expressions += 1
        let request = Request(tex: tex, display: display)
        if let cached = cache[request] { return cached }
        let start = clock.now
        defer { statistics.duration += clock.now - start }
        let answer = try ask(request)
        cache[request] = answer
        statistics.rendered += 1
        return answer
    }

    /// Ends the node process, if it was started.
    func stop() {
        guard let running else { return }
        self.running = nil
        try? running.input.close()
        running.process.waitUntilExit()
    }

    private func ask(_ request: Request) throws -> RenderedMath {
        let running = try self.running ?? start()
        var line = try encoder.encode(request)
        line.append(UInt8(ascii: "\n"))
        do {
            try running.input.write(contentsOf: line)
        } catch {
            throw failure("could not write to node: \(error)")
        }
        let reply: Reply
        do {
            reply = try decoder.decode(Reply.self, from: try readLine(from: running.output))
        } catch let error as WeaveError {
            throw error
        } catch {
            throw failure("unreadable answer: \(error)")
        }
        if let message = reply.error { return .error(message) }
        guard let html = reply.html else { throw failure("an answer with neither html nor error") }
        return .html(html, warnings: reply.warnings ?? [])
    }

    private func start() throws -> Running {
        // A write to a node that has died must fail as an error, not kill the build with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = options.nodeExecutable
        let macros = try JSONSerialization.data(withJSONObject: options.macros, options: [.sortedKeys])
        process.arguments = [script.path, String(decoding: macros, as: UTF8.self)]
        var environment = ProcessInfo.processInfo.environment
        environment["NODE_PATH"] = options.nodeModules.path
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw WeaveError.mathRendererFailed("could not start \(options.nodeExecutable.path): \(error)")
        }
        let started = Running(
            process: process, input: input.fileHandleForWriting,
            output: output.fileHandleForReading, errors: errors.fileHandleForReading
        )
        running = started
        statistics.processesStarted += 1
        return started
    }

    /// The next line node writes, without its newline; throws if node stops first.
    private func readLine(from output: FileHandle) throws -> Data {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                return Data(line)
            }
            let chunk = output.availableData
            if chunk.isEmpty { throw failure("node stopped answering") }
            pending.append(chunk)
        }
    }

    /// An error carrying what node wrote to its standard error, after stopping it.
    private func failure(_ reason: String) -> WeaveError {
        guard let running else { return .mathRendererFailed(reason) }
        self.running = nil
        running.process.terminate()
        running.process.waitUntilExit()
        let said = String(decoding: (try? running.errors.readToEnd()) ?? Data(), as: UTF8.self)
        let trimmed = said.trimmingCharacters(in: .whitespacesAndNewlines)
        return .mathRendererFailed(trimmed.isEmpty ? reason : "\(reason): \(trimmed)")
    }
}
