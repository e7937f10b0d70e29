import Dispatch
import FlyingFox
import FlyingSocks
import Foundation

/// Why serving ends: SIGINT (Ctrl-C) or SIGTERM, or the server stopping by itself.
enum ServeEnding: Sendable {
    /// A signal asked to stop: `SIGINT` or `SIGTERM`.
    case signaled(String)
    /// The server ended without being asked (it could not listen, say), with its error if it threw.
    case serverEnded((any Error)?)

    /// Returns at the first SIGINT or SIGTERM (which no longer end the process by themselves).
    static func firstSignal() async -> ServeEnding {
        let (signals, continuation) = AsyncStream<ServeEnding>.makeStream()
        let sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)  // delivered to the dispatch source instead
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(.signaled(name)) }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        for await ending in signals { return ending }
        return .signaled("cancelled")
    }

    /// Runs `server` until it stops or the task is cancelled.
    static func serving(_ server: HTTPServer) async -> ServeEnding {
        do {
            try await server.run()
            return .serverEnded(nil)
        } catch {
            return .serverEnded(error)
        }
    }

    /// `127.0.0.1:PORT`, the address `server` listens on (the real port when 0 was asked for).
    static func address(of server: HTTPServer) async -> String {
        switch await server.listeningAddress {
        case .ip4(let host, let port): "\(host):\(port)"
        case .ip6(let host, let port): "[\(host)]:\(port)"
        case .unix(let path): path
        case nil: "127.0.0.1"
        }
    }
}
