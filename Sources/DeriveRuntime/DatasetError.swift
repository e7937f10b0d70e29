/// Why a data set could not be loaded; its description names the file and what to do.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist; `remedy` says how to get it, when the runtime knows.
    case missingFile(path: String, remedy: String?)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file was read but is not what it should be.
    case malformed(path: String, reason: String)

    /// One sentence naming the file and the problem.
    public var description: String {
        switch self {
        case .missingFile(let path, let remedy):
            return "\(path) does not exist" + (remedy.map { "; \($0)" } ?? "")
        case .unreadable(let path, let reason):
            return "\(path) cannot be read: \(reason)"
        case .malformed(let path, let reason):
            return "\(path) is not a valid IDX file: \(reason)"
        }
    }
}
