import FlyingSocks
import Foundation

/// Why `derive serve` could not start or keep serving, in words for the person at the terminal.
struct ServeError: Error, CustomStringConvertible {
    /// The port asked for.
    let port: UInt16
    /// What the server threw, if anything.
    let error: (any Error)?

    /// The message printed after `Error:`.
    var description: String {
        switch error {
        case SocketError.failed(let call, let code, _)? where call == "Bind" && code == EADDRINUSE:
            "port \(port) on 127.0.0.1 is already in use; stop the other server or choose another port with --port N"
        case SocketError.failed(let call, _, let message)?:
            "cannot serve on 127.0.0.1:\(port): \(call) failed: \(message)"
        case let error?:
            "the server stopped: \(error)"
        case nil:
            "the server stopped unexpectedly"
        }
    }
}
