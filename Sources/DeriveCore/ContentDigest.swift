/// A short, stable digest of a note's bytes for the site's footer: 64-bit FNV-1a in hex.
///
/// It identifies which version of a note a page was built from; it is not a security measure.
public enum ContentDigest {
    /// The digest of `bytes` as 16 lowercase hex digits.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        // Over contiguous storage when the bytes have it: the generic iterator costs 20x more.
        let hash = bytes.withContiguousStorageIfAvailable(fnv1a) ?? Array(bytes).withUnsafeBufferPointer(fnv1a)
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
