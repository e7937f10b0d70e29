/// Why the check could not run at all (as opposed to a note failing it).
public enum CheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No Derive package where one was expected.
    case noDerivePackage(String)
    /// A tool (`swift`) could not be started.
    case toolFailed(String)

    /// A sentence for the diagnostic.
    public var description: String {
        switch self {
        case .noDerivePackage(let path): "no Derive package (Package.swift) at \(path) to compile the notes with"
        case .toolFailed(let why): "could not run swift: \(why)"
        }
    }
}
