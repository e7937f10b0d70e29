import DeriveCore
import Foundation

/// The files of a site that are copied, not rendered: the stylesheet, KaTeX's CSS and fonts,
/// and the notes folder's own files (images, data), at the same relative paths.
struct SiteAssets {
    /// The site folder being written.
    let destination: URL

    /// Copies Derive's stylesheet from the module's assets.
    func copyStylesheet(from assets: URL) throws {
        try copy(assets.appendingPathComponent("style.css"), to: "style.css")
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

    /// Copies every file under `notes` except Markdown and hidden files, keeping relative paths;
    /// a file whose path the site already uses (`style.css`, a page) is an error, not an overwrite.
    func copyNoteFiles(from notes: URL, notesPath: String) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for relative in try files(under: notes.resolvingSymlinksInPath(), prefix: "") {
            if FileManager.default.fileExists(atPath: destination.appendingPathComponent(relative).path) {
                diagnostics.append(Diagnostic(
                    .error, "weave.file.collision",
                    "\(relative) would replace a file the site generates; rename it",
                    at: NoteLocation(file: notesPath.isEmpty ? relative : "\(notesPath)/\(relative)", line: 1)
                ))
                continue
            }
            try copy(notes.appendingPathComponent(relative), to: relative)
        }
        return diagnostics
    }

    /// The relative paths of the files to copy under `folder`, sorted.
    private func files(under folder: URL, prefix: String) throws -> [String] {
        var found: [String] = []
        for name in try contents(of: folder) where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                found += try files(under: url, prefix: prefix + name + "/")
            } else if url.pathExtension.lowercased() != "md" {
                found.append(prefix + name)
            }
        }
        return found
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
        let target = destination.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: source).write(to: target)
        } catch {
            throw WeaveError.fileSystem("cannot copy \(source.path) to \(relative): \(error)")
        }
    }
}
