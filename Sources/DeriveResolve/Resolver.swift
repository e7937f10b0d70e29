import DeriveCore
import Foundation

/// The resolve stage: numbers a note's equations and code blocks, links citations and
/// `implements=` to equations, and builds the chunk table, with a diagnostic for every reference
/// that resolves to nothing.
public struct Resolver: Sendable {
    /// The calls that declare a note's derivation check (see DeriveRuntime's `checkDerivation`).
    public static let checkCalls = ["checkDerivation(", "checkDerivationWithoutAutodiff("]

    /// Creates a resolver.
    public init() {}

    /// Resolves `note` as a course of its own.
    public func resolve(_ note: Note) -> (resolution: NoteResolution, diagnostics: [Diagnostic]) {
        let resolved = resolve([note])
        return (resolved.resolutions[0], resolved.diagnostics)
    }

    /// Resolves every note of a course: what is local to each note first, then citations and
    /// links across notes, checked against the notes' anchors and the course's other files
    /// (`assets`, paths relative to the notes folder).
    public func resolve(_ notes: [Note], assets: [String] = []) -> (resolutions: [NoteResolution], diagnostics: [Diagnostic]) {
        // What is local to a note needs no other note: one note per core at once, in order.
        let local = Array(notes.indices).concurrentMap(jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            var found: [Diagnostic] = []
            let resolution = resolveLocally(notes[index], number: Self.noteNumber(of: notes[index], at: index), diagnostics: &found)
            return (resolution, found)
        }
        var diagnostics = local.flatMap(\.1)
        var resolutions = local.map(\.0)
        diagnostics += ExerciseTable.duplicates(in: resolutions, notes: notes)
        let index = CourseIndex(notes: notes, resolutions: resolutions, assets: assets)
        for position in notes.indices {
            index.resolveReferences(of: notes[position], position: position, into: &resolutions[position], diagnostics: &diagnostics)
        }
        return (resolutions, diagnostics.sortedByLocation())
    }

    /// Resolves anew the note at `position` of `notes` when it is the only note that changed
    /// since `resolutions` resolved the course: the resolution `resolve(notes, assets:)` gives it,
    /// with the diagnostics found in that note alone (not those another note's citations of it
    /// or the course's exercise names may now raise), without resolving the other notes again.
    public func resolve(
        noteAt position: Int, of notes: [Note], resolutions: [NoteResolution], assets: [String] = []
    ) -> (resolution: NoteResolution, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var resolution = resolveLocally(notes[position], number: Self.noteNumber(of: notes[position], at: position), diagnostics: &diagnostics)
        var others = resolutions
        others[position] = resolution
        let index = CourseIndex(notes: notes, resolutions: others, assets: assets)
        index.resolveReferences(of: notes[position], position: position, into: &resolution, diagnostics: &diagnostics)
        return (resolution, diagnostics.sortedByLocation())
    }

    /// The number a note's equations are cited with from other notes: the numbers its folders'
    /// and file's names start with (`02-relu.md` -> 2, `01-basics/03-chain.md` -> 1.3; a folder's
    /// `index.md` takes the folder's), else its place in reading order from 1.
    static func noteNumber(of note: Note, at index: Int) -> String {
        var names = note.relativePath.split(separator: "/")
        if note.isFolderIndex { names.removeLast() }
        let numbers = names.compactMap { name in Int(name.prefix { $0.isASCII && $0.isNumber }) }
        guard !numbers.isEmpty, numbers.count == names.count else { return String(index + 1) }
        return numbers.map(String.init).joined(separator: ".")
    }

