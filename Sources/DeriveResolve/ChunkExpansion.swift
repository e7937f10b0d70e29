import DeriveCore

/// Measures what chunk expansion adds to a note's tangled code, and refuses the references that
/// would take it past `ChunkReference.maximumExpansion` bytes, at their line, before the tangler
/// expands anything. Each chunk is measured once, so a chunk used twice at each of 30 levels costs
/// 30 measurements, not 2^30 expansions.
struct ChunkExpansion {
    /// What one expansion of a chunk writes: its lines, and their bytes with the chunk's own indentation.
    private struct Size {
        var lines = 0
        var bytes = 0

        /// Adds `other`, indented by `indentation` bytes, saturating instead of overflowing.
        mutating func add(_ other: Size, indentation: Int) {
            lines = Self.sum(lines, other.lines)
            bytes = Self.sum(bytes, Self.sum(other.bytes, Self.product(other.lines, indentation)))
        }

        private static func sum(_ a: Int, _ b: Int) -> Int {
            let (result, overflow) = a.addingReportingOverflow(b)
            return overflow ? .max : result
        }

        private static func product(_ a: Int, _ b: Int) -> Int {
            let (result, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? .max : result
        }
    }

    private let note: Note
    private let code: [CodeBlock]
    private let definitions: [String: [Int]]
    private var sizes: [String: Size] = [:]
    private var measuring: Set<String> = []
    /// The references refused, at their line.
    private(set) var diagnostics: [Diagnostic] = []
    /// The note lines of the references refused, which the tangler leaves unexpanded.
    private(set) var refusedLines: [Int] = []

    /// Measures the chunks of `note`, defined by the compiled blocks numbered in `definitions`.
    init(note: Note, definitions: [String: [Int]]) {
        self.note = note
        self.code = note.codeBlocks
        self.definitions = definitions
    }

    /// Walks the blocks compiled where they stand (`roots`, block numbers in document order),
    /// adding up each reference's expansion, and refuses every reference that would take the total
    /// past the limit.
    mutating func measure(roots: [Int]) {
        var total = Size()
        for number in roots {
            let block = code[number - 1]
            for (offset, line) in block.lines.enumerated() {
                guard let reference = ChunkReference(line: line) else { continue }
                var expansion = Size()
                expansion.add(size(of: reference.name, depth: 1), indentation: reference.indentation.utf8.count)
                var after = total
                after.add(expansion, indentation: 0)
                guard after.bytes > ChunkReference.maximumExpansion else {
                    total = after
                    continue
                }
                let noteLine = block.firstCodeLine + offset
                refusedLines.append(noteLine)
                diagnostics.append(Diagnostic(
                    .error, .chunkTooLarge,
                    "'<<\(reference.name)>>' expands to \(Self.describe(expansion)); chunk expansion may add at most "
                        + "\(ChunkReference.maximumExpansion >> 20) MiB to a note's code, so it is not expanded",
                    at: NoteLocation(file: note.path, line: noteLine, column: block.codeColumn + reference.indentation.utf8.count)))
            }
        }
    }

    /// The size of one expansion of `name`: nothing for an undefined chunk, a reference that closes
    /// a cycle or one nested too deep (the chunk graph reports those), as the tangler expands them.
    private mutating func size(of name: String, depth: Int) -> Size {
        if let known = sizes[name] { return known }
        guard let numbers = definitions[name], !measuring.contains(name), depth <= ChunkReference.maximumNesting else {
            return Size()
        }
        measuring.insert(name)
        var size = Size()
        for number in numbers {
            for line in code[number - 1].lines {
                if let reference = ChunkReference(line: line) {
                    size.add(self.size(of: reference.name, depth: depth + 1), indentation: reference.indentation.utf8.count)
                } else {
                    size.add(Size(lines: 1, bytes: line.utf8.count + 1), indentation: 0)
                }
            }
        }
        measuring.remove(name)
        sizes[name] = size
        return size
    }

    /// `1,073,741,824 lines (10 GiB)`, or `more lines than Derive can count` when the sum saturated.
    private static func describe(_ size: Size) -> String {
        guard size.lines < .max, size.bytes < .max else { return "more lines than Derive can count" }
        let lines = size.lines == 1 ? "1 line" : "\(grouped(size.lines)) lines"
        let mebibytes = size.bytes >> 20
        return mebibytes >= 1024 ? "\(lines) (\(mebibytes >> 10) GiB)" : "\(lines) (\(mebibytes) MiB)"
    }

    /// `1073741824` as `1,073,741,824`.
    private static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3)[...], at: 0)
            digits.removeLast(3)
        }
        return ([digits[...]] + groups).joined(separator: ",")
    }
}
