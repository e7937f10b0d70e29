import DeriveCore

/// What one note's cross-references resolve to: equation numbers, code-block numbers, chunks and
/// `implements=` links. Tangle and weave both read it; nothing is resolved twice.
public struct NoteResolution: Codable, Hashable, Sendable {
    /// The note's path (`Notes/01-intro.md`).
    public var notePath: String
    /// The labelled equations, numbered in document order from 1 (a duplicate label keeps its first).
    public var equations: [NumberedEquation]
    /// Every code block of the note, numbered in document order from 1, as the page shows them.
    public var codeBlocks: [ResolvedCodeBlock]
    /// The chunks, by name.
    public var chunks: [String: Chunk]
    /// Whether a compiled block declares the note's derivation check.
    public var declaresDerivationCheck: Bool
    /// The note's number in the course, which prefixes the numbers other notes cite (`(2.3)`):
    /// the numbers its path's names start with (`2` for `02-relu.md`, `1.3` for
    /// `01-basics/03-chain.md`), else its place in reading order.
    public var noteNumber: String
    /// The note lines of `<<name>>` references left unexpanded because their expansion would make
    /// the note's code too large (`chunk.too-large`); the tangler skips them.
    public var unexpandedReferenceLines: [Int] = []
    /// The figures, numbered in document order from 1.
    public var figures: [NumberedFigure] = []
    /// What each label the note cites leads to, by label (`eq-delta`), in this note or another.
    public var citations: [String: CitationTarget] = [:]
    /// The labels of the footnotes the note refers to, in the order of their first reference,
    /// which numbers them.
    public var footnotes: [String] = []
    /// Where each relative link to a note leads, by destination as written (`02-relu.md#delta`
    /// -> `02-relu.html#delta`), as a path from the site's root.
    public var links: [String: String] = [:]
    /// The note's exercises, in the order of their stubs.
    public var exercises: [Exercise] = []

    /// Creates a resolution.
    public init(
        notePath: String, equations: [NumberedEquation], codeBlocks: [ResolvedCodeBlock], chunks: [String: Chunk],
        declaresDerivationCheck: Bool, noteNumber: String = "1"
    ) {
        self.notePath = notePath
        self.equations = equations
        self.codeBlocks = codeBlocks
        self.chunks = chunks
        self.declaresDerivationCheck = declaresDerivationCheck
        self.noteNumber = noteNumber
    }

    /// The number of the figure at `location`, if it is a figure of the note.
    public func figureNumber(at location: NoteLocation) -> Int? {
        figures.first { $0.location == location }?.number
    }

    /// The number of the figure labelled `label`, if the note defines it.
    public func figureNumber(of label: String) -> Int? {
        figures.first { $0.label == label }?.number
    }

    /// The number of the equation labelled `label`, if the note defines it.
    public func equationNumber(of label: String) -> Int? {
        equations.first { $0.label == label }?.number
    }

    /// The exercise that the block numbered `number` is the stub, the solution or a test of.
    public func exercise(ofBlock number: Int) -> Exercise? {
        exercises.first { $0.stub == number || $0.solution == number || $0.tests.contains(number) }
    }

    /// The blocks that implement the equation labelled `label`, in document order.
    public func implementers(of label: String) -> [ResolvedCodeBlock] {
        codeBlocks.filter { $0.implements.contains(label) }
    }
}

/// A labelled display equation and its number in the note.
public struct NumberedEquation: Codable, Hashable, Sendable {
    /// The label (`eq-delta`).
    public var label: String
    /// The equation's number, from 1.
    public var number: Int
    /// Where the label is written.
    public var location: NoteLocation

    /// Creates a numbered equation.
    public init(label: String, number: Int, location: NoteLocation) {
        self.label = label
        self.number = number
        self.location = location
    }
}

/// A code block as the other blocks and the page refer to it.
public struct ResolvedCodeBlock: Codable, Hashable, Sendable {
    /// The block's number in the note, from 1 (its index in `Note.codeBlocks` plus one).
    public var number: Int
    /// The block's role, if it has one.
    public var role: CodeRole?
    /// Whether the block is compiled.
    public var isCompiled: Bool
    /// The chunk it defines, if any.
    public var chunkName: String?
    /// The chunks its `<<name>>` lines refer to, each once, in order (Swift blocks only).
    public var references: [String]
    /// The labels of the equations it implements (only labels the note defines).
    public var implements: [String]

    /// Creates a resolved block.
    public init(
        number: Int, role: CodeRole?, isCompiled: Bool, chunkName: String?, references: [String], implements: [String]
    ) {
        self.number = number
        self.role = role
        self.isCompiled = isCompiled
        self.chunkName = chunkName
        self.references = references
        self.implements = implements
    }

    /// The block's anchor on its page (`code-3`).
    public var anchor: String { "code-\(number)" }
}

/// A named chunk: the blocks that define it and the blocks that use it.
public struct Chunk: Codable, Hashable, Sendable {
    /// The chunk's name.
    public var name: String
    /// The compiled blocks that define it, in document order; expanded in this order.
    public var definitions: [Int]
    /// The compiled blocks with a `<<name>>` line, in document order.
    public var uses: [Int]
    /// The Swift blocks that are shown but not compiled (`ignore`) and have a `<<name>>` line.
    public var shownUses: [Int]
    /// Whether the tangled code contains it: it is reached from a block compiled where it stands.
    public var isCompiled: Bool
    /// Whether a compiled use stands at the start of its line, so its declarations are top-level ones.
    public var isTopLevel: Bool

    /// Creates a chunk.
    public init(name: String, definitions: [Int], uses: [Int], shownUses: [Int], isCompiled: Bool, isTopLevel: Bool) {
        self.name = name
        self.definitions = definitions
        self.uses = uses
        self.shownUses = shownUses
        self.isCompiled = isCompiled
        self.isTopLevel = isTopLevel
    }
}

/// A figure and its number in the note.
public struct NumberedFigure: Codable, Hashable, Sendable {
    /// The label (`fig-network`), if it has one.
    public var label: String?
    /// The figure's number, from 1.
    public var number: Int
    /// Where the figure's image starts.
    public var location: NoteLocation

    /// Creates a numbered figure.
    public init(label: String?, number: Int, location: NoteLocation) {
        self.label = label
        self.number = number
        self.location = location
    }
}

/// What a citation leads to: a page, an anchor on it, and the text the citation shows.
public struct CitationTarget: Codable, Hashable, Sendable {
    /// The cited note's page, from the site's root (`02-relu.html`).
    public var pagePath: String
    /// The anchor on that page (the label).
    public var anchor: String
    /// What the citation reads: `(3)` in its own note, `(2.3)` from another; `Figure 1`,
    /// `Figure 2.1`; a section's title.
    public var text: String

    /// Creates a target.
    public init(pagePath: String, anchor: String, text: String) {
        self.pagePath = pagePath
        self.anchor = anchor
        self.text = text
    }
}
