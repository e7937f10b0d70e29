import Foundation

/// Replaces a folder whole: the new content is written into a sibling staging folder, which is
/// renamed into place only once it is complete. A failure leaves the old folder untouched.
public enum FolderSwap {
    /// Calls `fill` with an empty staging folder, then swaps it in for `folder`.
    public static func replace(_ folder: URL, fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).staging-\(token)")
        let retired = parent.appendingPathComponent(".\(name).old-\(token)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try fill(staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        let hadFolder = manager.fileExists(atPath: folder.path)
        if hadFolder { try manager.moveItem(at: folder, to: retired) }
        do {
            try manager.moveItem(at: staging, to: folder)
        } catch {
            if hadFolder { try? manager.moveItem(at: retired, to: folder) }
            try? manager.removeItem(at: staging)
            throw error
        }
        if hadFolder { try manager.removeItem(at: retired) }
    }
}
