import Crypto
import Foundation

/// The key of a cache entry: the SHA-256 of everything the entry depends on, as 64 hex digits.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// The 64 lowercase hex digits.
    public let hex: String

    /// The key of `parts`, each length-prefixed so that no two lists of parts share a key.
    public init(_ parts: [any DataProtocol]) {
        var hasher = SHA256()
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
        let digits = Array("0123456789abcdef".utf8)
        hex = String(decoding: hasher.finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// The key of `parts`, as UTF-8.
    public init(_ parts: String...) {
        self.init(parts.map { Data($0.utf8) })
    }

    /// The hex digits.
    public var description: String { hex }
}
