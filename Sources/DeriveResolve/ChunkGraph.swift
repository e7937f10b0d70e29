import DeriveCore

/// A note's chunks as a graph of references, walked from the blocks that are compiled where they
/// stand (compiled blocks that define no chunk), as the tangler expands them.
struct ChunkGraph {
    private let note: Note
    private let code: [CodeBlock]
    private let blocks: [ResolvedCodeBlock]
    private var definitions: [String: [Int]] = [:]
    /// Chunks fully walked: reached from a root, with every reference below them seen.
    private var walked: Set<String> = []
    private var reached: Set<String> = []
    private var topLevel: Set<String> = []
    private var reported: Set<NoteLocation> = []
    /// Undefined chunks, cycles and expansions too large, at the referencing line.
    private(set) var diagnostics: [Diagnostic] = []
    /// The note lines of references left unexpanded because their expansion is too large.
    private(set) var refusedLines: [Int] = []

    init(note: Note, blocks: [ResolvedCodeBlock]) {
        self.note = note
        self.code = note.codeBlocks
        self.blocks = blocks
        for block in blocks where block.isCompiled {
            if let name = block.chunkName { definitions[name, default: []].append(block.number) }
        }
    }

    /// Every chunk with its definitions and uses; reports undefined chunks, cycles and unused chunks.
    mutating func resolve() -> [String: Chunk] {
        for block in blocks where block.isCompiled && block.chunkName == nil {
            walk(block.number, stack: [])
        }
        var expansion = ChunkExpansion(note: note, definitions: definitions)
        expansion.measure(roots: blocks.filter { $0.isCompiled && $0.chunkName == nil }.map(\.number))
        diagnostics += expansion.diagnostics
        refusedLines = expansion.refusedLines
        var names = Set(definitions.keys)
        for block in blocks { names.formUnion(block.references.filter { definitions[$0] != nil }) }
        var referencingBlocks: [String: [ResolvedCodeBlock]] = [:]
        for block in blocks {
            for name in Set(block.references) { referencingBlocks[name, default: []].append(block) }
        }
        var chunks: [String: Chunk] = [:]
        for name in names.sorted() {
            let referencing = referencingBlocks[name] ?? []
            chunks[name] = Chunk(
                name: name, definitions: definitions[name] ?? [],
                uses: referencing.filter(\.isCompiled).map(\.number), shownUses: referencing.filter { !$0.isCompiled }.map(\.number),
                isCompiled: reached.contains(name), isTopLevel: topLevel.contains(name))
            if let first = definitions[name]?.first, !reached.contains(name) {
                diagnostics.append(Diagnostic(
                    .warning, .chunkUnused, "chunk '\(name)' is defined but no '<<\(name)>>' uses it, so it is not compiled",
                    at: code[first - 1].location))
            }
        }
        return chunks
    }

    private mutating func walk(_ number: Int, stack: [String]) {
        let block = code[number - 1]
        for (offset, line) in block.lines.enumerated() {
            guard let reference = ChunkReference(line: line) else { continue }
            let location = NoteLocation(
                file: note.path, line: block.firstCodeLine + offset, column: block.codeColumn + reference.indentation.utf8.count)
            let name = reference.name
            if let start = stack.firstIndex(of: name) {
                let cycle = (stack[start...] + [name]).map { "<<\($0)>>" }.joined(separator: " -> ")
                report(Diagnostic(.error, .chunkCycle, "chunk references form a cycle: \(cycle)", at: location))
                continue
            }
            guard let definitions = definitions[name] else {
                report(Diagnostic(
                    .error, .chunkUndefined,
                    "'<<\(name)>>' refers to a chunk that no swift block of this note defines (write '#\(name)' in a block's info string)",
                    at: location))
                continue
            }
            reached.insert(name)
            if reference.indentation.isEmpty { topLevel.insert(name) }
            guard !walked.contains(name) else { continue }
            guard stack.count < ChunkReference.maximumNesting else {
                report(Diagnostic(
                    .error, .chunkTooDeep,
                    "'<<\(name)>>' nests chunks more than \(ChunkReference.maximumNesting) deep; Derive expands at most \(ChunkReference.maximumNesting) levels",
                    at: location))
                continue
            }
            for definition in definitions { walk(definition, stack: stack + [name]) }
            walked.insert(name)
        }
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic.location).inserted { diagnostics.append(diagnostic) }
    }
}
