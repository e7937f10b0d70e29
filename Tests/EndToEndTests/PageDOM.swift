import Foundation

/// What the browser tests read from a page's serialised DOM: ids, links, classes and prose text.
///
/// Chromium serialises the DOM canonically (attributes in double quotes, `&` as `&amp;`), so
/// patterns over the text are exact enough here; no HTML parser is needed. Everything is read
/// once, with Foundation's regular expressions (much faster than Swift Regex in a debug build).
struct PageDOM: Sendable {
    /// Every `id` in the page.
    let ids: Set<String>
    /// Every `href` of an `<a>` element, unescaped.
    let links: [String]
    /// Every class name used in the page.
    let classes: Set<String>
    /// The text a reader sees outside code and math source: tags, scripts, styles, code and
    /// KaTeX's TeX annotations removed.
    let proseText: String

    /// Reads `html`.
    init(html: String) {
        ids = Set(Self.captures(#"\sid="([^"]*)""#, in: html).map(Self.unescape))
        links = Self.captures(#"<a\s[^>]*?href="([^"]*)""#, in: html).map(Self.unescape)
        classes = Set(Self.captures(#"\sclass="([^"]*)""#, in: html).flatMap { $0.split(separator: " ").map(String.init) })
        var text = html
        for element in ["script", "style", "annotation", "code", "pre"] {
            text = Self.replace("<\(element)\\b[^>]*>.*?</\(element)>", in: text, options: .dotMatchesLineSeparators)
        }
        proseText = Self.unescape(Self.replace("<[^>]*>", in: text))
    }

    /// Whether some element has the class `name`.
    func hasClass(_ name: String) -> Bool { classes.contains(name) }

    private static func captures(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let string = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).map { string.substring(with: $0.range(at: 1)) }
    }

    private static func replace(_ pattern: String, in text: String, options: NSRegularExpression.Options = []) -> String {
        let regex = try! NSRegularExpression(pattern: pattern, options: options)
        return regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: " ")
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
