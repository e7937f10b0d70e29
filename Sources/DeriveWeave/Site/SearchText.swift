import DeriveCore

/// The text search indexes of prose and formulas: the text a reader sees, each formula as the
/// words of its TeX. lunr makes one term of each run of TeX between spaces (`delta^{[2]}_j`),
/// which no query can match; the words of a formula are what a reader searches for: the names of
/// its commands and its other runs of two letters or more (`\delta^{[2]}_j` -> `delta`,
/// `\operatorname{ReLU}(z)` -> `ReLU`), each once, without the commands that only lay a formula
/// out (`\frac`, `\left`, `\begin{aligned}`), which would make every formula match `left` or `end`.
enum SearchText {
    /// `inlines` as search reads them.
    static func of(_ inlines: [Inline]) -> String {
        inlines.plainText { words(ofTeX: $0.tex) }
    }

    /// The words of a formula, each once, in the order they first occur, separated by spaces.
    static func words(ofTeX tex: String) -> String {
        var words: [Substring] = []
        var seen = Set<Substring>()
        var start: String.Index?
        func endWord(at end: String.Index) {
            guard let from = start else { return }
            start = nil
            let word = Substring(tex.unicodeScalars[from..<end])
            guard word.unicodeScalars.count > 1, !layout.contains(word), seen.insert(word).inserted else { return }
            words.append(word)
        }
        // Scalar by scalar: a formula's letters need no grapheme breaking, and an ASCII one no
        // look-up of Unicode's properties (which cost more than all the rest of the search text).
        let scalars = tex.unicodeScalars
        for index in scalars.indices {
            if Self.isLetter(scalars[index]) {
                if start == nil { start = index }
            } else {
                endWord(at: index)
            }
        }
        endWord(at: scalars.endIndex)
        return words.joined(separator: " ")
    }

    /// Whether `scalar` is a letter: ASCII's by their codes, the others by Unicode's properties.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    /// Commands and environments that lay a formula out rather than name what is in it.
    private static let layout: Set<Substring> = [
        "begin", "end", "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
        "frac", "dfrac", "tfrac", "displaystyle", "textstyle", "limits", "quad", "qquad", "text", "textrm", "textbf",
        "mathrm", "mathbf", "mathit", "mathsf", "mathcal", "mathbb", "boldsymbol", "operatorname",
        "aligned", "align", "gathered", "cases", "array", "matrix", "bmatrix", "pmatrix", "vmatrix",
        "cdots", "ldots", "vdots", "ddots", "hline",
    ]
}
