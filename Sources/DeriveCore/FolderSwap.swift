import Foundation

/// Replaces a folder whole: the new content is written into a sibling staging folder, which is
/// renamed into place only once it is complete. A failure leaves the old folder untouched and
/// no staging folder behind.
public enum FolderSwap {
    /// Calls `fill` with an empty staging folder, then swaps it in for `folder`.
    public static func replace(_ folder: URL, fill: (URL) throws -> Void) throws {
        try replace(folder, fill: fill, move: { try FileManager.default.moveItem(at: $0, to: $1) })
    }

    /// `replace(_:fill:)` with the renames done by `move`, so that a test can make one fail.
    static func replace(_ folder: URL, fill: (URL) throws -> Void, move: (URL, URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).staging-\(token)")
        let retired = parent.appendingPathComponent(".\(name).old-\(token)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        let hadFolder: Bool
        do {
            try fill(staging)
            hadFolder = manager.fileExists(atPath: folder.path)
            if hadFolder { try move(folder, retired) }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        do {
            try move(staging, folder)
        } catch {
            if hadFolder { try? move(retired, folder) }
            try? manager.removeItem(at: staging)
            throw error
        }
        if hadFolder { try manager.removeItem(at: retired) }
    }
}
