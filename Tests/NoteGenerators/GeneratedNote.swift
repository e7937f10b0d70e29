import PropertyBased

/// A note made of generated pieces (prose with inline math and `$` edge cases, headings,
/// display math, swift blocks with roles, chunks and `<<refs>>`, links), with what the parser
/// must make of it: every formula's TeX, and the text of each paragraph outside its math.
public struct GeneratedNote: Sendable, CustomStringConvertible {
    /// What a paragraph reads as: runs of text and formulas, in order.
    public enum Segment: Hashable, Sendable {
        /// Text outside math, as the reader sees it (`\$` is `$`).
        case text(String)
        /// An inline formula's TeX.
        case math(String)
        /// A code span's content.
        case code(String)
    }

    /// The note's Markdown.
    public var text: String
    /// The TeX of each inline formula (in paragraphs and headings), in document order, as the
    /// note writes it: a paragraph's formula may be broken across two of its lines.
    public var inlineMath: [String] = []
    /// Each inline formula as KaTeX is asked for it: on one line. (No formula broken across lines
    /// holds a `%`, whose comment would run to the line's end and keep the break.)
    public var inlineMathOnOneLine: [String] { inlineMath.map { $0.replacingOccurrences(of: "\n", with: " ") } }
    /// The TeX of each display formula, in document order.
    public var displayMath: [String] = []
    /// For each paragraph, in order, what it must read as; nil for one whose text is not checked
    /// (links).
    public var paragraphs: [[Segment]?] = []

    /// The note itself, as a failing case shows it.
    public var description: String { text }

    /// A note of pieces, each chosen by one number (so that shrinking drops pieces).
    public static let generator = Gen.int(in: 0...Int(UInt32.max)).array(of: 1...24).map { GeneratedNote(choices: $0) }
    /// Notes whose every formula KaTeX renders (no `&`, `#`, `%` or `$` in TeX), for the weave.
    public static let renderableGenerator = Gen.int(in: 0...Int(UInt32.max)).array(of: 1...16)
        .map { GeneratedNote(choices: $0, renderable: true) }

    /// Whether every formula is one KaTeX renders.
    private let renderable: Bool

    /// The note for `choices`, one piece each.
    public init(choices: [Int], renderable: Bool = false) {
        self.renderable = renderable
        text = "# Generated\n\n"
        for choice in choices {
            var random = Choice(choice)
            switch random.next(8) {
            case 0: addParagraph(&random)
            case 1: addDollarCase(&random)
            case 2: addHeading(&random)
            case 3: addDisplay(&random)
            case 4: addCode(&random)
            case 5: addChunk(&random)
            case 6: addLinks(&random)
            default: addParagraph(&random)
            }
        }
    }

    private static let words = ["the", "gradient", "of", "loss", "Layer", "delta", "is", "weights", "x1", "b2", "ReLU", "and"]
    private static let texAtoms = [
        "x", "a_{i}", "b^{2}", "\\alpha", "\\frac{1}{n}", "*", "_", "\\\\", "\\{", "\\}", "<", ">", "&", "&lt;",
        "[", "]", "|", "!", "~", "#", "%", "`", "<script>", "\\sum_{j=1}^{n}", "w^{[l]}", "{$}", "\\partial", "'",
    ]

    private static let renderableAtoms = [
        "x", "a_{i}", "b^{2}", "\\alpha", "\\frac{1}{n}", "*", "\\{", "\\}", "<", ">", "[", "]", "|", "!",
        "<script>", "\\sum_{j=1}^{n}", "w^{[l]}", "\\partial",
    ]

    private func tex(_ random: inout Choice) -> String {
        let first = ["x", "W", "\\delta", "a_{1}", "\\sigma"][random.next(5)]
        let alphabet = renderable ? Self.renderableAtoms : Self.texAtoms
        let atoms = (0..<random.next(5)).map { _ in alphabet[random.next(alphabet.count)] }
        // Atoms run together too (`x*y`), except where a command would swallow the next letter.
        let separator = renderable || random.next(2) == 0 ? " " : ""
        return ([first] + atoms + ["y"]).joined(separator: separator)
    }

    /// Words and inline formulas on one line, a formula now and then broken across two, as
    /// wrapped prose breaks them: checks math protection both ways.
    private mutating func addParagraph(_ random: inout Choice) {
        var line = Self.words[random.next(Self.words.count)].capitalized
        var segments: [Segment] = [.text(line)]
        for _ in 0..<(1 + random.next(6)) {
            if random.next(2) == 0 {
                var formula = tex(&random)
                if random.next(4) == 0, formula.hasSuffix(" y"), !formula.contains("%") {
                    formula = formula.dropLast(2) + "\ny"
                }
                line += " $\(formula)$"
                segments += [.text(" "), .math(formula)]
                inlineMath.append(formula)
            } else {
                let word = random.next(6) == 0 ? "\\$5" : Self.words[random.next(Self.words.count)]
                line += " " + word
                segments.append(.text(" " + word.replacingOccurrences(of: "\\$", with: "$")))
            }
        }
        line += "."
        segments.append(.text("."))
        text += line + "\n\n"
        paragraphs.append(segments)
    }

