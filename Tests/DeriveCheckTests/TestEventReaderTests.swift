import DeriveCheck
import DeriveCore
import Foundation
import Testing

@Suite("Reading Swift Testing's event stream back into the notes")
struct TestEventReaderTests {
    /// Lines as `swift test --event-stream-version 0` wrote them for a probe note (backtraces cut).
    private static let stream = #"""
        {"kind":"test","payload":{"id":"NotesTests.probeT()\/97-probe.swift:9:2","isParameterized":false,"kind":"function","name":"probeT()","sourceLocation":{"_filePath":"\/x\/97-probe.swift","column":2,"fileID":"NotesTests\/97-probe.swift","line":9}},"version":0}
        {"kind":"test","payload":{"id":"NotesTests.probeP(n:)\/97-probe.swift:13:2","isParameterized":true,"kind":"function","name":"probeP(n:)","sourceLocation":{"_filePath":"\/x\/97-probe.swift","column":2,"fileID":"NotesTests\/97-probe.swift","line":13}},"version":0}
        {"kind":"test","payload":{"id":"NotesTests.fine()\/97-probe.swift:20:2","isParameterized":false,"kind":"function","name":"fine()","sourceLocation":{"_filePath":"\/x\/97-probe.swift","column":2,"fileID":"NotesTests\/97-probe.swift","line":20}},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"kind":"runStarted","messages":[]},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"kind":"testStarted","messages":[],"testID":"NotesTests.probeT()\/97-probe.swift:9:2"},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"issue":{"isKnown":false,"sourceLocation":{"_filePath":"Notes\/97-probe.md","column":5,"fileID":"NotesTests\/97-probe.md","line":9}},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"Expectation failed: (probeV() → 1) == 2"}],"testID":"NotesTests.probeT()\/97-probe.swift:9:2"},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"kind":"testEnded","messages":[],"testID":"NotesTests.probeT()\/97-probe.swift:9:2"},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"kind":"testStarted","messages":[],"testID":"NotesTests.probeP(n:)\/97-probe.swift:13:2"},"version":0}
        {"kind":"event","payload":{"_testCase":{"displayName":"2","id":"case"},"instant":{"absolute":1,"since1970":1},"issue":{"isKnown":false,"sourceLocation":{"_filePath":"Notes\/97-probe.md","column":5,"fileID":"NotesTests\/97-probe.md","line":13}},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"Expectation failed: (n → 2) == 1"}],"testID":"NotesTests.probeP(n:)\/97-probe.swift:13:2"},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"issue":{"isKnown":true,"sourceLocation":{"_filePath":"Notes\/97-probe.md","column":5,"fileID":"NotesTests\/97-probe.md","line":14}},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"known"}],"testID":"NotesTests.probeP(n:)\/97-probe.swift:13:2"},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"kind":"testEnded","messages":[],"testID":"NotesTests.probeP(n:)\/97-probe.swift:13:2"},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"kind":"testStarted","messages":[],"testID":"NotesTests.fine()\/97-probe.swift:20:2"},"version":0}
        {"kind":"event","payload":{"instant":{"absolute":1,"since1970":1},"issue":{"isKnown":false,"sourceLocation":{"_filePath":"Notes\/97-probe.md","column":15,"fileID":"NotesTests\/97-probe.md","line":21}},"kind":"issueRecorded","messages":[{"symbol":"fail","text":"Issue recorded"},{"symbol":"details","text":"matrix product needs the left's columns to equal the right's rows, got 2x3 * 2x1"}],"testID":"NotesTests.fine()\/97-probe.swift:20:2"},"version":0}

        """#

    @Test func issuesAreFailuresAtTheNotesLinesAndKnownIssuesAreNot() {
        var reader = TestEventReader(notePaths: ["Notes/01-a.md", "Notes/97-probe.md"])
        reader.read(Data(Self.stream.utf8))
        #expect(reader.diagnostics.map(\.description) == [
            "Notes/97-probe.md:9:5: error: probeT() failed: Expectation failed: (probeV() → 1) == 2",
            "Notes/97-probe.md:13:5: error: probeP(n:) with 2 failed: Expectation failed: (n → 2) == 1",
            "Notes/97-probe.md:21:15: error: fine() failed: matrix product needs the left's columns to equal the right's rows, got 2x3 * 2x1",
        ])
        #expect(reader.diagnostics.allSatisfy { $0.id == .testFailed })
    }

    @Test func progressCountsTestsFoundEndedFailedAndStillRunning() {
        var reader = TestEventReader(notePaths: ["Notes/97-probe.md"])
        reader.read(Data(Self.stream.utf8))
        #expect(reader.total == 3)
        #expect(reader.ended == 2)
        #expect(reader.failed.count == 3)
        #expect(Array(reader.running.values) == ["fine()"], "a test started and never ended: the process died in it")
        #expect(!reader.runEnded)
        reader.read(Data(#"{"kind":"event","payload":{"kind":"runEnded","messages":[]},"version":0}"#.utf8 + [10]))
        #expect(reader.runEnded)
    }

    /// The stream is read while it is written: a line may arrive in any number of pieces.
    @Test func aStreamReadInPiecesReadsLikeAStreamReadWhole() {
        var whole = TestEventReader(notePaths: ["Notes/97-probe.md"])
        whole.read(Data(Self.stream.utf8))
        var pieces = TestEventReader(notePaths: ["Notes/97-probe.md"])
        let bytes = Array(Self.stream.utf8)
        for start in stride(from: 0, to: bytes.count, by: 37) {
            pieces.read(Data(bytes[start..<min(start + 37, bytes.count)]))
        }
        #expect(pieces.diagnostics == whole.diagnostics)
        #expect(pieces.total == whole.total && pieces.ended == whole.ended)
    }

    @Test func anIssueOutsideTheNotesIsStillAFailureOfTheNotesFolder() {
        var reader = TestEventReader(notePaths: ["Course/01-a.md"], notesDisplayPath: "Course")
        let line = #"{"kind":"event","payload":{"issue":{"isKnown":false,"sourceLocation":{"fileID":"Other/x.swift","line":3,"column":1}},"kind":"issueRecorded","messages":[{"text":"boom"}],"testID":"T.t()"},"version":0}"#
        reader.read(Data((line + "\n").utf8))
        #expect(reader.diagnostics.map(\.description) == ["Course: error: T.t() failed: boom"])
    }
}

@Suite("Reading the compiler's output back into the notes")
struct CompilerOutputReaderTests {
    private let reader = CompilerOutputReader(notePaths: ["Notes/01-a.md", "Notes/97-probe.md"])

    /// Lines as swiftc printed them for a probe note, through `#sourceLocation`.
    private let output = """
        [26/31] Compiling Notes 97-probe.swift
        Notes/97-probe.md:5:21: error: cannot convert value of type 'String' to specified type 'Int'
         6 | #sourceLocation(file: "Notes/97-probe.md", line: 4)
        Notes/97-probe.md:5:21: error: cannot convert value of type 'String' to specified type 'Int'
        Notes/01-a.md:7:3: warning: initialization of immutable value 'x' was never used
        /work/main/Sources/Other.swift:3:1: error: not a note
        Notes/02-unknown.md:3:1: error: not one of these notes
        """

    @Test func compilerDiagnosticsKeepTheNotePathAndAppearOnce() {
        #expect(reader.diagnostics(in: output).map(\.description) == [
            "Notes/01-a.md:7:3: warning: initialization of immutable value 'x' was never used",
            "Notes/97-probe.md:5:21: error: cannot convert value of type 'String' to specified type 'Int'",
        ])
        #expect(reader.diagnostics(in: output).map(\.id) == [.compileWarning, .compileError])
    }
}
