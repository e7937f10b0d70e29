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

    /// Puts at `relative` in the staging folder the bytes `produce` hands to its argument, piece
    /// by piece (for a file too big to hold in memory); when the site being replaced holds the same
    /// bytes there, that file is hard-linked in their place.
    func stream(to relative: String, _ produce: (_ append: (Data) throws -> Void) throws -> Void) throws {
        let target = staging.appendingPathComponent(relative)
        let old = previous.appendingPathComponent(relative)
        do {
            _ = FileManager.default.createFile(atPath: target.path, contents: nil)
            let output = try FileHandle(forWritingTo: target)
            var pending = Data()
            try produce { piece in
                pending.append(piece)
                if pending.count >= 1 << 20 {
                    try output.write(contentsOf: pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            try output.write(contentsOf: pending)
            try output.close()
            if Self.sameBytes(old, target) {
                try FileManager.default.removeItem(at: target)
                try FileManager.default.linkItem(at: old, to: target)
            }
        } catch let cancelled as BuildCancelled {
            throw cancelled
        } catch let failure as WeaveError {
            throw failure  // `produce` failed, and says how
        } catch {
            throw WeaveError.fileSystem("cannot write \(relative): \(FileErrorText.describe(error))")
        }
    }

    /// The bytes in `range` of the file at `relative` in the staging folder; nil when it is shorter.
    func staged(_ relative: String, bytes range: Range<Int>) throws -> Data? {
        do {
            let file = try FileHandle(forReadingFrom: staging.appendingPathComponent(relative))
            defer { try? file.close() }
            try file.seek(toOffset: UInt64(range.lowerBound))
            let data = try file.read(upToCount: range.count) ?? Data()
            return data.count == range.count ? data : nil
        } catch {
            throw WeaveError.fileSystem("cannot read \(relative) back: \(FileErrorText.describe(error))")
        }
    }

    /// Hard-links the previous site's file at `relative` into the staging folder; false when that fails.
    func carryOver(_ relative: String) -> Bool {
        (try? FileManager.default.linkItem(at: previous.appendingPathComponent(relative), to: staging.appendingPathComponent(relative))) != nil
    }

    /// Whether `old` is a regular file with the bytes of the file `new`, read a chunk at a time.
    private static func sameBytes(_ old: URL, _ new: URL) -> Bool {
        var info = stat(), newInfo = stat()
        guard lstat(old.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, stat(new.path, &newInfo) == 0,
              info.st_size == newInfo.st_size,
              let first = try? FileHandle(forReadingFrom: old), let second = try? FileHandle(forReadingFrom: new)
        else { return false }
        defer { try? first.close(); try? second.close() }
        while true {
            let a = (try? first.read(upToCount: 1 << 20)) ?? nil, b = (try? second.read(upToCount: 1 << 20)) ?? nil
            guard a == b else { return false }
            if a == nil || a?.isEmpty == true { return true }
        }
    }

    /// Whether the regular file at `url` holds exactly `data`.
    private func holds(_ url: URL, _ data: Data) -> Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == data.count else { return false }
        return (try? Data(contentsOf: url)) == data
    }
}
