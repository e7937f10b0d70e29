import Foundation

/// Every regular file under a folder, by relative path, with its bytes: two trees are equal when
/// they hold the same files with the same content.
public struct FileSnapshot: Equatable, Sendable, CustomStringConvertible {
    /// Each file's bytes, by path relative to the folder.
    public var files: [String: Data]

    /// Reads the tree under `folder`, leaving out paths for which `excluding` is true.
    public init(_ folder: URL, excluding: (String) -> Bool = { _ in false }) throws {
        files = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let walk = FileManager.default.enumerator(atPath: base) else { return }
        while let relative = walk.nextObject() as? String {
            guard !excluding(relative) else { continue }
            let path = base + "/" + relative
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
    }

    /// The files that differ from `other`'s, for a failure message.
    public func differences(from other: FileSnapshot) -> [String] {
        Set(files.keys).union(other.files.keys).sorted().filter { files[$0] != other.files[$0] }
    }

    /// The paths, sorted.
    public var description: String { files.keys.sorted().joined(separator: "\n") }
}
