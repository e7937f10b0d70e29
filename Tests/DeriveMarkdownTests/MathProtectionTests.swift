import DeriveCore
import Testing

@Suite("Math is kept verbatim, away from Markdown")
struct MathProtectionTests {
    @Test func underscoresAndStarsAreNotEmphasis() {
        #expect(mathTeX("Let $a_1 *b* c_2$ and $x_i$ be.") == ["a_1 *b* c_2", "x_i"])
        #expect(proseText("Let $a_1 *b* c_2$ and $x_i$ be.") == "Let  and  be.")
    }

    @Test func backslashesAndEscapedBracesReachTeX() {
        #expect(mathTeX(#"Sets $\{x\}$ and rows $a \\ b$."#) == [#"\{x\}"#, #"a \\ b"#])
    }

    @Test func escapedDollarIsLiteralProse() {
        #expect(mathTeX(#"It costs \$5, and \$x\$ is no math."#) == [])
        #expect(proseText(#"It costs \$5, and \$x\$ is no math."#) == "It costs $5, and $x$ is no math.")
    }

    @Test func currencyStaysProse() {
        #expect(mathTeX("A price of $5 and $6 in all.") == [])
        #expect(proseText("A price of $5 and $6 in all.") == "A price of $5 and $6 in all.")
        #expect(mathTeX("Between $20,000 and $30,000.") == [])
    }

    @Test func openerNeedsNonSpaceAndCloserNeedsNonSpaceBefore() {
        #expect(mathTeX("$ x$ is prose.") == [])
        #expect(proseText("$ x$ is prose.") == "$ x$ is prose.")
        #expect(mathTeX("And $y $ is prose.") == [])
        #expect(proseText("And $y $ is prose.") == "And $y $ is prose.")
        // The closer is the first `$` after a non-space: pandoc reads this as one span.
        #expect(mathTeX("$y $ and $z$") == ["y $ and $z"])
    }

    @Test func dollarInsideBracesDoesNotClose() {
        #expect(mathTeX(#"Write $\text{cost in $}$ here."#) == [#"\text{cost in $}"#])
    }

    @Test func codeSpansHideDollars() {
        #expect(mathTeX("Use `let s = \"$x$\"` and $y$.") == ["y"])
        #expect(mathTeX("A ``code $a` `` then $b$.") == ["b"])
    }

    @Test func codeBlocksHideDollars() {
        let note = """
        ```swift
        let price = "$5 and $6$"
        ```

        ```
        $$
        not math
        ```
        """
        #expect(mathTeX(note) == [])
        #expect(parse(note).note?.codeBlocks.map(\.code) == ["let price = \"$5 and $6$\"\n", "$$\nnot math\n"])
    }

    @Test func rawHTMLAndLinkDestinationsHideDollars() throws {
        let text = #"<span title="$a$">x</span> and [link]($b$) then $c$."#
        #expect(mathTeX(text) == ["c"])
        guard case .paragraph(let paragraph) = try #require(parse(text).note?.blocks.first) else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.content.contains(.html(#"<span title="$a$">"#)))
        #expect(paragraph.content.contains(
            .link(destination: "$b$", title: "", content: [.text("link")], location: NoteLocation(file: "Notes/t.md", line: 1, column: 32))))
        #expect(mathTeX("See <https://example.com/$a$> and $d$.") == ["d"])
    }

    @Test func mathInsideLinkTextIsMath() {
        #expect(mathTeX("[the case $k = 1$](#k) here") == ["k = 1"])
    }

    @Test func inlineMathNeverCrossesABlankLine() {
        #expect(mathTeX("$a\n\nb$") == [])
        #expect(proseText("$a\n\nb$") == "$a\nb$")
    }

    @Test func inlineMathMayCrossALineInsideAParagraph() {
        #expect(mathTeX("Take $a +\n b$ now.") == ["a +\nb"])
    }

    @Test func mathInListsAndQuotes() {
        let note = """
        - first $a_1$
        - second $b *c* d$

        > quoted $\\{q\\}$ and
        > $$
        > x = y_1
        > $$ {#eq-quoted}
        """
        #expect(mathTeX(note) == ["a_1", "b *c* d", #"\{q\}"#, "x = y_1"])
        #expect(parse(note).note?.displayMath.compactMap(\.label) == ["eq-quoted"])
    }

    @Test func displayMathLinesThatLookLikeMarkdownStayMath() {
        let note = """
        The loss:
        $$
        L = \\frac{1}{m}
        - y \\log \\hat y
        = 0
        # not a heading
        $$ {#eq-loss}
        """
        let parsed = parse(note)
        #expect(parsed.diagnostics.isEmpty)
        #expect(mathTeX(note) == ["L = \\frac{1}{m}\n- y \\log \\hat y\n= 0\n# not a heading"])
        guard case .paragraph = parsed.note?.blocks.first, case .math(let math) = parsed.note?.blocks.last else {
            Issue.record("expected a paragraph, then display math")
            return
        }
        #expect(math.label == "eq-loss")
        #expect(math.location == NoteLocation(file: "Notes/t.md", line: 2, column: 1))
        #expect(math.texLocation.line == 3)
    }

    @Test func singleLineDisplayMathIsABlock() {
        let parsed = parse("$$a^2 + b^2$$ {#eq-sum}\n\nSee @eq-sum.")
        guard case .math(let math) = parsed.note?.blocks.first else {
            Issue.record("expected display math")
            return
        }
        #expect(math.tex == "a^2 + b^2")
        #expect(math.label == "eq-sum")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func fencedMathBlockIsDisplayMath() {
        let parsed = parse("```math {#eq-f}\nf(x) = x_1 * x_2\n```\n\nBy @eq-f.")
        guard case .math(let math) = parsed.note?.blocks.first else {
            Issue.record("expected display math")
            return
        }
        #expect(math.tex == "f(x) = x_1 * x_2")
        #expect(parsed.note?.displayMath.compactMap(\.label) == ["eq-f"])
    }

    @Test func positionsStayExactAfterProtection() throws {
        let note = "Some *emphasis* and $a_1$ then `code` and $b$.\n"
        let parsed = parse(note)
        guard case .paragraph(let paragraph) = parsed.note?.blocks.first else {
            Issue.record("expected a paragraph")
            return
        }
        let locations = paragraph.content.compactMap { inline -> NoteLocation? in
            if case .math(let math) = inline { return math.location }
            return nil
        }
        #expect(locations.map(\.column) == [22, 44])
        if case .emphasis(let content) = paragraph.content[1] {
            #expect(content.plainText == "emphasis")
        } else {
            Issue.record("emphasis outside math should still be emphasis")
        }
    }
}
