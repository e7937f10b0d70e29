import DeriveCore
import Foundation

/// Reads Swift Testing's event stream (`swift test --event-stream-output-path`, one JSON object
/// a line, version 0) as it is written: which tests exist, which have run, and every issue they
/// recorded, located in the notes.
public struct TestEventReader: Sendable {
    /// The notes' paths by file name (`01-intro.md` -> `Notes/01-intro.md`).
    private let pathsByFileName: [String: String]
    /// Test functions discovered (a parameterized test counts once).
    public private(set) var total = 0
    /// Tests that have ended.
    public private(set) var ended = 0
    /// Tests that have ended with at least one issue.
    public private(set) var failed: Set<String> = []
    /// Tests started and not ended: the ones under way when a run stops short.
    public private(set) var running: [String: String] = [:]
    /// Issues recorded in the notes, in the order recorded.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Whether the run has ended (`runEnded` was read).
    public private(set) var runEnded = false
    private var names: [String: String] = [:]
    private var partialLine = Data()

    /// Where an issue outside every note is reported: the notes folder, as the user named it.
    private let notesDisplayPath: String

    /// A reader for the notes at `notePaths`, in the folder named `notesDisplayPath`.
    public init(notePaths: [String], notesDisplayPath: String = "Notes") {
        self.notesDisplayPath = notesDisplayPath
        var paths: [String: String] = [:]
        for path in notePaths { paths[(path as NSString).lastPathComponent] = path }
        pathsByFileName = paths
    }

    /// Reads the next bytes of the stream (any cut, even inside a line).
    public mutating func read(_ bytes: Data) {
        partialLine.append(bytes)
        while let newline = partialLine.firstIndex(ofByte: UInt8(ascii: "\n")) {
            let line = partialLine[partialLine.startIndex..<newline]
            partialLine = Data(partialLine[partialLine.index(after: newline)...])
            if let record = try? JSONDecoder().decode(Record.self, from: line) { read(record) }
        }
    }

    private mutating func read(_ record: Record) {
        let payload = record.payload
        switch (record.kind, payload.kind) {
        case ("test", "function"):
            total += 1
            if let id = payload.id { names[id] = payload.name ?? id }
        case ("event", "testStarted"):
            if let id = payload.testID { running[id] = names[id] ?? id }
        case ("event", "testEnded"):
            if let id = payload.testID {
                running.removeValue(forKey: id)
                ended += 1
            }
        case ("event", "issueRecorded"):
            guard let issue = payload.issue, issue.isKnown != true else { return }
            if let id = payload.testID { failed.insert(id) }
            var test = payload.testID.map { names[$0] ?? $0 }
            if let test0 = test, let testCase = payload._testCase?.displayName { test = "\(test0) with \(testCase)" }
            diagnostics.append(diagnostic(for: issue, test: test, messages: payload.messages ?? []))
        case ("event", "runEnded"):
            runEnded = true
        default:
            break
        }
    }

    private func diagnostic(for issue: Record.Issue, test: String?, messages: [Record.Message]) -> Diagnostic {
        let message = "\(test ?? "a test") failed: \(Self.text(of: messages))"
        guard let source = issue.sourceLocation, let path = notePath(of: source) else {
            return Diagnostic(.error, .testFailed, message, at: .whole(notesDisplayPath))
        }
        return Diagnostic(.error, .testFailed, message, at: NoteLocation(file: path, line: source.line, column: source.column))
    }

    /// What an issue's messages say: the first (`Expectation failed: ...`) and its comments (the
    /// `details` that follow), or the comments alone after the generic `Issue recorded` that an
    /// `Issue.record(comment)` (a derivation check, a runtime mistake) opens with.
    private static func text(of messages: [Record.Message]) -> String {
        guard let first = messages.first?.text else { return "an issue was recorded" }
        let details = messages.dropFirst().filter { $0.symbol == "details" }.map(\.text)
        if details.isEmpty { return first }
        return first == "Issue recorded" ? details.joined(separator: "; ") : "\(first); \(details.joined(separator: "; "))"
    }

    /// The note a source location names, by its file name (`NotesTests/01-intro.md` -> `Notes/01-intro.md`).
    private func notePath(of source: Record.SourceLocation) -> String? {
        for file in [source.filePath, source._filePath, source.fileID].compactMap({ $0 }) {
            if let path = pathsByFileName[(file as NSString).lastPathComponent] { return path }
        }
        return nil
    }

    /// One line of the stream: what is needed of it.
    private struct Record: Decodable {
        var kind: String
        var payload: Payload

        struct Payload: Decodable {
            var kind: String
            var id: String?
            var name: String?
            var testID: String?
            var issue: Issue?
            var messages: [Message]?
            var _testCase: TestCase?
        }

        struct TestCase: Decodable {
            var displayName: String?
        }

        struct Issue: Decodable {
            var isKnown: Bool?
            var sourceLocation: SourceLocation?
        }

        struct SourceLocation: Decodable {
            var fileID: String?
            var filePath: String?
            var _filePath: String?
            var line: Int
            var column: Int
        }

        struct Message: Decodable {
            var symbol: String?
            var text: String
        }
    }
}
