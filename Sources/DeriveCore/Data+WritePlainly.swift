import Foundation

extension Data {
    /// Writes the bytes to `url` (created or truncated) with plain POSIX calls: no temporary file
    /// and no fsync, which Foundation's `write(to:)` spends on every file. For build products
    /// inside a folder that is itself swapped or renamed into place.
    public func writePlainly(to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure("cannot create", url) }
        defer { close(descriptor) }
        try withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw Self.failure("cannot write", url) }
                offset += written
            }
        }
    }

    private static func failure(_ what: String, _ url: URL) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(what) \(url.path): \(String(cString: strerror(errno)))"])
    }
}
