import DeriveCore
import Foundation

/// The files of a site that are copied, not rendered: the stylesheet, KaTeX's CSS and fonts,
/// and the notes folder's own files (images, data), at the same relative paths.
struct SiteAssets {
    /// Where the files go.
    let files: SiteFileWriter

    /// The site folder being written.
    private var destination: URL { files.staging }

    /// Copies Derive's stylesheet from the module's assets, and the course's `theme.css` (empty
    /// when the course has none), which every page loads after it.
    func copyStylesheet(from assets: URL, theme: URL?) throws {
        try copy(assets.appendingPathComponent("style.css"), to: "style.css")
        let own = theme?.appendingPathComponent("theme.css")
        if let own, FileManager.default.fileExists(atPath: own.path) {
            try copy(own, to: "theme.css")
        } else {
            try files.write(Data("/* The course's own styles: a theme folder's theme.css (see Documentation/Themes.md). */\n".utf8), to: "theme.css")
        }
    }

    /// Copies the pages' script, the favicon, and lunr for the search page.
    func copyScripts(from assets: URL, lunr: URL) throws {
        try copy(assets.appendingPathComponent("derive.js"), to: "derive.js")
        try copy(assets.appendingPathComponent("favicon.svg"), to: "favicon.svg")
        try copy(lunr.appendingPathComponent("lunr.min.js"), to: "lunr/lunr.min.js")
    }

    /// Copies `katex.min.css` and the fonts it names into `katex/`.
    func copyKaTeX(from katex: URL) throws {
        try copy(katex.appendingPathComponent("katex.min.css"), to: "katex/katex.min.css")
        // Debian's fonts folder is a symbolic link into /usr/share/fonts; copy what it points to.
        let fonts = katex.appendingPathComponent("fonts").resolvingSymlinksInPath()
        for name in try contents(of: fonts) where !name.hasPrefix(".") {
            try copy(fonts.appendingPathComponent(name), to: "katex/fonts/\(name)")
        }
    }

    /// Copies the notes folder's other files (images, data) at their relative paths; a file whose
    /// path the site already uses (`style.css`, a page) is an error, not an overwrite.
    func copyNoteFiles(_ files: [NoteDirectory.File], from notes: NoteDirectory) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for file in files {
            if FileManager.default.fileExists(atPath: destination.appendingPathComponent(file.relativePath).path) {
                diagnostics.append(Diagnostic(
                    .error, .fileCollision, "\(file.relativePath) would replace a file the site generates; rename it",
                    at: NoteLocation(file: notes.displayPath(of: file), line: 1)))
                continue
            }
            try copy(file.url, to: file.relativePath)
        }
        return diagnostics
    }

    private func contents(of folder: URL) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw WeaveError.fileSystem("cannot list \(folder.path): \(error)")
        }
    }

    /// Copies the bytes of `source` (following symbolic links) to `relative` in the site.
    private func copy(_ source: URL, to relative: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw WeaveError.fileSystem("cannot copy \(source.path) to \(relative): \(error)")
        }
        try files.write(data, to: relative)
    }
}
