import Foundation

/// Replaces a folder whole: the new content is written into a sibling staging folder, which is
/// renamed into place only once it is complete. A failure leaves the old folder untouched and
/// no staging folder behind; a process killed mid-swap leaves its staging or retired folder,
/// which the next swap of the same folder clears (putting a retired folder back if the folder
/// itself is missing: the kill fell between the two renames).
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
        recoverAbandoned(folder)
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

    /// Clears what swaps of `folder` by processes no longer running left behind: their staging
    /// folders go; a retired folder goes too, or, when `folder` is missing, becomes it again.
    static func recoverAbandoned(_ folder: URL) {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for kind in ["old", "staging"] {
            let prefix = ".\(folder.lastPathComponent).\(kind)-"
            for name in names.sorted() where name.hasPrefix(prefix) {
                guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), !isRunning(pid) else { continue }
                let leftover = parent.appendingPathComponent(name)
                if kind == "old" && !manager.fileExists(atPath: folder.path) {
                    try? manager.moveItem(at: leftover, to: folder)
                } else {
                    try? manager.removeItem(at: leftover)
                }
            }
        }
    }

    /// Whether process `pid` is running (this process counts as running: its swaps are its own).
    private static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
    }
}
