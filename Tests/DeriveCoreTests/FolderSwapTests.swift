@testable import DeriveCore
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

    /// Moving the old folder aside can fail (it is busy, or its parent changed): the old folder
    /// stays, and the staging folder is removed.
    @Test func aFailingMoveOfTheOldFolderLeavesItAndNoStaging() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try FolderSwap.replace(site) { try Data("old".utf8).write(to: $0.appendingPathComponent("index.html")) }
        struct Busy: Error {}
        var moves: [String] = []
        #expect(throws: Busy.self) {
            try FolderSwap.replace(
                site, fill: { try Data("new".utf8).write(to: $0.appendingPathComponent("index.html")) },
                move: { from, _ in
                    moves.append(from.lastPathComponent)
                    throw Busy()
                })
        }
        #expect(moves == ["Site"])
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }

    /// Moving the new folder into place can fail: the old folder is moved back, and no staging
    /// or retired folder is left.
    @Test func aFailingMoveOfTheNewFolderPutsTheOldOneBack() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("Site")
        try FolderSwap.replace(site) { try Data("old".utf8).write(to: $0.appendingPathComponent("index.html")) }
        struct Busy: Error {}
        #expect(throws: Busy.self) {
            try FolderSwap.replace(
                site, fill: { try Data("new".utf8).write(to: $0.appendingPathComponent("index.html")) },
                move: { from, to in
                    if from.lastPathComponent.contains(".staging-") { throw Busy() }
                    try FileManager.default.moveItem(at: from, to: to)
                })
        }
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }
}
