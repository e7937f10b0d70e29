import DeriveCore
import Foundation
import Testing

@Suite("FolderSwap: a folder is replaced whole or not at all")
struct FolderSwapTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("derive-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFailingFillLeavesTheOldFolderAndNoStaging() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try FolderSwap.replace(site) { try Data("old".utf8).write(to: $0.appendingPathComponent("index.html")) }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try FolderSwap.replace(site) { staging in
                try Data("new".utf8).write(to: staging.appendingPathComponent("index.html"))
                throw Stop()
            }
        }
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }

    @Test func aSuccessfulFillReplacesEverything() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try FolderSwap.replace(site) { try Data("a".utf8).write(to: $0.appendingPathComponent("a.html")) }
        try FolderSwap.replace(site) { try Data("b".utf8).write(to: $0.appendingPathComponent("b.html")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["b.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }
}
