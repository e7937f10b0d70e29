import DeriveCore
import DeriveWeave
import Foundation
import Testing

@Suite struct SiteTests {
    private func notes() -> [Note] {
        [
            Fixtures.note("01-intro", title: "Intro", summary: "Why gradients.", blocks: [
                Fixtures.heading(1, "Intro", anchor: "intro", "Notes/01-intro.md"),
                Fixtures.heading(2, "Setup", anchor: "setup", "Notes/01-intro.md"),
                Fixtures.equation("y = Wx + b", label: "eq-forward", path: "Notes/01-intro.md"),
                Fixtures.code("let y = 1.0\n", role: .forward, path: "Notes/01-intro.md"),
                Fixtures.paragraph([.image(source: "images/net.svg", title: "", alt: [.text("a net")])], "Notes/01-intro.md"),
            ]),
            Fixtures.note("02-draft", title: "Draft", draft: true, blocks: [Fixtures.paragraph([.text("wip")], "Notes/02-draft.md")]),
            Fixtures.note("03-relu", title: "ReLU", blocks: [Fixtures.paragraph([.text("max")], "Notes/03-relu.md")]),
        ]
    }

    @Test func writesAnIndexOfListedNotesAndAPagePerNote() throws {
        let built = try BuiltSite(notes())
        defer { built.remove() }
        #expect(built.summary.pages == ["index.html", "01-intro.html", "02-draft.html", "03-relu.html", "print.html", "search.html", "404.html"])
        let index = try built.page("index.html")
        #expect(index.contains("<a class=\"note-title\" href=\"01-intro.html\">Intro</a>"))
        #expect(index.contains("<p class=\"summary\">Why gradients.</p>"))
        #expect(index.contains("<a class=\"note-title\" href=\"03-relu.html\">ReLU</a>"))
        #expect(!index.contains("02-draft"))
        #expect(index.components(separatedBy: "<span class=\"status not-run\">not run</span>").count == 3)

        let intro = try built.page("01-intro.html")
        #expect(intro.contains("<li class=\"level-2\"><a href=\"#setup\">Setup</a></li>"))
        #expect(intro.contains("<a class=\"next\" rel=\"next\" href=\"03-relu.html\">ReLU →</a>"))
        #expect(!intro.contains("rel=\"prev\""))
        #expect(intro.contains("Built from <code>Notes/01-intro.md</code>, digest <code>digest-01-intro</code>."))
        let title = try #require(intro.range(of: "<h1 class=\"title\" id=\"intro\">Intro</h1>"))
        let contents = try #require(intro.range(of: "<nav class=\"contents\""))
        #expect(title.lowerBound < contents.lowerBound)
        #expect(!intro.contains("<h1 id=\"intro\">"))
        let relu = try built.page("03-relu.html")
        #expect(relu.contains("<a class=\"previous\" rel=\"prev\" href=\"01-intro.html\">← Intro</a>"))
        #expect(relu.contains("<h1 class=\"title\">ReLU</h1>"))
        #expect(try built.page("02-draft.html").contains("Draft: this note is not listed in the index."))
        #expect(try built.page("style.css").contains("light-dark("), "the colours follow the reader's light or dark setting")
    }

    @Test func sameInputsGiveAByteIdenticalSite() throws {
        let first = try BuiltSite(notes())
        defer { first.remove() }
        let second = try BuiltSite(notes())
        defer { second.remove() }
        let files = try Self.files(in: first.site)
        #expect(files == (try Self.files(in: second.site)))
        #expect(files.count > 10)
        for file in files {
            let a = try Data(contentsOf: first.site.appendingPathComponent(file))
            let b = try Data(contentsOf: second.site.appendingPathComponent(file))
            #expect(a == b, "\(file) differs")
        }
    }

    @Test func rebuildingDropsThePagesOfDeletedNotes() throws {
        let all = notes()
        let built = try BuiltSite(all)
        defer { built.remove() }
        #expect(built.exists("03-relu.html"))
        let rebuilt = try BuiltSite(Array(all.prefix(2)), in: built.workspace)
        #expect(!rebuilt.exists("03-relu.html"))
        #expect(rebuilt.exists("01-intro.html"))
        #expect(!(try rebuilt.page("index.html")).contains("03-relu"))
    }

    @Test func copiesTheNotesFolderFilesButNotMarkdownOrHiddenFiles() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let notesFolder = workspace.appendingPathComponent("Notes")
        try FileManager.default.createDirectory(at: notesFolder.appendingPathComponent("images/deep"), withIntermediateDirectories: true)
        let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)
        try svg.write(to: notesFolder.appendingPathComponent("images/net.svg"))
        try Data([0, 1, 2, 255]).write(to: notesFolder.appendingPathComponent("images/deep/w.bin"))
        try Data("# Intro".utf8).write(to: notesFolder.appendingPathComponent("01-intro.md"))
        try Data("x".utf8).write(to: notesFolder.appendingPathComponent(".hidden"))
        let built = try BuiltSite(notes(), in: workspace)
        #expect(try Data(contentsOf: built.site.appendingPathComponent("images/net.svg")) == svg)
        #expect(try Data(contentsOf: built.site.appendingPathComponent("images/deep/w.bin")) == Data([0, 1, 2, 255]))
        #expect(!built.exists("01-intro.md"))
        #expect(!built.exists(".hidden"))
        #expect(try built.page("01-intro.html").contains("<img src=\"images/net.svg\" alt=\"a net\" />"))
    }

    @Test func aNotesFileThatWouldReplaceAGeneratedFileIsAnError() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try Data("body{}".utf8).write(to: workspace.appendingPathComponent("Notes/style.css"))
        let error = try #require(throws: DiagnosticError.self) { try BuiltSite(notes(), in: workspace) }
        #expect(error.diagnostics.map(\.id) == [.fileCollision])
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Site").path))
    }

    private static func files(in folder: URL) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        return enumerator.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }.sorted()
    }
}

@Suite("A course's theme")
struct ThemeTests {
    @Test func aThemesTemplatesReplaceDerivesAndItsStylesheetIsLoadedLast() throws {
        let theme = try Fixtures.theme([
            "note.mustache": "<p class=\"mine\">{{title}} by the course</p>{{{body}}}\n", "theme.css": ":root { --link: red; }\n",
        ])
        defer { try? FileManager.default.removeItem(at: theme) }
        let note = Fixtures.note("01-a", title: "Alpha", blocks: [Fixtures.paragraph(Fixtures.text("Text."))])
        let built = try BuiltSite([note], options: SiteOptions(theme: theme))
        defer { built.remove() }
        #expect(try built.page("01-a.html") == "<p class=\"mine\">Alpha by the course</p><p>Text.</p>\n\n")
        #expect(try built.page("theme.css") == ":root { --link: red; }\n")
        #expect(try built.page("index.html").contains("<link rel=\"stylesheet\" href=\"theme.css\">"))

        let plain = try BuiltSite([note])
        defer { plain.remove() }
        #expect(try plain.page("theme.css").hasPrefix("/*"), "without a theme, theme.css is an empty stylesheet")
    }
}
