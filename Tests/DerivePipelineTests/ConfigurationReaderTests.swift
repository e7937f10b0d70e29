import DeriveCore
import DerivePipeline
import Foundation
import Testing

@Suite("derive.yml: every key known, every value well formed, errors at their line")
struct ConfigurationReaderTests {
    private let reader = ConfigurationReader(path: "derive.yml")

    private func located(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.id)@\($0.location.line):\($0.location.column)" }
    }

    @Test func aFullFileSetsEveryField() throws {
        let yaml = """
            title: Backprop by hand
            author: A. Author
            description: Five derivations.
            url: https://example.org/course/
            notes: Chapters
            site: Public
            math:
              macros:
                \\R: \\mathbb{R}
                \\vect: \\mathbf{#1}
              node: /opt/node/bin/node
              katex: /opt/node/lib
              katex-assets: /opt/katex
            """
        let (configuration, diagnostics) = reader.read(yaml)
        #expect(diagnostics.isEmpty)
        #expect(configuration.title == "Backprop by hand")
        #expect(configuration.author == "A. Author")
        #expect(configuration.description == "Five derivations.")
        #expect(configuration.url == URL(string: "https://example.org/course/"))
        #expect(configuration.notes == "Chapters" && configuration.site == "Public")
        #expect(configuration.macros == [#"\R"#: #"\mathbb{R}"#, #"\vect"#: #"\mathbf{#1}"#])
        #expect(configuration.node == "/opt/node/bin/node")
        #expect(configuration.katex == "/opt/node/lib" && configuration.katexAssets == "/opt/katex")
    }

    @Test func anEmptyFileMeansTheDefaults() {
        let (configuration, diagnostics) = reader.read("# nothing set\n")
        #expect(diagnostics.isEmpty)
        #expect(configuration == CourseConfiguration())
        #expect(configuration.title == "Notes" && configuration.notes == "Notes" && configuration.site == "Site")
    }

    @Test func unknownKeysAreErrorsAtTheirLine() {
        let (_, diagnostics) = reader.read("title: T\ntitel: typo\nmath:\n  macro: {}\n")
        #expect(located(diagnostics) == ["config.unknown-key@2:1", "config.unknown-key@4:3"])
        #expect(diagnostics.first?.message.contains("known: title") == true)
    }

    @Test func badValuesAreErrorsAtTheValue() {
        let yaml = "title: [a, b]\nurl: not a url\nmath:\n  macros:\n    R: x\n    \\ok: [1]\n"
        let (configuration, diagnostics) = reader.read(yaml)
        #expect(located(diagnostics) == [
            "config.value@1:8", "config.value@2:6", "config.value@5:5", "config.value@6:10",
        ])
        #expect(configuration.title == "Notes", "a bad value leaves the default")
    }

    @Test func malformedYAMLIsOneErrorAtItsPlace() {
        let (_, diagnostics) = reader.read("title: T\n  bad: indentation: here\n")
        #expect(diagnostics.map(\.id) == [.configYAML])
        #expect(diagnostics.first?.location.line == 2)
        #expect(located(reader.read("- a list\n").1) == ["config.yaml@1:1"])
    }

    @Test func flagsWinOverTheFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("title: From the file\nnotes: Chapters\n".utf8).write(to: root.appendingPathComponent("derive.yml"))
        let course = Course.open(root: root) { $0.notes = "Elsewhere" }
        #expect(course.configuration.title == "From the file")
        #expect(course.directory.displayPath == "Elsewhere")
        #expect(course.directory.url.path == root.appendingPathComponent("Elsewhere").standardizedFileURL.path)
    }

    @Test func printTurnsTheWholeCoursePageOnOrOff() {
        #expect(reader.read("title: T\n").0.print == true)
        let (off, none) = reader.read("print: false\n")
        #expect(off.print == false && none.isEmpty)
        let (_, wrong) = reader.read("title: T\nprint: sometimes\n")
        #expect(located(wrong) == ["config.value@2:8"])
    }
}
