/// Paths between the site's pages, which live in folders as the notes do, so that every link
/// is relative and the site works from any address and from disk.
enum SitePath {
    /// The relative href from the page at `from` to `to` (both from the site's root, `to` with an
    /// optional `#fragment`): `part/a.html` to `b.html#x` is `../b.html#x`.
    static func href(from: String, to: String) -> String {
        let parts = to.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var fromFolders = from.split(separator: "/").dropLast().map(String.init)
        var target = parts[0].split(separator: "/").map(String.init)
        while let first = fromFolders.first, target.count > 1, first == target[0] {
            fromFolders.removeFirst()
            target.removeFirst()
        }
        let path = Array(repeating: "..", count: fromFolders.count) + target
        return path.joined(separator: "/") + (parts.count > 1 ? "#" + parts[1] : "")
    }

    /// The prefix that leads from the page at `page` back to the site's root (`../` per folder).
    static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// `href` percent-encoded as cmark writes destinations: bytes outside the URL-safe set
    /// (spaces, quotes, brackets, backslashes, non-ASCII letters) become `%XX`.
    static func encodedHref(_ href: String) -> String {
        var result = ""
        for byte in href.utf8 {
            if isSafe(byte) {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-_.+!*'(),%#@?=;:/&$~".utf8.contains(byte)
        }
    }
}
