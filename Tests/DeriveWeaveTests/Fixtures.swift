import DeriveCore
import DeriveResolve
import DeriveWeave
import Foundation

/// Hand-built notes and throwaway folders for the weave's tests.
enum Fixtures {
    static func location(_ path: String, _ line: Int, _ column: Int = 1) -> NoteLocation {
        NoteLocation(file: path, line: line, column: column)
    }

    static func text(_ string: String) -> [Inline] { [.text(string)] }

    static func paragraph(_ content: [Inline], _ path: String = "Notes/01-a.md", line: Int = 3) -> Block {
        .paragraph(Paragraph(content: content, location: location(path, line)))
    }

    static func heading(_ level: Int, _ title: String, anchor: String, _ path: String = "Notes/01-a.md", line: Int = 1) -> Block {
        .heading(Heading(level: level, content: text(title), anchor: anchor, location: location(path, line)))
    }

    static func code(
        _ code: String, language: String = "swift", role: CodeRole? = nil, chunk: String? = nil,
        implements: [String] = [], ignored: Bool = false, path: String = "Notes/01-a.md", line: Int = 10
    ) -> Block {
        .code(CodeBlock(
            language: language, words: [],
            attributes: CodeAttributes(role: role, chunkName: chunk, implements: implements, isIgnored: ignored),
            code: code, location: location(path, line), firstCodeLine: line + 1, codeColumn: 1
        ))
    }

    static func equation(_ tex: String, label: String? = nil, path: String = "Notes/01-a.md", line: Int = 5) -> Block {
        .math(DisplayMath(tex: tex, label: label, location: location(path, line), texLocation: location(path, line, 3)))
    }

    /// A note at `Notes/<stem>.md`.
    static func note(
        _ stem: String, title: String? = nil, summary: String? = nil, draft: Bool = false, blocks: [Block]
    ) -> Note {
        Note(
            path: "Notes/\(stem).md", stem: stem, title: title ?? stem, summary: summary, isDraft: draft,
            blocks: blocks, sourceDigest: "digest-\(stem)"
        )
    }

    /// A theme folder holding `files` (`note.mustache`: its text), removed by the caller's `defer`.
    static func theme(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derive-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// A fresh folder with an empty `Notes/`, removed by the caller's `defer`.
    static func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weave-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Notes"), withIntermediateDirectories: true)
        return folder
    }
}

/// A site built into a throwaway workspace, with helpers to read its pages.
struct BuiltSite {
    let workspace: URL
    let summary: SiteSummary

    var site: URL { workspace.appendingPathComponent("Site") }

    /// Resolves `notes` and builds them with `reports` into `<workspace>/Site`; throws
    /// `DiagnosticError` when the build found errors (and so wrote nothing). A workspace made
    /// here is removed again when the build throws.
    init(
        _ notes: [Note], reports: CheckReports? = nil, options: SiteOptions = SiteOptions(), in workspace: URL? = nil
    ) throws {
        let folder = try workspace ?? Fixtures.workspace()
        do {
            let directory = NoteDirectory(url: folder.appendingPathComponent("Notes"), displayPath: "Notes")
            summary = try SiteBuilder(options: options).build(
                notes: notes, resolutions: notes.map { Resolver().resolve($0).resolution }, reports: reports,
                assets: try directory.contents().otherFiles, notesDirectory: directory,
                siteDirectory: folder.appendingPathComponent("Site")
            )
            if summary.diagnostics.containsErrors { throw DiagnosticError(diagnostics: summary.diagnostics) }
        } catch {
            if workspace == nil { try? FileManager.default.removeItem(at: folder) }
            throw error
        }
        self.workspace = folder
    }

    /// The text of the site's file at `path`.
    func page(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path)
    }

    func remove() { try? FileManager.default.removeItem(at: workspace) }
}

/// A weave that found errors, with all it found.
struct DiagnosticError: Error {
    var diagnostics: [Diagnostic]
}
