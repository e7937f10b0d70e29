import Foundation

/// Runs the built `derive` executable, as a user would, and collects what it printed.
///
/// The executable is found next to the test runner: SwiftPM puts every product of a build
/// (`derive`, and the tests' `DerivePackageTests.xctest`) in one products folder, whichever
/// `--scratch-path` or configuration the build used, and on Linux the runner is this process
/// (`CommandLine.arguments[0]`). So the tests run the `derive` built with them, never a stale one
/// from another build folder. `DERIVE_EXECUTABLE` overrides it, to test another build.
struct DeriveRun {
    /// The exit status.
    var status: Int32
    /// Everything printed on standard output.
    var stdout: String
    /// Everything printed on standard error.
    var stderr: String

    /// The `derive` executable under test: the first of these that exists.
    static let executable: URL = {
        let environment = ProcessInfo.processInfo.environment["DERIVE_EXECUTABLE"].map { URL(fileURLWithPath: $0) }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let bundles = Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }  // macOS: the runner is xctest
        let candidates = [environment].compactMap { $0 }
            + [runner.deletingLastPathComponent().appendingPathComponent("derive")]
            + bundles.map { $0.deletingLastPathComponent().appendingPathComponent("derive") }
            + [repository.appendingPathComponent(".build/debug/derive")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// The repository, from this file's path: `Tests/EndToEndTests/DeriveRun.swift`.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `derive arguments` in `directory` and waits for it, at most `timeout`.
    static func run(_ arguments: [String], in directory: URL, timeout: Duration = .seconds(60)) async throws -> DeriveRun {
        let process = try DeriveProcess(arguments, in: directory)
        let status = try await process.wait(timeout: timeout)
        return DeriveRun(status: status, stdout: process.stdout, stderr: process.stderr)
    }

    /// Runs `swift arguments` (the toolchain's `swift build`, `swift test`) in `directory`, as an author would.
    static func swift(_ arguments: [String], in directory: URL, timeout: Duration = .seconds(900)) async throws -> DeriveRun {
        let process = try DeriveProcess(arguments, in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"), prefix: ["swift"])
        let status = try await process.wait(timeout: timeout)
        return DeriveRun(status: status, stdout: process.stdout, stderr: process.stderr)
    }
}

/// A running `derive` process whose output is read from pipes as it comes (drained at once, so
/// no pipe can fill up and block it), and awaited: `waitForOutput` resumes when a line arrives.
final class DeriveProcess: @unchecked Sendable {
    /// The process.
    let process = Process()
    private let output = OutputCollector()
    private let errors = OutputCollector()
    private let exit = ExitSignal()

    /// Starts `derive arguments` (or `executable prefix arguments`) in `directory`.
    init(_ arguments: [String], in directory: URL, executable: URL = DeriveRun.executable, prefix: [String] = []) throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestFailure("no executable at \(executable.path); build derive with `swift build --product derive`")
        }
        process.executableURL = executable
        process.arguments = prefix + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = output.pipe
        process.standardError = errors.pipe
        process.terminationHandler = { [exit] process in exit.signal(process.terminationStatus) }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// What the process has printed on standard output so far.
    var stdout: String { output.text }
    /// What the process has printed on standard error so far.
    var stderr: String { errors.text }

    /// Waits for the exit status (the process's termination, awaited, not polled) and for the
    /// end of its output; kills the process and throws after `timeout`.
    func wait(timeout: Duration) async throws -> Int32 {
        try await withThrowingTaskGroup(of: Int32.self) { group in
            group.addTask {
                let status = await self.exit.status()
                await self.output.finished()
                await self.errors.finished()
                return status
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                self.process.terminate()
                throw TestFailure("derive \(self.process.arguments ?? []) did not finish within \(timeout)\nstderr:\n\(self.stderr)")
            }
            defer { group.cancelAll() }
            guard let status = try await group.next() else { throw TestFailure("no exit status") }
            return status
        }
    }

    /// Waits until standard output has a match of `pattern` (awaiting each new piece of output,
    /// not polling), and returns the match's first group; throws when the output ends without one
    /// or after `timeout`.
    func waitForOutput(_ pattern: String, timeout: Duration) async throws -> String {
        _ = try Regex(pattern)  // a bad pattern throws here
        let found = try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                guard let regex = try? Regex(pattern) else { return nil }
                return await self.output.firstMatch { text in
                    text.firstMatch(of: regex).map { match in
                        match.output.count > 1 ? (match.output[1].substring.map(String.init) ?? "") : String(match.output[0].substring ?? "")
                    }
                }
            }
            group.addTask {
                // Ending the process ends its output, which resumes the waiter above.
                try await Task.sleep(for: timeout)
                self.process.terminate()
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let found else {
            throw TestFailure("derive never printed /\(pattern)/ (within \(timeout))\nstdout:\n\(stdout)\nstderr:\n\(stderr)")
        }
        return found
    }
}

/// One output stream of a process, collected from its pipe as it is written, with waiters that
/// resume when what has arrived matches (or when the stream ends).
private final class OutputCollector: @unchecked Sendable {
    /// The pipe the process writes into.
    let pipe = Pipe()
    private let lock = NSLock()
    private var data = Data()
    private var ended = false
    private var waiters: [(match: (String) -> String?, resume: CheckedContinuation<String?, Never>)] = []

    init() {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            self?.received(chunk)
            if chunk.isEmpty { handle.readabilityHandler = nil }
        }
    }

    /// Everything written so far.
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    private func received(_ chunk: Data) {
        let ready: [(String?, CheckedContinuation<String?, Never>)] = lock.withLock {
            if chunk.isEmpty { ended = true } else { data.append(chunk) }
            let text = String(decoding: data, as: UTF8.self)
            var ready: [(String?, CheckedContinuation<String?, Never>)] = []
            waiters.removeAll { waiter in
                if let found = waiter.match(text) {
                    ready.append((found, waiter.resume))
                    return true
                }
                if ended { ready.append((nil, waiter.resume)) }
                return ended
            }
            return ready
        }
        for (found, resume) in ready { resume.resume(returning: found) }
    }

    /// The first value `match` finds in the output, as soon as it is there; nil if the stream ends first.
    func firstMatch(_ match: @escaping (String) -> String?) async -> String? {
        await withCheckedContinuation { resume in
            let answer: String?? = lock.withLock {
                let text = String(decoding: data, as: UTF8.self)
                if let found = match(text) { return .some(found) }
                if ended { return .some(nil) }
                waiters.append((match, resume))
                return nil
            }
            if let answer { resume.resume(returning: answer) }
        }
    }

    /// Returns once the stream has ended (the process closed it, by exiting).
    func finished() async {
        _ = await firstMatch { _ in nil }
    }
}

/// A process's exit status, for any number of waiters, once it has exited.
private final class ExitSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var code: Int32?
    private var waiters: [CheckedContinuation<Int32, Never>] = []

    /// Records the status and wakes every waiter.
    func signal(_ status: Int32) {
        let woken = lock.withLock {
            code = status
            defer { waiters = [] }
            return waiters
        }
        for waiter in woken { waiter.resume(returning: status) }
    }

    /// The status, once the process has exited.
    func status() async -> Int32 {
        await withCheckedContinuation { waiter in
            let known: Int32? = lock.withLock {
                if code == nil { waiters.append(waiter) }
                return code
            }
            if let known { waiter.resume(returning: known) }
        }
    }
}

/// A failure with a message, for conditions a test cannot go on from.
struct TestFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
    /// A failure saying `description`.
    init(_ description: String) { self.description = description }
}
