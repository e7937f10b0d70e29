import DeriveCore

/// Writes code blocks into one Swift source, expanding `<<name>>` references with their
/// indentation and wrapping every run of note lines in `#sourceLocation`, so that the compiler
/// and the test runners report the note's file and line.
///
/// Chunks come resolved (DeriveResolve): an undefined chunk, a reference that would close a
/// cycle, one nested too deep or one whose expansion is too large expands to nothing here; the
/// resolve stage has already reported it.
struct SourceEmitter {
    let notePath: String
    /// `notePath` escaped for the string literal of a `#sourceLocation`.
    private let escapedPath: String
    /// The compiled blocks that define each chunk, in document order.
    let chunks: [String: [CodeBlock]]
    /// The note lines of the references the resolve stage refused as too large.
    let unexpandedLines: Set<Int>
    /// The bytes chunk expansion has written: where the resolve stage measured a cycle or a chunk
    /// nested too deep (already errors) as smaller than it expands, expansion still stops at the limit.
    private var expandedBytes = 0
    /// The indentation every line of the block being emitted gets (its column in the note), which
    /// the resolve stage does not count.
    private var blockIndentation = 0
    private(set) var output = ""
    /// Whether a `#sourceLocation(file:line:)` is in force.
    private var isMapping = false
    /// The note line the next output line maps to, when it is known.
    private var nextMappedLine: Int?
    /// The last line emitted that is not blank.
    private var lastCodeLine: Substring = ""

    init(notePath: String, chunks: [String: [CodeBlock]], unexpandedLines: Set<Int> = []) {
        self.notePath = notePath
        self.escapedPath = Self.escaped(notePath)
        self.chunks = chunks
        self.unexpandedLines = unexpandedLines
    }

    /// Emits `block`, its code shifted right to the block's column so that columns match the note.
    mutating func emit(_ block: CodeBlock) {
        blockIndentation = max(0, block.codeColumn - 1)
        emit(block, indentation: String(repeating: " ", count: blockIndentation), expanding: [])
        endMapping()
        output += "\n"
    }

    /// Emits an `example` block as a test that runs it while `WorkedExample` records what it
    /// shows: the `@Test` line maps to the block's fence, so an error the block throws is reported
    /// there, and every line of the code to its own note line.
    mutating func emitExample(_ block: CodeBlock) {
        let path = escapedPath
        let line = block.location.line
        output += "#sourceLocation(file: \"\(path)\", line: \(line))\n"
            + "@Test(\"Worked example at line \(line)\") func workedExample\(line)() throws {\n"
            + "    try WorkedExample.record(note: \"\(path)\", line: \(line)) {\n"
        isMapping = true
        nextMappedLine = nil
        emit(block, indentation: String(repeating: " ", count: max(0, block.codeColumn - 1)), expanding: [])
        endMapping()
        output += "    }\n}\n\n"
    }

    private mutating func emit(_ block: CodeBlock, indentation: String, expanding stack: [String]) {
        for (offset, line) in block.lines.enumerated() {
            let noteLine = block.firstCodeLine + offset
            guard let reference = ChunkReference(line: line) else {
                if !stack.isEmpty {
                    expandedBytes += indentation.utf8.count - blockIndentation + line.utf8.count + 1
                    guard expandedBytes <= ChunkReference.maximumExpansion else { return }
                }
                var mapped = nextMappedLine == noteLine
                if !mapped && !Self.isFirstCaseOfSwitch(line, after: lastCodeLine) {
                    output += "#sourceLocation(file: \"\(escapedPath)\", line: \(noteLine))\n"
                    isMapping = true
                    mapped = true
                }
                // Swift takes no directive between `switch x {` and its first `case`: such a line keeps
                // the mapping in force (it reports at the `<<name>>` line) and the next line is remapped.
                output += line.isEmpty ? "\n" : indentation + line + "\n"
                nextMappedLine = mapped ? noteLine + 1 : nil
                if Self.hasCode(line) { lastCodeLine = line }
                continue
            }
            guard !unexpandedLines.contains(noteLine), !stack.contains(reference.name),
                  stack.count < ChunkReference.maximumNesting, expandedBytes <= ChunkReference.maximumExpansion,
                  let definitions = chunks[reference.name] else { continue }
            for definition in definitions {
                emit(definition, indentation: indentation + reference.indentation, expanding: stack + [reference.name])
            }
        }
    }

    private mutating func endMapping() {
        guard isMapping else { return }
        output += "#sourceLocation()\n"
        isMapping = false
        nextMappedLine = nil
    }

    /// Whether `line` is a `case` or `default` that follows a line opening a brace (a switch's first case).
    static func isFirstCaseOfSwitch(_ line: Substring, after previous: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let opensBrace = previous.last(where: { $0 != " " && $0 != "\t" }) == "{"
        return opensBrace && (trimmed.hasPrefix("case ") || trimmed.hasPrefix("default:") || trimmed.hasPrefix("@unknown"))
    }

    /// Whether `line` holds a character that is not whitespace: found at once in its bytes when one
    /// is ASCII (a byte below 0x80 is a character of its own, or the start of one), else by
    /// asking each character.
    private static func hasCode(_ line: Substring) -> Bool {
        line.utf8.contains { $0 < 0x80 && $0 != UInt8(ascii: " ") && !(0x09...0x0D).contains($0) }
            || line.contains { !$0.isWhitespace }
    }

    /// `path` escaped for a Swift string literal.
    static func escaped(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