    /// A paragraph of `$` signs that are not math (or one formula with a `$` in braces), alone, so
    /// that nothing around it can close them.
    private mutating func addDollarCase(_ random: inout Choice) {
        let cases: [(String, [Segment], [String])] = [
            ("A price of $5 and $6 today.", [.text("A price of $5 and $6 today.")], []),
            ("Costs \\$5, not \\$6.", [.text("Costs $5, not $6.")], []),
            ("A lone $ sign.", [.text("A lone $ sign.")], []),
            ("Ends with $", [.text("Ends with $")], []),
            ("Digits $1$2 stay.", [.text("Digits $1$2 stay.")], []),
            ("Spaces $ a $ stay.", [.text("Spaces $ a $ stay.")], []),
            ("Braces $a{$}b$ close once.", [.text("Braces "), .math("a{$}b"), .text(" close once.")], ["a{$}b"]),
            ("Code `$x$` is not math.", [.text("Code "), .code("$x$"), .text(" is not math.")], []),
        ]
        let (line, segments, math) = cases[random.next(renderable ? cases.count - 2 : cases.count)]
        text += line + "\n\n"
        paragraphs.append(segments)
        inlineMath += math
    }

    private mutating func addHeading(_ random: inout Choice) {
        let formula = tex(&random)
        text += "## \(Self.words[random.next(Self.words.count)].capitalized) $\(formula)$ case\n\n"
        inlineMath.append(formula)
    }

    private mutating func addDisplay(_ random: inout Choice) {
        let lines = (0..<(1 + random.next(3))).map { _ in tex(&random) }
        text += "$$\n" + lines.joined(separator: "\n") + "\n$$\n\n"
        displayMath.append(lines.joined(separator: "\n"))
    }

    private static let codeLines = [
        "let value = 1", "// $x$ in code is not math, nor <script>alert(1)</script>", "var total = 0.0",
        "func f() -> Int { 2 }", "    let indented = \"$a$\"", "", "print(\"<<not a reference>> here\")",
    ]

    /// A swift block with a role, compiled where it stands, with code lines and chunk references
    /// (none in a renderable note, where an undefined chunk would stop the weave).
    private mutating func addCode(_ random: inout Choice) {
        let role = ["", " forward", " loss", " delta", " gradient", " update", " test", " ignore"][random.next(8)]
        var lines: [String] = []
        for _ in 0..<(1 + random.next(5)) {
            if random.next(3) == 0 && !renderable {
                lines.append(String(repeating: " ", count: 4 * random.next(2)) + "<<c\(random.next(6))>>")
            } else {
                lines.append(Self.codeLines[random.next(Self.codeLines.count)])
            }
        }
        text += "```swift\(role)\n" + lines.joined(separator: "\n") + "\n```\n\n"
    }

    /// A chunk definition `#cN`, which may use other chunks (so cycles and undefined chunks occur).
    private mutating func addChunk(_ random: inout Choice) {
        guard !renderable else { return addParagraph(&random) }
        let name = "c\(random.next(6))"
        var lines = ["let \(name)v\(random.next(100)) = \(random.next(10))"]
        for _ in 0..<random.next(3) { lines.append("<<c\(random.next(6))>>") }
        text += "```swift #\(name)\n" + lines.joined(separator: "\n") + "\n```\n\n"
    }

    /// Links, one with `$` in its destination (never math), one relative, one an anchor.
    private mutating func addLinks(_ random: inout Choice) {
        let destinations = ["https://example.com/$a$b", "https://example.com/page", "#generated", "mailto:a@example.com"]
        let destination = destinations[random.next(destinations.count)]
        let formula = tex(&random)
        text += "See [the $\(formula)$ page](\(destination)) and <https://example.com/$x$>.\n\n"
        inlineMath.append(formula)
        paragraphs.append(nil)
    }
}

/// The choices one generated number makes, drawn in turn (a small linear congruential generator,
/// so that a number always makes the same piece).
struct Choice {
    private var state: UInt64

    init(_ seed: Int) { state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 | 1 }

    /// A number in `0..<count`.
    mutating func next(_ count: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(count))
    }
}

/// Valid UTF-8 that leans on what Markdown and math treat specially: each number is a piece of
/// syntax (`$`, `$$`, fences, `<<`, `>`, `#`, `---`, brackets, backslashes, newlines) or any
/// Unicode scalar.
public enum HostileText {
    private static let pieces = [
        "$", "$$", "\\$", "\n", "\n\n", "```swift\n", "```\n", "~~~", "<<", ">>", "<<c>>\n", "> ", "# ", "---\n", "{", "}",
        "\\", "`", "*", "_", "[", "](", ")", "<", ">", "&", "|", " ", "    ", "\t", "{#eq-a}", "@eq-a", "[^1]", "[^1]: ",
        "#c ", "test", "implements=", "<script>", "\r\n", "\u{0}", "\u{FEFF}", "é", "😀", "\u{301}",
    ]

    /// Strings of up to 200 pieces.
    public static let generator = Gen.int(in: 0...0x10FFFF).array(of: 0...200).map { text(choices: $0) }

    /// The text for `choices`: a piece for most numbers, the scalar itself for the rest.
    public static func text(choices: [Int]) -> String {
        var text = ""
        for choice in choices {
            if choice % 4 != 0 {
                text += pieces[choice % pieces.count]
            } else if let scalar = Unicode.Scalar(UInt32(choice)) {
                text.unicodeScalars.append(scalar)
            } else {
                text += "\u{FFFD}"
            }
        }
        return text
    }
}
