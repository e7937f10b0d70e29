/// Decides which link and image destinations from a note may reach the page.
///
/// Browsers ignore ASCII whitespace and control characters inside a scheme and compare schemes
/// without case, so `JaVa\tScRiPt:` is `javascript:`; the policy reads a destination the same way.
enum LinkPolicy {
    /// Schemes that run code or smuggle documents; `data:` is allowed for images only.
    private static let scriptSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// Whether `destination` may be written as a link (`href`) or, with `isImage`, an image source.
    static func allows(_ destination: String, isImage: Bool) -> Bool {
        guard let scheme = scheme(of: destination) else { return true }
        guard scriptSchemes.contains(scheme) else { return true }
        return isImage && scheme == "data" && normalized(destination).hasPrefix("data:image/")
    }

    /// The destination's scheme, lowercased, if it has one (`https`, `javascript`).
    private static func scheme(of destination: String) -> String? {
        let text = normalized(destination)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// The destination lowercased, without the whitespace and control characters browsers skip.
    private static func normalized(_ destination: String) -> String {
        String(String.UnicodeScalarView(destination.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
            .lowercased()
    }
}
