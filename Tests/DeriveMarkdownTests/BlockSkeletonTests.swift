@testable import DeriveMarkdown
import PropertyBased
import Testing

/// A blocks-only parse reads the note masked (`BlockSkeleton`) and must find the very blocks a
/// full parse of the note as it is finds: kinds, source ranges, heading levels, list properties.
@Suite("Blocks-only parsing: masked lines keep every block")
struct BlockSkeletonTests {
    /// `node` with only what a blocks-only parse keeps: no text, nothing below a paragraph or heading.
    private func blocks(_ node: MarkdownNode) -> MarkdownNode {
        var node = node
        node.literal = ""
        node.fenceInfo = ""
        node.nestingCutAtLine = nil
        node.children = node.kind == .paragraph || node.kind == .heading ? [] : node.children.map(blocks)
        return node
    }

    private func lines(_ text: String) -> [[UInt8]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    /// Whether the blocks-only parse of `text` finds the blocks of its full parse.
    private func keepsBlocks(_ text: String) -> Bool {
        let lines = lines(text)
        return CmarkDocument.parse(lines: lines, blocksOnly: true) == blocks(CmarkDocument.parse(lines: lines))
    }

    /// The blocks of `text` with every line masked after its first plain character, no line spared.
    private func blocksMaskedRegardless(_ text: String) -> MarkdownNode {
        let masked = lines(text).map { line -> [UInt8] in
            guard let first = line.firstIndex(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return line }
            return Array(line[...first]) + Array(repeating: UInt8(ascii: "x"), count: line.count - first - 1)
        }
        return blocks(CmarkDocument.parse(lines: masked))
    }

    /// Pieces of Markdown that start, end or change blocks, and TeX that costs cmark's inline parser.
    private static let pieces = [
        " ", "   ", "    ", "\t", ">", "> ", "- ", "* ", "+ ", "1. ", "2) ", "10. ", "# ", "###### ", "#x", "#", " #", " ## ", "\\#", "```", "~~~", "`", "``",
        "$", "$$", "x", "é", "δ", "\\", "_", "*", "**", "[", "]", "]:", "[a]: /u", "[a]", "(", ")", "\"t\"", "'", "<", ">", "<div>",
        "</div>", "<!--", "-->", "<?", "?>", "<![CDATA[", "]]>", "<pre>", "</pre>", "<a b=\"c\">", "<x y$=z>", "===", "---", "***",
        "___", "&amp;", "&", ":", "|", "!", "\u{0}", "{", "}", "^", "a b", "\\frac{a}{b}", "w_{[1]}", "\n", "\n", "\n", "\n\n",
    ]

    @Test func aBlocksOnlyParseFindsTheBlocksOfAFullParse() async {
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 1...60)) { choices in
            let text = choices.map { Self.pieces[$0] }.joined()
            #expect(keepsBlocks(text), "\(text.debugDescription)")
        }
    }

    @Test func theShippedKindsOfLineKeepTheirBlocks() {
        let note = """
            # A heading $x_1$ ##

            Prose with $a_{[1]} \\cdot b^{*}$ and `code` and [a link](u) across
            lines, \\
            then a break.

            $$
            \\begin{aligned} z &= W x \\\\ a &= \\sigma(z) \\end{aligned}
            $$ {#eq-a}

            - item $x$
              continued

                indented code in it
            1. ordered $y$
            > quoted $z$
            > > deeper
            Setext heading
            ===

            ```swift {chunk="a"}
            let x = 1 // $not math$
            ```
            """
        #expect(keepsBlocks(note))
    }

    /// Each line a mask must leave alone, and why: masked regardless, its blocks would change.
    @Test(arguments: [
        "# h ##",  // an ATX heading ends before its closing sequence, which masked is text
        "```a`x\ncode\n```",  // a backtick in the info string: no fence, until the backtick is masked
        "<!--\nsome --> text\n\npara",  // the line that ends the HTML block holds its end only unmasked
        "para\n\n<div\nsome\n\npara",  // `<div` at the end of its line opens an HTML block; `<dxx` does not
        "[foo\nbar]: /url\n\npara",  // a definition whose label ends on a later line
        "[a]: /u 'x\ny'\n# h",  // a definition whose title ends on a later line
        "aé\u{0}b\n\npara",  // a NUL cmark widens to U+FFFD, moving the end column
    ])
    func aLineWhoseMaskWouldChangeABlockIsLeftAsItIs(text: String) {
        #expect(blocksMaskedRegardless(text) != blocks(CmarkDocument.parse(lines: lines(text))))
        #expect(keepsBlocks(text))
    }
}
