import Foundation
import PackagePlugin

/// Tangles a target's notes into Swift before it compiles.
///
/// A target's notes are the Markdown files in its folder, a linked folder included: a course
/// links its notes folder into the target (`Sources/Course/Notes -> ../../Notes`), so that SwiftPM
/// watches it and replans the build, running this plugin again, whenever a note is added,
/// renamed or deleted. A test target that depends on such a target gets the notes' `test` blocks,
/// importing the notes' module by that target's name. No target or folder name is fixed.
@main
struct TangleNotes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let isTests = module.kind == .test
        let notesTarget = isTests
            ? module.dependencies.lazy.compactMap(Self.sourceModule).first { !Self.notes(of: $0).isEmpty }
            : module
        guard let notesTarget else {
            Diagnostics.error("TangleNotes: \(target.name) depends on no target with notes (Markdown files in its folder)")
            return []
        }
        let notes = Self.notes(of: notesTarget)
        guard !notes.isEmpty else {
            Diagnostics.warning("TangleNotes: \(target.name) has no notes (Markdown files in its folder) to tangle")
            return []
        }
        let output = context.pluginWorkDirectoryURL.appending(path: isTests ? "tests" : "module")
        var fileNames = Set<String>()
        let outputs = notes.compactMap { note -> URL? in
            let name = Self.tangledFileName(note.relativePath)
            return fileNames.insert(name.lowercased()).inserted ? output.appending(path: name) : nil
        }
        let root = context.package.directoryURL.resolvingSymlinksInPath().path
        return [.buildCommand(
            displayName: "Tangling \(notes.count) notes for \(target.name)",
            executable: try context.tool(named: "derive-tangle").url,
            arguments: [isTests ? "tests" : "module", notesTarget.name, output.path]
                + notes.flatMap { [Self.displayPath(of: $0.url, under: root), $0.relativePath, $0.url.path] },
            inputFiles: notes.map(\.url),
            outputFiles: outputs)]
    }

    private static func sourceModule(_ dependency: TargetDependency) -> SourceModuleTarget? {
        if case .target(let target) = dependency { return target.sourceModule }
        return nil
    }

    /// A note: where it is, and its path inside the folder of notes it belongs to.
    private struct Note {
        var url: URL
        var relativePath: String
    }

    /// The `.md` files in and below the target's folder and the folders linked into it (a linked
    /// folder is a folder of notes of its own: paths inside it are relative to it), hidden ones
    /// left out, links resolved, in path order.
    private static func notes(of target: SourceModuleTarget) -> [Note] {
        var found: [Note] = []
        var folders = [(url: target.directoryURL.resolvingSymlinksInPath(), prefix: "")]
        var seen = Set<String>()
        while let (folder, prefix) = folders.popLast() {
            guard seen.insert(folder.path).inserted else { continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                let entry = folder.appending(path: name)
                let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: entry.path)) != nil
                let url = entry.resolvingSymlinksInPath()
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    folders.append((url, isLink ? "" : prefix + name + "/"))
                } else if url.pathExtension == "md" {
                    found.append(Note(url: url, relativePath: prefix + name))
                }
            }
        }
        return found.sorted { $0.url.path < $1.url.path }
    }

    /// The file name a note's tangled sources take: the rule of `Note.tangledFileName` in
    /// DeriveCore (which a plugin cannot import), `part/01-x.md` -> `part__01-x.swift`.
    private static func tangledFileName(_ relativePath: String) -> String {
        String(relativePath.dropLast(3)).replacingOccurrences(of: "/", with: "__") + ".swift"
    }

    /// The note's path relative to the package (`Notes/01-intro.md`), as diagnostics name it.
    private static func displayPath(of note: URL, under root: String) -> String {
        note.path.hasPrefix(root + "/") ? String(note.path.dropFirst(root.count + 1)) : note.path
    }
}
