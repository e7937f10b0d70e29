import DeriveMarkdown
import DeriveTangle
import Foundation
import Testing

@Suite("Writing tangled files")
struct TangleWriterTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("derive-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = TangleWriter(directory: folder)
        #expect(try writer.write(["a.swift": "let a = 1\n", "b.swift": "let b = 1\n"]) == ["a.swift", "b.swift"])
        #expect(try writer.write(["a.swift": "let a = 1\n", "b.swift": "let b = 2\n"]) == ["b.swift"])
    }

    /// Filling a new folder from an old one writes only what changed: the rest is the old file,
    /// linked, with its inode and modification time (so a tangle that changes nothing rewrites nothing).
    @Test func fillingLinksUnchangedFilesFromThePreviousFolder() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let old = parent.appendingPathComponent("old"), new = parent.appendingPathComponent("new")
        #expect(try TangleWriter(directory: old).fill(["a.swift": "let a = 1\n", "b.swift": "let b = 1\n"], keepingUnchangedFrom: nil)
            == ["a.swift", "b.swift"])
        let written = try TangleWriter(directory: new).fill(
            ["a.swift": "let a = 1\n", "b.swift": "let b = 2\n", "c.swift": "let c = 1\n"], keepingUnchangedFrom: old)
        #expect(written == ["b.swift", "c.swift"])
        func inode(_ folder: URL, _ name: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.systemFileNumber] as? Int
        }
        #expect(try inode(new, "a.swift") == inode(old, "a.swift"))
        #expect(try inode(new, "b.swift") != inode(old, "b.swift"))
        #expect(try String(contentsOf: new.appendingPathComponent("b.swift"), encoding: .utf8) == "let b = 2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: new.path).sorted() == ["a.swift", "b.swift", "c.swift"])
    }

    @Test func filesOfDeletedNotesAreRemoved() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = TangleWriter(directory: folder)
        try writer.write(["a.swift": "let a = 1\n", "b.swift": "let b = 1\n"])
        try writer.write(["a.swift": "let a = 1\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.swift"])
    }

    @Test(arguments: ["../escape.swift", "/tmp/absolute.swift", "sub/dir.swift", ".hidden.swift", "..", "notes.txt", "a\\b.swift"])
    func aNameOutsideTheFolderIsRefusedBeforeAnythingIsWritten(name: String) throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("out")
        #expect(throws: TangleWriter.UnsafeName.self) {
            try TangleWriter(directory: folder).write(["a.swift": "let a = 1\n", name: "let b = 1\n"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [], "nothing written anywhere")
    }

    /// The tangled file's name comes from the note's file name alone, whatever its path says.
    @Test(arguments: ["Notes/../../escape.md", "/etc/cron.d/job.md", "Notes/sub/../01-a.md"])
    func theTangledNameIsTheNotesOwnFileName(path: String) throws {
        let note = try #require(NoteParser().parse("# A\n", path: path).note)
        let name = Tangler.fileName(for: note)
        #expect(!name.contains("/") && name.hasSuffix(".swift") && !name.hasPrefix("."), "\(name)")
    }
}
