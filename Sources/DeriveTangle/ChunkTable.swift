import DeriveCore

/// A note's named chunks: each name with the compiled blocks that define it, in document order
/// (defining a name twice appends to it).
struct ChunkTable {
    private(set) var definitions: [String: [CodeBlock]] = [:]

    /// The chunks defined by the compiled blocks of `note`.
    init(_ note: Note) {
        for block in note.codeBlocks where block.isCompiled {
            if let name = block.attributes.chunkName { definitions[name, default: []].append(block) }
        }
    }

    /// The blocks that define `name`, or nil when nothing does.
    subscript(name: String) -> [CodeBlock]? { definitions[name] }
}
