import DeriveCore

/// Tangles notes into Swift: per note, a module source and a test source.
public struct Tangler: Sendable {
    /// The name of the module the notes compile into; test code imports it with `@testable`.
    public var moduleName: String

    /// A tangler for notes that compile into `moduleName`.
    public init(moduleName: String = "Notes") { self.moduleName = moduleName }

    /// Tangles one note, with errors for undefined chunks and reference cycles and a warning for
    /// each chunk defined but never used.
    public func tangle(_ note: Note) -> (tangled: TangledNote, diagnostics: [Diagnostic]) {
        let chunks = ChunkTable(note)
        var module = SourceEmitter(notePath: note.path, chunks: chunks)
        var tests = SourceEmitter(notePath: note.path, chunks: chunks)
        for block in note.codeBlocks where block.isCompiled && block.attributes.chunkName == nil {
            if block.attributes.role == .test { tests.emit(block) } else { module.emit(block) }
        }
        var diagnostics = module.diagnostics + tests.diagnostics
        let used = module.usedChunks.union(tests.usedChunks)
        for (name, definitions) in chunks.definitions.sorted(by: { $0.key < $1.key }) where !used.contains(name) {
            diagnostics.append(Diagnostic(
                .warning, "chunk.unused", "chunk '\(name)' is defined but no '<<\(name)>>' uses it, so it is not compiled",
                at: definitions[0].location))
        }
        let tangled = TangledNote(
            notePath: note.path, fileName: Self.fileName(for: note),
            moduleSource: header(for: note, imports: ["Foundation", "_Differentiation", "DeriveRuntime"]) + module.output,
            testSource: header(for: note, imports: ["Foundation", "Testing", "_Differentiation", "DeriveRuntime"])
                + "@testable import \(moduleName)\n\n" + tests.output)
        return (tangled, diagnostics.sortedByLocation())
    }

    /// Tangles every note, adding an error for each pair of notes that would write the same file.
    public func tangle(_ notes: [Note]) -> (tangled: [TangledNote], diagnostics: [Diagnostic]) {
        var diagnostics = OutputCollisions.diagnostics(for: notes)
        var tangled: [TangledNote] = []
        for note in notes {
            let result = tangle(note)
            tangled.append(result.tangled)
            diagnostics += result.diagnostics
        }
        return (tangled, diagnostics)
    }

    /// The file name a note's sources take: its stem with `.swift` (`01-intro.swift`).
    public static func fileName(for note: Note) -> String { note.stem + ".swift" }

    private func header(for note: Note, imports: [String]) -> String {
        "// Tangled by Derive from \(note.path). Edit the note, not this file.\n"
            + imports.map { "import \($0)\n" }.joined() + (imports.contains("Testing") ? "" : "\n")
    }
}
