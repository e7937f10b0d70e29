import Foundation
import PackagePlugin

/// Tangles a target's notes into Swift before it compiles.
///
/// A library target holds its notes in a folder `Notes` (in Derive, a link to the package's
/// `Notes/`: being inside the target, the folder is watched by SwiftPM, which replans the build,
/// and so runs this plugin again, whenever a note is added, renamed or deleted). A test target
/// that depends on such a target gets the notes' `test` blocks.
@main
struct TangleNotes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let isTests = module.kind == .test
        let notesTarget = isTests ? module.dependencies.lazy.compactMap(Self.sourceModule).first(where: Self.hasNotes) : module
        guard let notesTarget, Self.hasNotes(notesTarget) else {
            Diagnostics.error("TangleNotes: \(target.name) has no 'Notes' folder, and neither has a target it depends on")
            return []
        }
        let folder = notesTarget.directoryURL.appending(path: "Notes")
        let notes = try Self.notes(in: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: isTests ? "tests" : "module")
        var fileNames = Set<String>()
        let outputs = notes.compactMap { note -> URL? in
            let name = note.deletingPathExtension().lastPathComponent + ".swift"
            return fileNames.insert(name.lowercased()).inserted ? output.appending(path: name) : nil
        }
        return [.buildCommand(
            displayName: "Tangling \(notes.count) notes for \(target.name)",
            executable: try context.tool(named: "derive-tangle").url,
            arguments: [isTests ? "tests" : "module", folder.path, Self.displayPath(of: folder, in: context), output.path],
            inputFiles: notes,
            outputFiles: outputs)]
    }

    private static func sourceModule(_ dependency: TargetDependency) -> SourceModuleTarget? {
        if case .target(let target) = dependency { return target.sourceModule }
        return nil
    }

    private static func hasNotes(_ target: SourceModuleTarget) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: target.directoryURL.appending(path: "Notes").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// The `.md` files in and below `folder`, hidden ones left out, in path order.
    private static func notes(in folder: URL) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }

    /// The folder's path relative to the package, links resolved (`Notes`), as diagnostics name it.
    private static func displayPath(of folder: URL, in context: PluginContext) -> String {
        let real = folder.resolvingSymlinksInPath().path
        let root = context.package.directoryURL.resolvingSymlinksInPath().path
        return real.hasPrefix(root + "/") ? String(real.dropFirst(root.count + 1)) : real
    }
}
