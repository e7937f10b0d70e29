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

@Suite("FolderSwap: what a killed swap left is cleared by the next")
struct FolderSwapRecoveryTests {
    /// A process id no process has: past Linux's largest (`pid_max` is at most 2^22).
    private let deadProcess = 4_194_305

    @Test func aKilledSwapsStagingFolderIsRemovedAndItsRetiredFolderPutBack() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("derive-core-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let staging = parent.appendingPathComponent(".Site.staging-\(deadProcess)-1")
        let retired = parent.appendingPathComponent(".Site.old-\(deadProcess)-1")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: retired.appendingPathComponent("index.html"))
        // Killed between its two renames: Site is missing, the whole previous site is retired.
        FolderSwap.recoverAbandoned(parent.appendingPathComponent("Site"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
        #expect(try String(contentsOf: parent.appendingPathComponent("Site/index.html"), encoding: .utf8) == "previous")
    }

    @Test func aRunningProcesssFoldersAreLeftAlone() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("derive-core-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let mine = parent.appendingPathComponent(".Site.staging-\(ProcessInfo.processInfo.processIdentifier)-1")
        let dead = parent.appendingPathComponent(".Site.old-\(deadProcess)-2")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: parent.appendingPathComponent("Site"), withIntermediateDirectories: true)
        FolderSwap.recoverAbandoned(parent.appendingPathComponent("Site"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [mine.lastPathComponent, "Site"])
    }
}
