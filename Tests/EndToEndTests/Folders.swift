import Foundation

/// A folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    /// The folder.
    let url: URL

    /// A new, empty folder.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("derive-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// `path` inside the folder.
    func callAsFunction(_ path: String) -> URL { url.appendingPathComponent(path) }

    /// Copies the fixture folder `Tests/Fixtures/<fixture>/<folder>` to `folder` here.
    func copy(fixture: String, _ folder: String = "Notes") throws {
        try FileManager.default.copyItem(at: Fixture.folder(fixture).appendingPathComponent(folder), to: self(folder))
    }

    /// Writes `text` to `path` here, creating folders as needed.
    func write(_ text: String, to path: String) throws {
        let file = self(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// The names in the folder itself, sorted (hidden ones included: leftovers would show).
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// The fixtures under `Tests/Fixtures`.
enum Fixture {
    /// `Tests/Fixtures/<name>`.
    static func folder(_ name: String) -> URL {
        DeriveRun.repository.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }
}

/// Every file under a folder with its bytes, by relative path: two equal trees are byte-identical.
struct FolderTree: Equatable {
    /// The files' bytes by path relative to the folder.
    let files: [String: Data]

    /// Reads the whole folder (hidden files included).
    init(_ folder: URL) throws {
        var files: [String: Data] = [:]
        let root = folder.resolvingSymlinksInPath().path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = enumerator?.nextObject() as? URL {
            guard try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = file.resolvingSymlinksInPath().path
            files[path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path] = try Data(contentsOf: file)
        }
        self.files = files
    }

    /// The relative paths, sorted.
    var paths: [String] { files.keys.sorted() }

    /// The paths whose bytes differ, or that only one tree has.
    func differences(from other: FolderTree) -> [String] {
        Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }.sorted()
    }
}
