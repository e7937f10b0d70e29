import Foundation

/// Which build of the running tool this is, for cache keys: its executable's path, size and
/// modification time, so that entries made by another build of Derive are never used.
public enum ToolIdentity {
    /// `path size mtime` of the running executable.
    public static let current: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "derive"
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
