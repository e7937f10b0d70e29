import DeriveCore
import DerivePipeline
import Foundation
import Testing

@Suite("derive.yml's notation: symbols declared once, errors at their line and column")
struct NotationConfigurationTests {
    private let reader = ConfigurationReader(path: "derive.yml")

    private func located(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.id)@\($0.location.line):\($0.location.column)" }
    }

    @Test func symbolsAreReadWithTheirFieldsAndTheirMacrosJoinTheCoursesMacros() throws {
        let yaml = #"""
            math:
              macros:
                \R: \mathbb{R}
            notation:
              - tex: '\delta^{[l]}'
                meaning: the error of layer l
                shape: 'n_l \times 1'
                swift: delta
                match: ['\delta']
              - tex: '\widetilde W'
                meaning: the weights, transposed
                macro: \Wt
            """#
        let (configuration, diagnostics) = reader.read(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        try #require(configuration.notation.count == 2)
        let delta = configuration.notation[0]
        #expect(delta.tex == #"\delta^{[l]}"# && delta.meaning == "the error of layer l" && delta.shape == #"n_l \times 1"#)
        #expect(delta.swift == "delta" && delta.match == [#"\delta"#] && delta.macro == nil)
        #expect(delta.location == NoteLocation(file: "derive.yml", line: 5, column: 5))
        let weights = configuration.notation[1]
        #expect(weights.match == [#"\widetilde W"#] && weights.patterns == [#"\widetilde W"#, #"\Wt"#])
        #expect(configuration.macros == [#"\R"#: #"\mathbb{R}"#, #"\Wt"#: #"\widetilde W"#])
    }

    @Test func malformedEntriesAreErrorsAtTheirPlace() {
        let yaml = #"""
            notation:
              - tex: x
              - meaning: no tex
              - tex: y
                meaning: why
                colour: red
              - tex: z
                meaning: zed
                macro: zed
              - just text
              - tex: [1, 2]
                meaning: a list
              - tex: w
                meaning: double-u
                match: []
            """#
        let (configuration, diagnostics) = reader.read(yaml)
        #expect(configuration.notation.isEmpty)
        #expect(located(diagnostics) == [
            "config.notation@2:5", "config.notation@3:5", "config.notation@6:5", "config.notation@7:5",
            "config.notation@10:5", "config.notation@11:10", "config.notation@15:12",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics[0].message == "a notation entry needs 'meaning'")
        #expect(diagnostics[2].message.hasPrefix("unknown field 'colour' of a notation entry (known: tex, meaning,"))
        #expect(diagnostics[3].message == #"a macro's name is a backslash and letters, like \Wt (not 'zed')"#)
        #expect(reader.read("notation: {tex: x}").1.map(\.id) == [.configNotation])
    }

    @Test func aSymbolOrMacroDeclaredTwiceIsAnErrorAtTheSecond() {
        let yaml = #"""
            math:
              macros:
                \Wt: \tilde W
            notation:
              - tex: x
                meaning: one
              - tex: x
                meaning: two
              - tex: '\widetilde W'
                meaning: three
                macro: \Wt
              - tex: '\hat W'
                meaning: four
                macro: \Wh
              - tex: '\check W'
                meaning: five
                macro: \Wh
            """#
        let (configuration, diagnostics) = reader.read(yaml)
        #expect(configuration.notation.map(\.meaning) == ["one", "three", "four"])
        #expect(located(diagnostics) == ["config.notation-duplicate@7:5", "config.notation-duplicate@15:5", "config.notation-duplicate@9:5"])
        #expect(diagnostics[0].message == "the symbol x is declared twice (first at line 5)")
        #expect(diagnostics[2].message == #"the macro \Wt is \tilde W in math.macros and \widetilde W here"#)
        #expect(configuration.macros[#"\Wt"#] == #"\tilde W"# && configuration.macros[#"\Wh"#] == #"\hat W"#)
    }

    @Test func theShippedCourseDeclaresItsNotationWithoutAnError() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("derive.yml")
        let (configuration, diagnostics) = reader.read(try String(contentsOf: url, encoding: .utf8))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(configuration.notation.count >= 20)
        #expect(configuration.notation.contains { $0.tex == #"\delta^{[l]}"# } && configuration.notation.contains { $0.tex == #"\Delta^{[l]}"# })
    }
}
