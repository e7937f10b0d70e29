/// TeX as the notation page compares it: a list of tokens, so that spacing never matters and a
/// symbol is found only where it stands whole.
///
/// A token is a control word (`\delta`: a backslash and letters), a control symbol (`\,`: a
/// backslash and one other character) or one other character; whitespace is dropped, and a group
/// of one token is that token (`\hat{y}` is `\hat y`). A pattern appears in a formula when its
/// tokens occur one after another among the formula's: `\delta` is in `\delta^{[2]}` but not in
/// `\Delta` or `\deltax`, and `m` is in `\frac{1}{m}` but not in `\mathbb`.
struct TeXTokens: Equatable {
    /// The tokens, in order.
    let tokens: [Substring]

    /// The tokens of `tex`.
    init(_ tex: String) {
        var tokens: [Substring] = []
        var index = tex.startIndex
        while index < tex.endIndex {
            let character = tex[index]
            if character.isWhitespace {
                index = tex.index(after: index)
                continue
            }
            var end = tex.index(after: index)
            if character == "\\", end < tex.endIndex {
                if tex[end].isASCII && tex[end].isLetter {
                    while end < tex.endIndex, tex[end].isASCII, tex[end].isLetter { end = tex.index(after: end) }
                } else {
                    end = tex.index(after: end)
                }
            }
            tokens.append(tex[index..<end])
            index = end
        }
        var merged: [Substring] = []
        for token in tokens {
            merged.append(token)
            // `{`, one token, `}` -> that token.
            if token == "}", merged.count >= 3, merged[merged.count - 3] == "{", !["{", "}"].contains(merged[merged.count - 2]) {
                let inner = merged[merged.count - 2]
                merged.removeLast(3)
                merged.append(inner)
            }
        }
        self.tokens = merged
    }

    /// Whether `pattern`'s tokens occur one after another among these.
    func contains(_ pattern: TeXTokens) -> Bool {
        let needle = pattern.tokens
        guard !needle.isEmpty, needle.count <= tokens.count else { return false }
        for start in 0...(tokens.count - needle.count) where tokens[start] == needle[0] {
            if tokens[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