    private func resolveLocally(_ note: Note, number: String, diagnostics: inout [Diagnostic]) -> NoteResolution {
        let equations = numberEquations(note, diagnostics: &diagnostics)
        let labels = Set(equations.map(\.label))
        let code = note.codeBlocks
        var blocks: [ResolvedCodeBlock] = []
        for (index, block) in code.enumerated() {
            for label in block.attributes.implements where !labels.contains(label) {
                diagnostics.append(Diagnostic(
                    .error, .implementsUnknownLabel, "'implements=\(label)' names an equation label that this note does not define",
                    at: block.location))
            }
            var references: [String] = []
            if block.language == "swift" {
                for line in block.lines {
                    if let reference = ChunkReference(line: line), !references.contains(reference.name) { references.append(reference.name) }
                }
            }
            blocks.append(ResolvedCodeBlock(
                number: index + 1, role: block.attributes.role, isCompiled: block.isCompiled,
                chunkName: block.language == "swift" ? block.attributes.chunkName : nil,
                references: references, implements: block.attributes.implements.filter(labels.contains)))
        }
        diagnostics += ImplementsRule.diagnostics(for: code, equations: note.displayMath)
        var graph = ChunkGraph(note: note, blocks: blocks)
        let chunks = graph.resolve()
        diagnostics += graph.diagnostics
        let declaresCheck = code.contains { block in block.isCompiled && Self.checkCalls.contains { block.code.containsBytes($0) } }
        if !declaresCheck, let gradient = code.first(where: { $0.isCompiled && $0.attributes.role == .gradient }) {
            diagnostics.append(Diagnostic(
                .warning, .checkMissing,
                "this note derives gradients but declares no derivation check; add a test block calling checkDerivation(...)",
                at: gradient.location))
        }
        var resolution = NoteResolution(
            notePath: note.path, equations: equations, codeBlocks: blocks, chunks: chunks, declaresDerivationCheck: declaresCheck,
            noteNumber: number)
        resolution.unexpandedReferenceLines = graph.refusedLines
        resolution.figures = numberFigures(note, diagnostics: &diagnostics)
        resolution.footnotes = orderFootnotes(note, diagnostics: &diagnostics)
        let exercises = ExerciseTable(note: note).exercises()
        resolution.exercises = exercises.exercises
        diagnostics += exercises.diagnostics
        return resolution
    }

    /// The footnotes the note refers to, in the order of their first reference.
    private func orderFootnotes(_ note: Note, diagnostics: inout [Diagnostic]) -> [String] {
        var defined: [String: Footnote] = [:]
        for footnote in note.footnotes {
            if let first = defined[footnote.label] {
                diagnostics.append(Diagnostic(
                    .error, .footnoteDuplicate, "footnote '[^\(footnote.label)]' is already defined at line \(first.location.line)",
                    at: footnote.location))
            } else {
                defined[footnote.label] = footnote
            }
        }
        var order: [String] = []
        var ordered = Set<String>()
        var undefined = Set<String>()
        for label in note.footnoteReferences where !ordered.contains(label) && !undefined.contains(label) {
            if defined[label] == nil {
                undefined.insert(label)
                diagnostics.append(Diagnostic(
                    .error, .footnoteUndefined, "'[^\(label)]' refers to a footnote this note does not define (write '[^\(label)]: text')",
                    at: NoteLocation(file: note.path, line: 1)))
            } else {
                order.append(label)
                ordered.insert(label)
            }
        }
        for footnote in note.footnotes where !ordered.contains(footnote.label) && defined[footnote.label] == footnote {
            diagnostics.append(Diagnostic(
                .warning, .footnoteUnused, "footnote '[^\(footnote.label)]' is defined but never referred to", at: footnote.location))
        }
        return order
    }

    /// The note's figures, numbered in document order: its images standing alone, and the
    /// figures its `example` blocks declare (`figure=`), which the check pass draws.
    private func numberFigures(_ note: Note, diagnostics: inout [Diagnostic]) -> [NumberedFigure] {
        var declared: [(label: String?, location: NoteLocation)] = note.figures.map { ($0.label, $0.location) }
        for block in note.codeBlocks where !block.attributes.figures.isEmpty {
            guard block.isCompiled && block.attributes.role == .example else {
                diagnostics.append(Diagnostic(
                    .error, .exampleFigureOutsideExample,
                    "'figure=' belongs on a compiled 'example' block, whose code draws the figure when the checks run",
                    at: block.location))
                continue
            }
            declared += block.attributes.figures.map { ($0, block.location) }
        }
        var figures: [NumberedFigure] = []
        var firstLine: [String: Int] = [:]
        for figure in declared.enumerated().sorted(by: { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }) {
            let (label, location) = figure.element
            if let label {
                if let line = firstLine[label] {
                    diagnostics.append(Diagnostic(
                        .error, .labelDuplicate, "figure label '\(label)' is already defined at line \(line)",
                        at: location))
                } else {
                    firstLine[label] = location.line
                }
            }
            figures.append(NumberedFigure(label: label, number: figures.count + 1, location: location))
        }
        return figures
    }

    private func numberEquations(_ note: Note, diagnostics: inout [Diagnostic]) -> [NumberedEquation] {
        var equations: [NumberedEquation] = []
        // Each label's first equation, by label: a note of many equations is not searched once per equation.
        var firstLine: [String: Int] = [:]
        for math in note.displayMath {
            guard let label = math.label else { continue }
            let location = math.labelLocation ?? math.location
            if let line = firstLine[label] {
                diagnostics.append(Diagnostic(
                    .error, .labelDuplicate, "equation label '\(label)' is already defined at line \(line)",
                    at: location))
            } else {
                firstLine[label] = location.line
                equations.append(NumberedEquation(label: label, number: equations.count + 1, location: location))
            }
        }
        return equations
    }
}
