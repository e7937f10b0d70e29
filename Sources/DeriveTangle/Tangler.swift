import DeriveCore
import DeriveResolve
import Foundation

/// Tangles notes into Swift: per note, a module source and a test source.
public struct Tangler: Sendable {
    /// The name of the module the notes compile into; test code imports it with `@testable`.
    public var moduleName: String
    /// Which code of the exercises goes in: their solutions (the default), or their stubs for grading.
    public var exercises: ExerciseCode

    /// A tangler for notes that compile into `moduleName`, with `exercises`' code.
    public init(moduleName: String = "Notes", exercises: ExerciseCode = .solutions) {
        self.moduleName = moduleName
        self.exercises = exercises
    }

    /// Tangles one note, expanding its chunks as `resolution` resolved them.
    public func tangle(_ note: Note, resolution: NoteResolution) -> TangledNote {
        let code = note.codeBlocks
        let chunks = resolution.chunks.mapValues { $0.definitions.map { code[$0 - 1] } }
        let unexpanded = Set(resolution.unexpandedReferenceLines)
        var module = SourceEmitter(notePath: note.path, chunks: chunks, unexpandedLines: unexpanded)
        var tests = SourceEmitter(notePath: note.path, chunks: chunks, unexpandedLines: unexpanded)
        for block in code where block.isCompiled && block.attributes.chunkName == nil && exercises.includes(block) {
            switch block.attributes.role {
            case .test: tests.emit(block)
            case .example: tests.emitExample(block)
            default: module.emit(block)
            }
        }
        return TangledNote(
            notePath: note.path, fileName: Self.fileName(for: note),
            moduleSource: header(for: note, imports: ["Foundation", "_Differentiation", "DeriveRuntime"]) + module.output,
            testSource: header(for: note, imports: ["Foundation", "Testing", "_Differentiation", "DeriveRuntime"])
                + "@testable import \(moduleName)\n\n" + tests.output)
    }

    /// Tangles every note (`resolutions[i]` resolves `notes[i]`), with an error for each pair of
    /// notes that would write the same file; one note per core at once.
    public func tangle(_ notes: [Note], resolutions: [NoteResolution]) -> (tangled: [TangledNote], diagnostics: [Diagnostic]) {
        let tangled = Array(notes.indices).concurrentMap(jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            tangle(notes[index], resolution: resolutions[index])
        }
        return (tangled, OutputCollisions.diagnostics(for: notes))
    }

    /// The file name a note's sources take (`01-intro.swift`, `part-1__01-intro.swift`).
    public static func fileName(for note: Note) -> String { note.tangledFileName }

    private func header(for note: Note, imports: [String]) -> String {
        "// Tangled by Derive from \(note.path). Edit the note, not this file.\n"
            + imports.map { "import \($0)\n" }.joined() + (imports.contains("Testing") ? "" : "\n")
    }
}
