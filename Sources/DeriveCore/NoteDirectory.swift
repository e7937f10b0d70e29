import Foundation

/// A folder of notes: the `.md` files in it and below it, and the other files the site copies.
public struct NoteDirectory: Codable, Hashable, Sendable {
    /// The folder.
    public var url: URL
    /// How locations name the folder (`Notes`, or the path the user gave).
    public var displayPath: String

    /// The folder at `url`, named `displayPath` in locations.
    public init(url: URL, displayPath: String) {
        self.url = url.standardizedFileURL
        self.displayPath = displayPath.hasSuffix("/") ? String(displayPath.dropLast()) : displayPath
    }

    /// A file of the folder: where it is, and its path relative to the folder.
    public struct File: Codable, Hashable, Sendable {
        /// Where the file is.
        public var url: URL
        /// Its path below the folder, `/`-separated (`images/net.svg`).
        public var relativePath: String
        /// How diagnostics name it, when not the folder's display path and its relative path.
        public var displayPath: String?

        /// The file at `url`, `relativePath` below its folder, named `displayPath` if given.
        public init(url: URL, relativePath: String, displayPath: String? = nil) {
            self.url = url
            self.relativePath = relativePath
            self.displayPath = displayPath
        }
    }

    /// The notes in reading order: by folder, a folder's `index.md` first, then by name.
    public func notes() throws -> [File] { try files().filter { $0.relativePath.hasSuffix(".md") } }

    /// Every other file (images, data), ordered by relative path.
    public func otherFiles() throws -> [File] { try files().filter { !$0.relativePath.hasSuffix(".md") } }

    /// The path a location uses for `file` (`Notes/01-intro.md`).
    public func displayPath(of file: File) -> String {
        if let path = file.displayPath { return path }
        return displayPath.isEmpty || displayPath == "." ? file.relativePath : "\(displayPath)/\(file.relativePath)"
    }

    /// Every regular file below the folder, hidden files and folders left out, ordered.
    private func files() throws -> [File] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
        guard let enumerator = FileManager.default.enumerator(
            at: url.resolvingSymlinksInPath(), includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        var found: [File] = []
        let base = url.resolvingSymlinksInPath().path
        for case let file as URL in enumerator {
            guard (try file.resourceValues(forKeys: Set(keys))).isRegularFile == true else { continue }
            let full = file.resolvingSymlinksInPath().path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : file.lastPathComponent
            found.append(File(url: file, relativePath: relative))
        }
        return found.sorted { Self.readingOrder($0.relativePath, $1.relativePath) }
    }

    /// Whether `a` comes before `b` in reading order: path component by component, with
    /// `index.md` before everything else in its folder.
    public static func readingOrder(_ a: String, _ b: String) -> Bool {
        let left = a.split(separator: "/"), right = b.split(separator: "/")
        for (x, y) in zip(left, right) where x != y {
            if x == "index.md" && left.last == x { return true }
            if y == "index.md" && right.last == y { return false }
            return x < y
        }
        return left.count < right.count
    }
}
