import DeriveCore
import Foundation

/// Writes tangled sources into a folder, touching only files whose content changed, so that an
/// untouched note is never recompiled; removes `.swift` files no note writes any more.
public struct TangleWriter: Sendable {
    /// The folder written to.
    public var directory: URL

    /// A writer into `directory` (created if missing).
    public init(directory: URL) { self.directory = directory }

    /// A file name that would write outside the folder or out of sight: not one visible
    /// `.swift` file directly inside it (`../x.swift`, `/etc/x.swift`, `.x.swift`).
    public struct UnsafeName: Error, CustomStringConvertible {
        /// The name refused.
        public var name: String
        /// The refusal, in words.
        public var description: String { "refusing to write '\(name)': not a .swift file name inside the output folder" }
    }

    /// Makes the folder hold exactly `files` (name -> content) among its `.swift` files.
    /// Returns the names actually written. Throws `UnsafeName`, before writing anything, for a
    /// name that is not one visible `.swift` file directly inside the folder.
    @discardableResult
    public func write(_ files: [String: String]) throws -> [String] {
        let sorted = try Self.checked(files)
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, content) in sorted {
            let url = directory.appendingPathComponent(name)
            let data = Data(content.utf8)
            if (try? Data(contentsOf: url)) == data { continue }
            try Self.replace(url, with: data)
            written.append(name)
        }
        for stale in try manager.contentsOfDirectory(atPath: directory.path)
        where stale.hasSuffix(".swift") && files[stale] == nil {
            try manager.removeItem(at: directory.appendingPathComponent(stale))
        }
        return written
    }

    /// Fills the folder, which must not exist yet and which no one reads until it is renamed into
    /// place (a staging folder), with `files`: each written as it is, without a temporary file,
    /// except that one whose bytes are those of the file of the same name in `previous` is linked
    /// from there, so that it keeps its inode and modification time (a tangle that changes nothing
    /// rewrites nothing). Returns the names actually written. Throws `UnsafeName` as `write` does.
    @discardableResult
    public func fill(_ files: [String: String], keepingUnchangedFrom previous: URL?) throws -> [String] {
        let sorted = try Self.checked(files)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // One file at a time: the file system creates files in one folder one at a time anyway.
        var written: [String] = []
        for (name, content) in sorted {
            let url = directory.appendingPathComponent(name)
            let data = Data(content.utf8)
            if let old = previous?.appendingPathComponent(name), (try? Data(contentsOf: old)) == data,
               link(old.path, url.path) == 0 {
                continue
            }
            try data.writePlainly(to: url)
            written.append(name)
        }
        return written
    }

    /// `files` in name order, or `UnsafeName` for the first name that is not one visible `.swift`
    /// file directly inside the folder.
    private static func checked(_ files: [String: String]) throws -> [(key: String, value: String)] {
        let sorted = files.sorted { $0.key < $1.key }
        if let unsafe = sorted.first(where: { name, _ in
            name.contains("/") || name.contains("\\") || name.hasPrefix(".") || !name.hasSuffix(".swift") || name.contains("\0")
        }) {
            throw UnsafeName(name: unsafe.key)
        }
        return sorted
    }

    /// Writes `data` beside `url` and renames it into place: a reader sees the old file or the
    /// new one, never half of one. No fsync (what `.atomic` costs per file): these are build
    /// products, made again from the notes if a crash loses them.
    private static func replace(_ url: URL, with data: Data) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try data.writePlainly(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot rename into \(url.path): \(reason)"])
        }
    }
}
