import DeriveCore
import Foundation
@testable import DeriveWeave
import Testing

@Suite struct ResultsTests {
    let path = "Notes/01-a.md"

    private var reports: CheckReports {
        CheckReports(
            derivations: [
                DerivationReport(note: path, line: 40, subject: "TwoLayer", parameters: [
                    ParameterCheck(name: "W1", shape: [3, 4], gradientShape: [3, 4], finiteDifferenceError: 3.2e-9,
                                   autodiffError: 1.5e-12, tolerance: 1e-6),
                    ParameterCheck(name: "b1", shape: [3, 1], gradientShape: [1, 3], finiteDifferenceError: 0.5,
                                   autodiffError: nil, tolerance: 1e-6),
                ]),
                DerivationReport(note: "Notes/02-b.md", line: 9, subject: "Other", parameters: [
                    ParameterCheck(name: "W", shape: [1], gradientShape: [1], finiteDifferenceError: 0, autodiffError: nil, tolerance: 1),
                ]),
            ],
            trainings: [
                TrainingReport(note: path, line: 50, xLabel: "epoch", losses: [2.3, 1.1, 0.7, .nan, 0.4, 0.35],
                               results: [NamedValue(name: "test accuracy", value: 0.8612)]),
            ]
        )
    }

    private func notes() -> [Note] {
        [
            Fixtures.note("01-a", blocks: [Fixtures.paragraph([.text("a")])]),
            Fixtures.note("02-b", blocks: [Fixtures.paragraph([.text("b")], "Notes/02-b.md")]),
            Fixtures.note("03-c", blocks: [Fixtures.paragraph([.text("c")], "Notes/03-c.md")]),
        ]
    }

    @Test func saysWhenTheRunWhoseResultsItShowsWas() throws {
        var dated = reports
        dated.produced = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T00:53:20Z
        let built = try BuiltSite(notes(), reports: dated)
        defer { built.remove() }
        #expect(try built.page("01-a.html").contains(
            #"<p class="checked-at">These are the results of the run of <time datetime="2026-11-30T00:53:20Z">2026-11-30 at 00:53 UTC</time>;"#))
        let undated = try BuiltSite(notes(), reports: reports)
        defer { undated.remove() }
        #expect(try !undated.page("01-a.html").contains("checked-at"))
    }

    @Test func showsTheDerivationTableAndTheLossCurve() throws {
        let built = try BuiltSite(notes(), reports: reports)
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("Derivation check of <code>TwoLayer</code> (line 40): <span class=\"status failed\">failed</span>"))
        #expect(page.contains("<tr class=\"passed\"><td><code>W1</code></td><td>3 × 4</td><td class=\"number\">3.20e-09</td><td class=\"number\">1.50e-12</td><td class=\"number\">1.00e-06</td><td>pass</td></tr>"))
        #expect(page.contains("<tr class=\"failed\"><td><code>b1</code></td><td>3 × 1 (gradient 1 × 3)</td><td class=\"number\">5.00e-01</td><td class=\"number\">—</td>"))
        #expect(page.contains("<svg class=\"loss-curve\""))
        #expect(page.components(separatedBy: "<polyline class=\"curve\"").count == 3)
        #expect(page.contains(">epoch</text>"))
        #expect(page.contains(">loss</text>"))
        #expect(page.contains("<dt>test accuracy</dt><dd>0.8612</dd>"))
        #expect(!page.contains("not run"))
        #expect(!(try built.page("02-b.html")).contains("TwoLayer"))
        #expect(try built.page("03-c.html").contains("This note declares no derivation check."))

        let index = try built.page("index.html")
        #expect(index.contains("href=\"01-a.html\">01-a</a>\n<span class=\"status failed\">failed</span>"))
        #expect(index.contains("href=\"02-b.html\">02-b</a>\n<span class=\"status passed\">passed</span>"))
        #expect(index.contains("href=\"03-c.html\">03-c</a>\n<span class=\"status no-check\">no check</span>"))
    }

    @Test func aCheckThatExpectsRejectionPassesWhenItRejects() throws {
        let wrong = ParameterCheck(name: "W", shape: [1], gradientShape: [1], finiteDifferenceError: 0.9, autodiffError: 0.9, tolerance: 1e-6)
        let right = ParameterCheck(name: "W", shape: [1], gradientShape: [1], finiteDifferenceError: 0, autodiffError: 0, tolerance: 1e-6)
        let reports = CheckReports(derivations: [
            DerivationReport(note: path, line: 7, subject: "Seed", parameters: [wrong], expectsRejection: true),
            DerivationReport(note: "Notes/02-b.md", line: 8, subject: "Seed", parameters: [right], expectsRejection: true),
        ])
        let built = try BuiltSite(notes(), reports: reports)
        defer { built.remove() }
        #expect(try built.page("01-a.html").contains("written to reject a wrong derivation: <span class=\"status passed\">rejected, as expected</span>"))
        #expect(try built.page("02-b.html").contains("<span class=\"status failed\">not rejected</span>"))
        let index = try built.page("index.html")
        #expect(index.contains("href=\"01-a.html\">01-a</a>\n<span class=\"status passed\">passed</span>"))
        #expect(index.contains("href=\"02-b.html\">02-b</a>\n<span class=\"status failed\">failed</span>"))
    }

    @Test func saysTheChecksWereNotRunWithoutReports() throws {
        let built = try BuiltSite(notes(), reports: nil)
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("The checks were not run for this build of the site."))
        #expect(!page.contains("<table class=\"derivation-check\">"))
        #expect(!page.contains("<svg"))
    }

    @Test func ticksAreRoundAndCoverTheData() {
        #expect(LossCurve.ticks(from: 0.35, to: 2.3) == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(LossCurve.ticks(from: 1, to: 6) == [1, 2, 3, 4, 5, 6])
        #expect(LossCurve.ticks(from: 4, to: 4) == [4])
    }
}
