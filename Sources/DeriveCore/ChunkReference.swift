/// A line of code that consists of a chunk reference `<<name>>`, with the indentation before it.
public struct ChunkReference: Hashable, Sendable {
    /// How deep chunk references may nest: a reference below this many levels of expansion is an
    /// error (`chunk.too-deep`) and is not expanded.
    public static let maximumNesting = 1000
    /// How many bytes chunk expansion may add to one note's tangled code (16 MiB, more code than
    /// any note of the corpus holds): a reference whose expansion would go past it is an error (`chunk.too-large`)
    /// and is not expanded. A chunk used twice at each of 30 levels would otherwise expand 2^30 times.
    public static let maximumExpansion = 16 << 20

    /// The referenced chunk's name.
    public var name: String
    /// The whitespace before `<<`, which prefixes every line of the expansion.
    public var indentation: Substring

    /// Reads `line` as a chunk reference: optional indentation, `<<name>>`, optional trailing
    /// whitespace, nothing else. Returns nil for any other line.
    public init?(line: Substring) {
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        var rest = line[indentation.endIndex...]
        // Nearly every line of code is refused here, at its first bytes past the indentation.
        guard rest.utf8.starts(with: "<<".utf8) else { return nil }
        while let last = rest.last, last == " " || last == "\t" { rest = rest.dropLast() }
        guard rest.hasPrefix("<<"), rest.hasSuffix(">>"), rest.count > 4 else { return nil }
        let name = rest.dropFirst(2).dropLast(2)
        guard !name.containsBytes("<<"), !name.containsBytes(">>"), name.allSatisfy({ !$0.isNewline }) else { return nil }
        self.name = String(name)
        self.indentation = indentation
    }
}
