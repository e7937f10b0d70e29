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

    /// What the folder holds: its notes, its other files, and the links it refuses to follow.
    public struct Contents: Hashable, Sendable {
        /// The notes (`.md`) in reading order: by folder, a folder's `index.md` first, then by name.
        public var notes: [File] = []
        /// Every other file (images, data), ordered by relative path.
        public var otherFiles: [File] = []
        /// The symbolic links refused, each an error at its path (see `contents(within:)`).
        public var refusedLinks: [RefusedLink] = []
    }

    /// A symbolic link in the folder that is not followed: why, and where it is.
    public struct RefusedLink: Hashable, Sendable {
        /// The link's path below the folder, `/`-separated.
        public var relativePath: String
        /// Why it is refused, as a diagnostic says it.
        public var reason: String

        /// The link at `relativePath`, refused for `reason`.
        public init(relativePath: String, reason: String) {
            self.relativePath = relativePath
            self.reason = reason
        }
    }

    /// The notes, the other files and the refused links below the folder, hidden files and
    /// folders left out.
    ///
    /// A symbolic link is followed only when its target exists and lies inside `boundary` (the
    /// course's folder) or inside this folder: a link out of the course (`leak.txt -> /etc/passwd`,
    /// `keys -> ~/.ssh`) or a dangling one is refused, never read, so nothing outside the course
    /// reaches the site or the module. A folder reached twice through links is listed once.
    public func contents(within boundary: URL? = nil) throws -> Contents {
        let root = url.resolvingSymlinksInPath().standardizedFileURL
        let allowed = [root.path] + [boundary?.resolvingSymlinksInPath().standardizedFileURL.path].compactMap { $0 }
        func isAllowed(_ path: String) -> Bool { allowed.contains { path == $0 || path.hasPrefix($0 == "/" ? "/" : $0 + "/") } }

        var contents = Contents()
        var visited: Set<String> = [root.path]
        // One `lstat` an entry (and a `stat` and `realpath` a link), not Foundation's URL
        // resource values, which stat a file again for each question asked of it.
        func walk(_ folder: String, _ prefix: String) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
            for name in names.sorted() {
                let relative = prefix + name
                let path = folder == "/" ? "/" + name : folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                var target = path
                if info.st_mode & S_IFMT == S_IFLNK {
                    let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                    guard let resolved = Self.realPath(path), stat(resolved, &info) == 0 else {
                        contents.refusedLinks.append(RefusedLink(
                            relativePath: relative, reason: "a symbolic link to '\(destination)', which does not exist: not followed"))
                        continue
                    }
                    guard isAllowed(resolved) else {
                        contents.refusedLinks.append(RefusedLink(
                            relativePath: relative,
                            reason: "a symbolic link to '\(destination)', outside the course: not followed (Derive reads nothing from outside the course)"))
                        continue
                    }
                    target = resolved
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    // A folder reached as itself has the real path of its parent, which `root` is.
                    if visited.insert(target).inserted { try walk(target, relative + "/") }
                case S_IFREG:
                    let file = File(url: URL(fileURLWithPath: path, isDirectory: false), relativePath: relative)
                    if relative.hasSuffix(".md") { contents.notes.append(file) } else { contents.otherFiles.append(file) }
                default:
                    continue
                }
            }
        }
        try walk(root.path, "")
        contents.notes.sort { Self.readingOrder($0.relativePath, $1.relativePath) }
        contents.otherFiles.sort { $0.relativePath < $1.relativePath }
        return contents
    }

    /// The canonical path of `path`, every link resolved; nil when it leads nowhere.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path a location uses for `file` (`Notes/01-intro.md`).
    public func displayPath(of file: File) -> String {
        if let path = file.displayPath { return path }
        return displayPath.isEmpty || displayPath == "." ? file.relativePath : "\(displayPath)/\(file.relativePath)"
    }

    /// The path a location uses for `relativePath` below the folder.
    public func displayPath(ofRelativePath relativePath: String) -> String {
        displayPath(of: File(url: url, relativePath: relativePath))
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
