#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A minimal HTTP/1.1 client over a raw loopback socket: it sends the request target byte for byte
/// (URLSession would normalise `/../` away before the server ever saw it), with a bounded wait.
struct HTTPProbe {
    /// A parsed response.
    struct Response {
        /// The status code.
        var status: Int
        /// The headers, by lower-cased name.
        var headers: [String: String]
        /// The body.
        var body: Data
        /// The body as UTF-8 text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The port on 127.0.0.1.
    let port: UInt16

    /// `GET target` (sent as is), waiting at most `timeout` for the whole response.
    func get(_ target: String, timeout: Duration = .seconds(5)) async throws -> Response {
        let port = port
        return try await Task.detached { try Self.exchange(target: target, port: port, timeout: timeout) }.value
    }

    private static func exchange(target: String, port: UInt16, timeout: Duration) throws -> Response {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw TestFailure("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        let seconds = timeout.components.seconds
        var limit = timeval(tv_sec: Int(seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw TestFailure("cannot connect to 127.0.0.1:\(port): errno \(errno)") }

        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard send(descriptor, request, request.count, 0) == request.count else { throw TestFailure("send failed") }

        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // Not a poll: recv blocks until bytes arrive (SO_RCVTIMEO bounds each wait); the loop only
        // gathers a response that comes in several pieces, until the whole body is there.
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
                if let response = parse(received), response.body.count >= Int(response.headers["content-length"] ?? "") ?? .max {
                    return response
                }
            } else if count == 0 {
                break
            } else if errno != EINTR {
                break
            }
        }
        guard let response = parse(received) else { throw TestFailure("no HTTP response for \(target) within \(timeout)") }
        return response
    }

    private static func parse(_ data: Data) -> Response? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1])
        else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}
