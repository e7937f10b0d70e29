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

    @Test func filesOfDeletedNotesAreRemoved() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = TangleWriter(directory: folder)
        try writer.write(["a.swift": "let a = 1\n", "b.swift": "let b = 1\n"])
        try writer.write(["a.swift": "let a = 1\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.swift"])
    }
}
