import DeriveCore
import Foundation

/// Writes the files of a site into its staging folder; a file whose bytes the site being
/// replaced already holds at the same path is hard-linked from it instead, so that swapping the
/// staging folder in leaves unchanged files as they were (same inode, same modification time).
struct SiteFileWriter: Sendable {
    /// The staging folder being filled.
    let staging: URL
    /// The site the staging folder will replace (it may not exist).
    let previous: URL

    /// Puts `data` at `relative` in the staging folder.
    func write(_ data: Data, to relative: String) throws {
        let target = staging.appendingPathComponent(relative)
        let old = previous.appendingPathComponent(relative)
        do {
            if relative.contains("/") {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            if holds(old, data), (try? FileManager.default.linkItem(at: old, to: target)) != nil { return }
            try data.writePlainly(to: target)
        } catch {
            throw WeaveError.fileSystem("cannot write \(relative): \(FileErrorText.describe(error))")
        }
    }

    /// Hard-links the previous site's file at `relative` into the staging folder; false when that fails.
    func carryOver(_ relative: String) -> Bool {
        (try? FileManager.default.linkItem(at: previous.appendingPathComponent(relative), to: staging.appendingPathComponent(relative))) != nil
    }

    /// Whether the regular file at `url` holds exactly `data`.
    private func holds(_ url: URL, _ data: Data) -> Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == data.count else { return false }
        return (try? Data(contentsOf: url)) == data
    }
}
