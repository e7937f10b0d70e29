import Foundation

/// A `node` process started with its standard input, output and error on pipes: how the weave
/// runs KaTeX and lunr.
struct NodeProcess {
    let process: Process
    /// Its standard input, output and error.
    let input: FileHandle, output: FileHandle, errors: FileHandle

    /// Starts `node` with `arguments` (and `environment`, else derive's); a failure to start
    /// throws what `failure` makes of the error.
    init(node: URL, arguments: [String], environment: [String: String]? = nil, failure: (String) -> WeaveError) throws {
        // A write to a node that has died must fail as an error, not kill the build with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        process = Process()
        process.executableURL = node
        process.arguments = arguments
        if let environment { process.environment = environment }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw failure("could not start \(node.path): \(error)")
        }
        self.input = input.fileHandleForWriting
        self.output = output.fileHandleForReading
        self.errors = errors.fileHandleForReading
    }
}
