import DeriveCore
import DeriveMarkdown
import DeriveWeave
import Foundation
import Testing

/// Plain CommonMark comes out as cmark writes it: for many inputs, the body of the page Derive
/// writes equals what the `cmark` command (Debian's `cmark`, `--unsafe`) writes, once Derive's
/// documented additions are normalised away (heading ids, code blocks as figures with captions,
/// a copy button, the note's line numbers and highlighting, an image alone as a figure, `'`
/// written as `&#39;`).
@Suite("CommonMark, differentially against the cmark command")
struct CommonMarkDifferentialTests {
    /// Handwritten cases, each one where a hand-written renderer is likely to drift from cmark.
    static let handwritten = [
        "A *b* **c** `d` and [link](/my uri) and [l2](<a b> \"t\").",
        "[x](/url\\\\back) [y](/qu\"ote) [z](/ünï) ![img](a%20b.png \"T\") <https://e.org/a b>",
        "```` foo\\+bar\ncode\n````",
        "- item\n\n  ```\n  code\n\n\n  ```\n- next",
        "1. one\n2. two\n\n   para\n3) three",
        "> quote\n> more\n\n>> nested",
        "Hard  \nbreak and soft\nbreak\\\nand backslash.",
        "***\n\n---\n\n___",
        "<div class=\"x\">\n*raw*\n</div>\n\nInline <span>html</span> here.",
        "Entities: &amp; &copy; &#35; &#x41; &nbsp; < > \" '",
        "Setext\n======\n\nAnother\n-------",
        "    indented code\n    more",
        "Emphasis _under_ and __strong__ and ***both***.",
        "[ref][] and [Ref] and [other][ref]\n\n[ref]: /target \"Title\"",
        "\\*not emph\\* and \\[not link\\] and \\` tick",
        "Auto <mail@example.org> and <http://example.org/?q=1&r=2>.",
        "- [not a task] item\n- tight\n- list",
        "![alone](pic.png)",
        "A\n\n\n\nB",
        "`` code with ` tick `` and ` spaced `",
        "1. a\n\n   - b\n\n     c\n\n2. d",
        "Line with trailing spaces   \nnext",
        "<!-- a comment -->\n\ntext",
        "~~~ js\nconsole.log(\"x\")\n~~~",
        "## Heading with `code` and *emph*\n\nText.",
        "* a\n* b\n\n  c",
    ]

    /// Generated cases: paragraphs, lists, quotes and code in many combinations (fixed seed).
    static let generated: [String] = {
        var random = SplitMix(seed: 42)
        let inlines = ["word", "*em*", "**strong**", "`code`", "[link](/a/b)", "![i](x.png)", "a \\* b", "&amp;", "<b>x</b>", "x_y_z", "_u_"]
        func sentence() -> String { (0..<random.next(6) + 2).map { _ in inlines[random.next(inlines.count)] }.joined(separator: " ") }
        func block(depth: Int) -> String {
            switch random.next(depth > 1 ? 3 : 7) {
            case 0, 1, 2: return sentence() + (random.next(3) == 0 ? "\n" + sentence() : "")
            case 3: return (0..<random.next(3) + 1).map { _ in "- " + sentence() }.joined(separator: "\n")
            case 4: return "> " + block(depth: depth + 1).replacingOccurrences(of: "\n", with: "\n> ")
            case 5: return "```\n" + sentence() + "\n```"
            default: return "1. " + block(depth: depth + 1).replacingOccurrences(of: "\n", with: "\n   ")
            }
        }
        return (0..<200).map { _ in (0..<random.next(4) + 1).map { _ in block(depth: 0) }.joined(separator: "\n\n") }
    }()

    @Test func derivesBodyEqualsCmarksOnEveryCase() throws {
        let cases = Self.handwritten + Self.generated
        let notes = try cases.enumerated().map { index, text in
            try #require(NoteParser().parse("Start.\n\n" + text + "\n", path: "Notes/c\(index).md").note)
        }
        let built = try BuiltSite(notes, options: SiteOptions(allowsRawHTML: true))
        defer { built.remove() }
        var differing = 0
        for (index, text) in cases.enumerated() {
            let derive = Self.normalized(Self.article(try built.page("c\(index).html")))
            let cmark = Self.normalized(try Self.cmark("Start.\n\n" + text + "\n"))
            if derive != cmark {
                differing += 1
                if differing <= 5 { Issue.record("case \(index) differs:\n\(text)\n--- cmark\n\(cmark)\n--- derive\n\(derive)") }
            }
        }
        #expect(differing == 0, "\(differing) of \(cases.count) cases differ from cmark")
    }

    /// What `cmark --unsafe` writes for `text`.
    static func cmark(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark")
        process.arguments = ["--unsafe"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The note's body on its page: what is between `<article>` and `</article>`.
    static func article(_ page: String) -> String {
        guard let start = page.range(of: "<article>\n"), let end = page.range(of: "</article>", range: start.upperBound..<page.endIndex)
        else { return page }
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// `html` with Derive's documented additions taken out and line breaks between tags folded.
    static func normalized(_ html: String) -> String {
        var text = html
        text.replace(/<h([1-6]) id="[^"]*">/) { "<h\($0.output.1)>" }
        text.replace(/<figure class="code[^"]*" id="code-\d+">\n<figcaption>.*?<\/figcaption>\n<button class="copy"[^>]*>Copy<\/button>\n(<pre>(?s:.*?)<\/pre>)\n(?:<p class="chunk-uses">.*?<\/p>\n)?<\/figure>/) {
            String($0.output.1)
        }
        text.replace(/<figure class="figure" id="[^"]*">\n(<img [^>]*>)\n<figcaption>(?s:.*?)<\/figcaption>\n<\/figure>/) { "<p>\($0.output.1)</p>" }
        text.replace(/<span class="hl-[a-z-]+">/, with: "")
        text.replace(/<span class="line" data-line="\d+">/, with: "")
        text.replace(/<\/span>/, with: "")
        text.replace("&#39;", with: "'")
        text.replace("&#x27;", with: "'")
        text.replace(/>\n+</, with: "><")
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A small seeded generator, so the generated cases are the same in every run.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
