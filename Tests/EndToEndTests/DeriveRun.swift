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

    /// Runs `derive arguments` in `directory` (with `environment` over this process's) and waits
    /// for it, at most `timeout`.
    static func run(
        _ arguments: [String], in directory: URL, timeout: Duration = .seconds(60), environment: [String: String] = [:]
    ) async throws -> DeriveRun {
        let process = try DeriveProcess(arguments, in: directory, environment: environment)
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

/// A running `derive` process whose output goes to files (no pipe can fill up and block it, and no
/// other process can hold its end of file back).
final class DeriveProcess: @unchecked Sendable {
    /// The process.
    let process = Process()
    private let output: URL
    private let errors: URL
    private let exit = ExitSignal()

    /// Starts `derive arguments` (or `executable prefix arguments`) in `directory`, with
    /// `environment` over this process's.
    init(
        _ arguments: [String], in directory: URL, executable: URL = DeriveRun.executable, prefix: [String] = [],
        environment: [String: String] = [:]
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestFailure("no executable at \(executable.path); build derive with `swift build --product derive`")
        }
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("derive-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        output = logs.appendingPathComponent("stdout")
        errors = logs.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.executableURL = executable
        process.arguments = prefix + arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.terminationHandler = { [exit] process in exit.signal(process.terminationStatus) }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
    }

    /// What the process has printed on standard output so far.
    var stdout: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
    /// What the process has printed on standard error so far.
    var stderr: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

    /// Waits for the exit status (the process's termination, awaited, not polled); kills the
    /// process and throws after `timeout`.
    func wait(timeout: Duration) async throws -> Int32 {
        try await withThrowingTaskGroup(of: Int32.self) { group in
            group.addTask { await self.exit.status() }
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

    /// One of the process's outputs.
    enum Stream {
        case standardOutput, standardError
    }

    /// Waits until standard output (or `stream`) has a match of `pattern`, and returns the match's first group.
    /// Awaited, not polled: each write to the output file is an inotify event, after which the
    /// file is read again; the process's exit ends the wait too. (Output goes to files, not pipes,
    /// because a pipe's end would also be inherited by processes other tests start at the same
    /// moment, and its end of file then waits for them.)
    func waitForOutput(_ pattern: String, in stream: Stream = .standardOutput, timeout: Duration) async throws -> String {
        _ = try Regex(pattern)  // a bad pattern throws here
        let events = try FileEvents(mask: UInt32(IN_MODIFY))
        let output = stream == .standardOutput ? output : errors
        try events.watch(output)
        @Sendable func found() -> String? {
            guard let regex = try? Regex(pattern),
                  let match = ((try? String(contentsOf: output, encoding: .utf8)) ?? "").firstMatch(of: regex) else { return nil }
            return match.output.count > 1 ? (match.output[1].substring.map(String.init) ?? "") : String(match.output[0].substring ?? "")
        }
        if let already = found() { return already }
        exit.whenExited { events.stop() }  // an exit ends the wait: nothing more will be printed
        _ = try? await events.next(timeout: timeout) { _ in found() != nil }
        guard let result = found() else {
            throw TestFailure("derive never printed /\(pattern)/ (within \(timeout))\nstdout:\n\(stdout)\nstderr:\n\(stderr)")
        }
        return result
    }
}

/// A process's exit status, for any number of waiters, once it has exited.
private final class ExitSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var code: Int32?
    private var waiters: [CheckedContinuation<Int32, Never>] = []
    private var actions: [@Sendable () -> Void] = []

    /// Records the status and wakes every waiter.
    func signal(_ status: Int32) {
        let (woken, run) = lock.withLock {
            code = status
            defer { waiters = []; actions = [] }
            return (waiters, actions)
        }
        for waiter in woken { waiter.resume(returning: status) }
        for action in run { action() }
    }

    /// Calls `action` once the process has exited (at once if it has).
    func whenExited(_ action: @escaping @Sendable () -> Void) {
        let exited = lock.withLock {
            if code == nil { actions.append(action) }
            return code != nil
        }
        if exited { action() }
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
