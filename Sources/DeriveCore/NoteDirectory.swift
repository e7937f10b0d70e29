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

        /// The file at `url`, `relativePath` below its folder.
        public init(url: URL, relativePath: String) {
            self.url = url
            self.relativePath = relativePath
        }
    }

    /// The notes, ordered by relative path (so by file name within a folder).
    public func notes() throws -> [File] { try files().filter { $0.relativePath.hasSuffix(".md") } }

    /// Every other file (images, data), ordered by relative path.
    public func otherFiles() throws -> [File] { try files().filter { !$0.relativePath.hasSuffix(".md") } }

    /// The path a location uses for `file` (`Notes/01-intro.md`).
    public func displayPath(of file: File) -> String {
        displayPath.isEmpty || displayPath == "." ? file.relativePath : "\(displayPath)/\(file.relativePath)"
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
        return found.sorted { $0.relativePath < $1.relativePath }
    }
}
