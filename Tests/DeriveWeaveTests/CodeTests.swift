import DeriveCore
import DeriveWeave
import Testing

@Suite struct CodeTests {
    @Test func highlightsSwiftAndEscapesOtherLanguagesPlain() throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.code("/// Doc.\nstruct Dense {\n    var w = 1.5 // weight\n    let name = \"a<b\"\n}\n"),
            Fixtures.code("x = a < b && c\n", language: "python"),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("<span class=\"hl-kw\">struct</span>"))
        #expect(page.contains("<span class=\"hl-doc\">/// Doc.</span>"))
        #expect(page.contains("<span class=\"hl-num\">1.5</span>"))
        #expect(page.contains("<span class=\"hl-com\">// weight</span>"))
        #expect(page.contains("<span class=\"hl-str\">&quot;a&lt;b&quot;</span>"))
        #expect(page.contains("<pre><code class=\"language-python\"><span class=\"line\" data-line=\"11\">x = a &lt; b &amp;&amp; c</span>\n</code></pre>"))
    }

    @Test func labelsBlocksByRoleAndMarksIgnoredBlocks() throws {
        let note = Fixtures.note("01-a", blocks: CodeRole.allCases.map { Fixtures.code("let x = 1\n", role: $0) }
            + [Fixtures.code("print(1)\n", ignored: true)])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        for role in CodeRole.allCases {
            #expect(page.contains("class=\"code role-\(role.rawValue)\""))
            #expect(page.contains("<span class=\"role\">\(role.label)</span>"))
        }
        #expect(page.contains("<figure class=\"code not-compiled\" id=\"code-\(CodeRole.allCases.count + 1)\">"))
        #expect(page.contains("<span class=\"not-compiled-label\">not compiled</span>"))
    }

    @Test func linksChunkReferencesToDefinitionsAndListsUses() throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.code("func step() {\n    <<update rule>>\n}\n", role: .update),
            Fixtures.code("w -= eta * g\n", chunk: "update rule"),
            Fixtures.code("b -= eta * gb\n", chunk: "update rule"),
            Fixtures.code("<<nowhere>>\n"),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("    <span class=\"chunk-ref\">⟨<a href=\"#code-2\">update rule</a>⟩</span>"))
        #expect(page.contains("<span class=\"chunk-name\">⟨update rule⟩ ≡</span>"))
        #expect(page.contains("<span class=\"chunk-name\">⟨update rule⟩ +≡</span>"))
        #expect(page.contains("Used in <a href=\"#code-1\">code 1 (Update)</a>. Continued in <a href=\"#code-3\">code 3</a>."))
        #expect(page.contains("Used in <a href=\"#code-1\">code 1 (Update)</a>. Continues <a href=\"#code-2\">code 2</a>."))
        #expect(page.contains("<span class=\"chunk-ref undefined\">⟨nowhere⟩</span>"))
    }

    @Test func linksCodeAndTheEquationItImplementsBothWays() throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.equation("\\delta = a - y", label: "eq-delta"),
            Fixtures.code("let delta = a - y\n", role: .delta, implements: ["eq-delta"]),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("<p class=\"implemented-by\">Implemented by <a href=\"#code-1\">code 1 (δ (error))</a>.</p>"))
        #expect(page.contains("<span class=\"implements\">implements <a class=\"citation\" href=\"#eq-delta\">(1)</a></span>"))
    }

    @Test func indexesTheDeclarationsOfCompiledBlocks() throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.code("struct Net {\n    var w: [Double]\n    func loss(_ x: Double, target t: Double) -> Double {\n        let local = x\n        return local\n    }\n}\n"),
            Fixtures.code("extension Net {\n    init() { w = [] }\n}\nfunc train() {}\n", role: .update),
            Fixtures.code("struct Hidden {}\n", ignored: true),
            Fixtures.code("func run() {\n    <<body>>\n}\n<<helpers>>\n"),
            Fixtures.code("let localInBody = 1\n", chunk: "body"),
            Fixtures.code("func helper() {}\n", chunk: "helpers"),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        let index = try #require(page.components(separatedBy: "<section class=\"declarations\"").last)
        #expect(index.contains("<tr><td><code>Net</code></td><td>struct</td><td><a href=\"#code-1\">code 1</a></td></tr>"))
        #expect(index.contains("<code>Net.loss(_:target:)</code></td><td>func</td>"))
        #expect(index.contains("<code>Net.w</code></td><td>var</td>"))
        #expect(index.contains("<tr><td><code>Net.init()</code></td><td>init</td><td><a href=\"#code-2\">code 2 (Update)</a></td></tr>"))
        #expect(index.contains("<code>train()</code>"))
        #expect(!index.contains("local"))
        #expect(!index.contains("Hidden"))
        #expect(!index.contains("localInBody"))
        #expect(index.contains("<tr><td><code>helper()</code></td><td>func</td><td><a href=\"#code-6\">code 6</a></td></tr>"))
    }
}
