import Foundation

/// A regular file as it is on disk: inode, modification time and size. A file of the site that
/// still has the stamp recorded when it was written is that file, unchanged, and can be carried over.
enum FileStamp {
    /// The stamp of the regular file at `url`; nil for anything else.
    static func of(_ url: URL) -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_size)"
    }
}
