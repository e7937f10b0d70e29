/// A reason the weave could not go on that is not about any one note (tools, files, templates).
public enum WeaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The shipped templates, stylesheet or math script are missing or malformed.
    case resourceMissing(String)
    /// The KaTeX process could not start or stopped answering; carries what it said.
    case mathRendererFailed(String)
    /// node and lunr could not build the search index; carries what they said.
    case searchIndexFailed(String)
    /// A file of the site could not be read or written.
    case fileSystem(String)

    /// A sentence for the command line.
    public var description: String {
        switch self {
        case .resourceMissing(let what): "DeriveWeave resource missing or invalid: \(what)"
        case .mathRendererFailed(let why): "the KaTeX renderer failed: \(why)"
        case .searchIndexFailed(let why): "the search index could not be built: \(why)"
        case .fileSystem(let why): "writing the site failed: \(why)"
        }
    }
}
