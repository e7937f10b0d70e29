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
    func rewrite(_ html: Data, page: String) -> Data {
        guard let prefix = prefixes[page] else { return html }
        let bytes = [UInt8](html)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 50)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            result.append(byte)
            index += 1
            guard byte == 0x20 || byte == 0x0A || byte == 0x09,
                  let name = Self.names.first(where: { bytes[index...].starts(with: $0) }),
                  let close = bytes[(index + name.count)...].firstIndex(of: UInt8(ascii: "\""))
            else { continue }
            let value = String(decoding: bytes[(index + name.count)..<close], as: UTF8.self)
            let moved = name == Self.names[0] ? prefix + "-" + value : address(value, page: page, prefix: prefix)
            result += name
            result += Array(moved.utf8)
            result.append(UInt8(ascii: "\""))
            index = close + 1
        }
        return Data(result)
    }

    /// The attributes moved, as they start: `id="` first.
    private static let names = ["id=\"", "href=\"", "src=\""].map { Array($0.utf8) }

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
