import Foundation

/// Moves one note's rendered HTML into the whole-course page (`print.html`, at the site's root):
/// every `id` gets the note's prefix (`n02-eq-loss`), so ids stay unique across notes; a link
/// inside the note (`#eq-loss`) or to another note's page (`02-b.html#eq-loss`, `02-b.html`)
/// becomes the anchor of its target on the whole-course page (`#n02-eq-loss`, `#n02`), so the
/// links work in print and in the PDF; any other relative address (an image, the index) is
/// rebased from the note's folder to the site's root.
///
/// It reads only the `id`, `href` and `src` attributes the weave writes (`␠name="value"`, the
/// value HTML-escaped, so a quote never occurs inside it); text and code never match, since
/// their quotes are escaped.
struct PrintAnchors {
    /// The anchor prefix of each note's section, keyed by the note's page path (`02-b.html`).
    let prefixes: [String: String]

    /// The anchors of notes whose pages are `pages` (in reading order): `n00`, `n01`, ...
    /// (three digits from a thousand notes on).
    init(pages: [String]) {
        let width = max(2, String(max(pages.count - 1, 0)).count)
        var prefixes: [String: String] = [:]
        for (position, page) in pages.enumerated() {
            let digits = String(position)
            prefixes[page] = "n" + String(repeating: "0", count: width - digits.count) + digits
        }
        self.prefixes = prefixes
    }

    /// `html`, rendered for the page at `page`, with its ids prefixed and its links moved to the
    /// whole-course page.
    func rewrite(_ html: String, page: String) -> String {
        String(decoding: rewrite(Data(html.utf8), page: page), as: UTF8.self)
    }

    /// `html`'s UTF-8 bytes, rendered for the page at `page`, with its ids prefixed and its links
    /// moved to the whole-course page.
    ///
    /// Every attribute moved ends in a quote, so only the quotes are looked at (`memchr`): each
    /// one preceded by a name and a space opens a value, and the text between moved values is
    /// copied a run at a time. (A whole course's `print.html` is hundreds of megabytes.)
    func rewrite(_ html: Data, page: String) -> Data {
        guard let prefix = prefixes[page] else { return html }
        return html.withUnsafeBytes { raw -> Data in
            let bytes = raw.bindMemory(to: UInt8.self)
            var result = Data(capacity: bytes.count + bytes.count / 50)
            var copied = 0  // the bytes before this are in `result`
            var searched = 0  // where the next quote is looked for
            while let open = Self.quote(in: bytes, from: searched) {
                guard let name = Self.name(before: open, in: bytes, notBefore: copied) else {
                    searched = open + 1
                    continue
                }
                guard let close = Self.quote(in: bytes, from: open + 1) else { break }
                result.append(UnsafeBufferPointer(rebasing: bytes[copied...open]))
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
                let moved = name == Self.names[0] ? prefix + "-" + value : address(value, page: page, prefix: prefix)
                result.append(contentsOf: moved.utf8)
                copied = close
                searched = close + 1
            }
            result.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
            return result
        }
    }

    /// The attributes moved, each as it stands before its value's opening quote: `id=` first.
    private static let names = ["id=", "href=", "src="].map { Array($0.utf8) }

    /// The byte before the `=` of each name in `names`: a quote after any other (`class="`,
    /// `style="`, a value's closing quote) is passed over without comparing names.
    private static let lastLetters = names.map { $0[$0.count - 2] }

    /// The bytes that may stand before an attribute's name: space, newline, tab.
    private static let spaces: [UInt8] = [0x20, 0x0A, 0x09]

    /// The position of the first quote in `bytes` at or after `start`, nil when there is none.
    private static func quote(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(UInt8(ascii: "\"")), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The attribute name (one of `names`) that stands, after a space, tab or newline at or after
    /// `floor`, right before the quote at `quote` in `bytes`; nil when there is none.
    private static func name(before quote: Int, in bytes: UnsafeBufferPointer<UInt8>, notBefore floor: Int) -> [UInt8]? {
        guard quote >= 2, bytes[quote - 1] == UInt8(ascii: "="), lastLetters.contains(bytes[quote - 2]) else { return nil }
        return names.first { name in
            let space = quote - name.count - 1
            guard space >= floor, spaces.contains(bytes[space]) else { return false }
            return bytes[(space + 1)..<quote].elementsEqual(name)
        }
    }

    /// Where `value` (an `href` or `src`, HTML-escaped, from the page at `page`) leads from the
    /// whole-course page.
    private func address(_ value: String, page: String, prefix: String) -> String {
        if value.hasPrefix("#") { return "#" + prefix + "-" + value.dropFirst() }
        guard !value.isEmpty, !value.hasPrefix("/"), !Self.hasScheme(value) else { return value }
        let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = Self.resolved(String(parts[0]), from: page)
        let decoded = target.replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding ?? target
        if let other = prefixes[decoded] {
            return "#" + other + (parts.count > 1 && !parts[1].isEmpty ? "-" + parts[1] : "")
        }
        return target + (parts.count > 1 ? "#" + parts[1] : "")
    }

    /// `path`, relative to the folder of the page at `page`, as a path from the site's root.
    private static func resolved(_ path: String, from page: String) -> String {
        var components = page.split(separator: "/").dropLast().map(String.init)
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    /// Whether `value` starts with a URL scheme (`https:`, `mailto:`).
    private static func hasScheme(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":") else { return false }
        let scheme = value[..<colon]
        return scheme.first?.isLetter == true && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}
