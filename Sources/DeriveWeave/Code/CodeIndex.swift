import DeriveCore

/// The cross-references between a note's code blocks and equations, found before rendering:
/// blocks are numbered `code-1`, `code-2`... in document order, the order rendering visits them.
struct CodeIndex {
    /// A code block as other places link to it.
    struct Entry: Hashable {
        /// The block's number in the note, from 1.
        var number: Int
        /// The block's role, if it has one.
        var role: CodeRole?

        /// The block's anchor.
        var anchor: String { "code-\(number)" }
        /// How a link to the block reads: `code 3 (Gradient)`.
        var linkText: String { "code \(number)" + (role.map { " (\($0.label))" } ?? "") }
    }

    /// Chunk name to the blocks that define it, in document order.
    private(set) var definitions: [String: [Entry]] = [:]
    /// Chunk name to the blocks with a `<<name>>` line, in document order.
    private(set) var uses: [String: [Entry]] = [:]
    /// Equation label to the blocks that say they implement it, in document order.
    private(set) var implementers: [String: [Entry]] = [:]
    /// Chunks referenced by a line without indentation: their declarations are top-level ones,
    /// where an indented reference puts them inside a body, as locals.
    private(set) var topLevelChunks: Set<String> = []

    /// Indexes `note`'s code blocks.
    init(note: Note) {
        for (offset, block) in note.codeBlocks.enumerated() {
            let entry = Entry(number: offset + 1, role: block.attributes.role)
            if let name = block.attributes.chunkName { definitions[name, default: []].append(entry) }
            for label in block.attributes.implements { implementers[label, default: []].append(entry) }
            guard block.language == "swift" else { continue }
            var referenced: Set<String> = []
            for line in block.lines {
                guard let reference = ChunkReference(line: line) else { continue }
                if reference.indentation.isEmpty { topLevelChunks.insert(reference.name) }
                if referenced.insert(reference.name).inserted { uses[reference.name, default: []].append(entry) }
            }
        }
    }
}
