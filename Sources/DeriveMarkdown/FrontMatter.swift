import DeriveCore
import Yams

/// A note's optional YAML front matter, between a first line `---` and the next `---`.
struct FrontMatter: Equatable {
    var title: String?
    var summary: String?
    var isDraft = false
    /// The number of lines the front matter takes, fences included (0 without front matter).
    var lineCount = 0

    /// The keys NOTE-FORMAT.md defines.
    static let knownKeys: Set<String> = ["title", "summary", "draft"]

    /// Reads the front matter at the top of `source`, if any, with diagnostics for what is wrong.
    static func read(_ source: SourceText, file: String) -> (FrontMatter, [Diagnostic]) {
        guard source.lineCount > 0, trimmed(source.bytes(ofLine: 1)) == "---" else { return (FrontMatter(), []) }
        guard let closing = (1...source.lineCount).dropFirst().first(where: {
            ["---", "..."].contains(trimmed(source.bytes(ofLine: $0)))
        }) else {
            return (FrontMatter(), [Diagnostic(
                .error, .frontMatterUnclosed, "front matter opened with '---' never closes with '---'",
                at: NoteLocation(file: file, line: 1))])
        }
        var matter = FrontMatter(lineCount: closing)
        let yaml = SourceText.join(Array(source.lines[1..<(closing - 1)]))
        let loaded: Any?
        do {
            // UTF-8 given, not `.default`, which reads the environment on every call (and a
            // variable there would make Yams print to standard output).
            loaded = try Yams.load(yaml: yaml, .default, .default, .utf8)
        } catch {
            return (matter, [Diagnostic(
                .error, .frontMatterYAML, "front matter is not valid YAML: \(error)",
                at: NoteLocation(file: file, line: 2))])
        }
        guard let loaded else { return (matter, []) }
        guard let fields = loaded as? [String: Any] else {
            return (matter, [Diagnostic(
                .error, .frontMatterNotAMapping, "front matter must be a mapping of keys to values",
                at: NoteLocation(file: file, line: 2))])
        }
        var diagnostics: [Diagnostic] = []
        func location(of key: String) -> NoteLocation {
            let line = (2..<closing).first { String(decoding: source.bytes(ofLine: $0), as: UTF8.self).hasPrefix(key + ":") } ?? 2
            return NoteLocation(file: file, line: line)
        }
        for key in fields.keys.sorted() where !knownKeys.contains(key) {
            diagnostics.append(Diagnostic(
                .warning, .frontMatterUnknownKey,
                "unknown front matter key '\(key)' (known: draft, summary, title)", at: location(of: key)))
        }
        func string(_ key: String) -> String? {
            guard let value = fields[key] else { return nil }
            if let text = value as? String { return text }
            diagnostics.append(Diagnostic(.error, .frontMatterType, "'\(key)' must be text", at: location(of: key)))
            return nil
        }
        matter.title = string("title")
        matter.summary = string("summary")
        if let draft = fields["draft"] {
            if let flag = draft as? Bool {
                matter.isDraft = flag
            } else {
                diagnostics.append(Diagnostic(.error, .frontMatterType, "'draft' must be true or false", at: location(of: "draft")))
            }
        }
        return (matter, diagnostics)
    }

    private static func trimmed(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }
}
