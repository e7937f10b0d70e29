import DeriveCore
import DeriveMarkdown
@testable import DeriveWeave
import Foundation
import Testing

/// Untrusted content stays inert through the whole front of the pipeline: a note written as
/// Markdown (parsed, resolved and woven, not hand-built) that puts script, event handlers and
/// script links in every place a note can hold text comes out with none of them live.
@Suite("Safety: a hostile note, parsed and woven, comes out inert")
struct HostileNoteSafetyTests {
    static let script = "<script>alert(1)</script>"

    /// A note with `<script>` and event handlers in its front matter, headings, prose, raw HTML,
    /// links, images, code (swift and html), code spans, math, chunk names and labels.
    static let note = """
        ---
        title: "T \(script)<img src=x onerror=alert(1)>"
        summary: "S \(script) onload=alert(1)"
        ---

        # Heading \(script) <svg onload=alert(1)>

        Prose \(script) and <img src=x onerror=alert(2)> and <a href="javascript:alert(3)" onclick="alert(4)">raw</a>.

        <div onmouseover="alert(5)"><script>alert(6)</script></div>

        [js](javascript:alert(7)) [vb](vbscript:msgbox(8)) [data](data:text/html,<script>alert(9)</script>)
        [spaced](  JaVaScRiPt:alert(10)) ![img](javascript:alert(11)) ![svg](data:image/svg+xml,<svg onload=alert(12)>)
        <javascript:alert(13)> [title](https://example.org "\(script)")

        Code span `\(script)` and math $\\text{\(script)}$ and $x_{<script>}$ and $a \\lt b$.

        $$
        \\text{<img src=x onerror=alert(14)>} + \\text{\(script)}
        $$ {#eq-a}

        Cited as @eq-a and @eq-"><script>alert(15)</script> and [^\(script)].

        ```swift #chunk-\(script)
        let s = "\(script)"
        ```

        ```swift
        <<chunk-\(script)>>
        let t = "<img src=x onerror=alert(16)>"
        ```

        ```html
        \(script)<img src=x onerror=alert(17)>
        ```

        ```swift\"><script>alert(18)</script>
        let u = 1
        ```

        """

    /// Weaves the note; errors found (an unknown citation, say) are fine, and leave no site, so
    /// the diagnostics are returned and the pages read only when there are any.
    private func weave() throws -> (pages: [String], diagnostics: [Diagnostic]) {
        let parsed = NoteParser().parse(Self.note, path: "Notes/01-a.md")
        let note = try #require(parsed.note)
        do {
            let built = try BuiltSite([note])
            defer { built.remove() }
            return (try ["01-a.html", "index.html"].map { try built.page($0) }, parsed.diagnostics + built.summary.diagnostics)
        } catch let error as DiagnosticError {
            return ([], parsed.diagnostics + error.diagnostics)
        }
    }

    @Test func noScriptNoEventHandlerNoScriptLinkReachesAPage() throws {
        var (pages, diagnostics) = try weave()
        if pages.isEmpty {
            // The hostile citation is an error (it names no label): without it the note weaves.
            #expect(diagnostics.contains { $0.id == .citationUnknownLabel }, "\(diagnostics)")
            let parsed = NoteParser().parse(
                Self.note.replacingOccurrences(of: "and @eq-\"><script>alert(15)</script> ", with: ""), path: "Notes/01-a.md")
            let built = try BuiltSite([try #require(parsed.note)])
            defer { built.remove() }
            pages = try ["01-a.html", "index.html"].map { try built.page($0) }
            diagnostics = parsed.diagnostics + built.summary.diagnostics
        }
        #expect(pages.count >= 2)
        for page in pages {
            let lowered = page.lowercased()
            #expect(SafetyTests.scriptsBesidesOurOwn(page) == 0, "a note's <script> reached the page")
            for handler in ["onerror=", "onload=", "onclick=", "onmouseover="] {
                // A tag whose attributes (quoted values skipped) include the handler.
                let live = try Regex(#"<[a-z][a-z0-9-]*(?:\s+[a-z-]+(?:="[^"]*"|='[^']*'|=[^\s>"']+)?)*\s+"# + handler)
                #expect(lowered.matches(of: live).isEmpty, "a live \(handler) attribute")
            }
            #expect(!lowered.contains("href=\"javascript:") && !lowered.contains("href=\"vbscript:") && !lowered.contains("src=\"javascript:"))
            #expect(!lowered.contains("href=\"data:") && !lowered.contains("src=\"data:image/svg"))
            #expect(!lowered.contains("href=\"  javascript:") && !lowered.contains("href=\"&#"))
        }
        let page = pages[0]
        #expect(page.contains("&lt;script&gt;"), "the note's script text is shown, escaped")
        #expect(!page.contains("\u{01}"), "a footnote mark reached the page")
        #expect(diagnostics.contains { $0.id == .htmlOmitted }, "raw HTML is left out, with a warning")
    }

    /// KaTeX runs without trust: commands that make links or attributes are refused at the
    /// formula, never rendered.
    @Test(arguments: [
        "\\href{javascript:alert(1)}{x}", "\\url{javascript:alert(1)}", "\\htmlClass{x}{y}", "\\htmlData{onload=alert(1)}{y}",
        "\\htmlId{x}{y}", "\\htmlStyle{background:url(javascript:alert(1))}{y}", "\\includegraphics{javascript:alert(1)}",
    ])
    func katexRefusesTrustedCommands(tex: String) throws {
        let parsed = NoteParser().parse("# A\n\nMath $\(tex)$ here.\n", path: "Notes/01-a.md")
        let note = try #require(parsed.note)
        #expect(throws: DiagnosticError.self) { try BuiltSite([note]) }
        do {
            _ = try BuiltSite([note])
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.map(\.id) == [.mathTeXError], "\(error.diagnostics)")
            #expect(error.diagnostics.first?.message.contains("is not allowed in a note's math") == true, "\(error.diagnostics)")
            #expect(error.diagnostics.first?.location.line == 3)
        }
    }
}
