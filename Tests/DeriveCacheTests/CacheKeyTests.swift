import DeriveCache
import Testing

@Suite("CacheKey: SHA-256 of length-prefixed parts")
struct CacheKeyTests {
    @Test func theKeyIsTheSHA256OfEachPartAfterItsLength() {
        // sha256(UInt64(3) little-endian ++ "abc"), as Python's hashlib computes it.
        #expect(CacheKey("abc").hex == "ce91dc5eec0139adf091900d225971d6ad246a845bad791b5693a9d0d55dd391")
        #expect(CacheKey("ab", "c") != CacheKey("a", "bc"))
    }
}
