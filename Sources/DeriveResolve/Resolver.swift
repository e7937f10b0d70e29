import DeriveCore

/// The resolve stage: numbers a note's equations and code blocks, links citations and
/// `implements=` to equations, and builds the chunk table, with a diagnostic for every reference
/// that resolves to nothing.
public struct Resolver: Sendable {
    /// The calls that declare a note's derivation check (see DeriveRuntime's `checkDerivation`).
    public static let checkCalls = ["checkDerivation(", "checkDerivationWithoutAutodiff("]

    /// Creates a resolver.
    public init() {}

    /// Resolves `note`.
    public func resolve(_ note: Note) -> (resolution: NoteResolution, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let equations = numberEquations(note, diagnostics: &diagnostics)
        let labels = Set(equations.map(\.label))
        for citation in note.citations where !labels.contains(citation.label) {
            diagnostics.append(Diagnostic(
                .error, .citationUnknownLabel, "'@\(citation.label)' cites an equation label that this note does not define",
                at: citation.location))
        }
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
        var graph = ChunkGraph(note: note, blocks: blocks)
        let chunks = graph.resolve()
        diagnostics += graph.diagnostics
        let declaresCheck = code.contains { block in block.isCompiled && Self.checkCalls.contains { block.code.contains($0) } }
        if !declaresCheck, let gradient = code.first(where: { $0.isCompiled && $0.attributes.role == .gradient }) {
            diagnostics.append(Diagnostic(
                .warning, .checkMissing,
                "this note derives gradients but declares no derivation check; add a test block calling checkDerivation(...)",
                at: gradient.location))
        }
        let resolution = NoteResolution(
            notePath: note.path, equations: equations, codeBlocks: blocks, chunks: chunks, declaresDerivationCheck: declaresCheck)
        return (resolution, diagnostics.sortedByLocation())
    }

    private func numberEquations(_ note: Note, diagnostics: inout [Diagnostic]) -> [NumberedEquation] {
        var equations: [NumberedEquation] = []
        for math in note.displayMath {
            guard let label = math.label else { continue }
            let location = math.labelLocation ?? math.location
            if let first = equations.first(where: { $0.label == label }) {
                diagnostics.append(Diagnostic(
                    .error, .labelDuplicate, "equation label '\(label)' is already defined at line \(first.location.line)",
                    at: location))
            } else {
                equations.append(NumberedEquation(label: label, number: equations.count + 1, location: location))
            }
        }
        return equations
    }
}
