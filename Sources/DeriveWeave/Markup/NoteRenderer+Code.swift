import DeriveCore
import DeriveResolve
import SwiftParser
import SwiftSyntax

extension NoteRenderer {
    /// A code block as a figure: caption with number, role, chunk name and implemented
    /// equations; Swift highlighted; chunk references linked; a chunk's uses listed below it.
    mutating func codeBlock(_ code: CodeBlock) throws -> String {
        renderedCodeBlocks += 1
        let entry = resolution.codeBlocks[renderedCodeBlocks - 1]
        let lines = code.language == "swift" ? swiftLines(code, entry: entry) : code.lines.map { String($0).htmlEscaped }
        var classes = ["code"]
        if let role = code.attributes.role { classes.append("role-\(role.rawValue)") }
        if code.language == "swift" && !code.isCompiled { classes.append("not-compiled") }
        let language = code.language.isEmpty ? "" : " class=\"language-\(code.language.htmlEscaped)\""
        let figure = "<figure class=\"\(classes.joined(separator: " "))\" id=\"\(entry.anchor)\">\n"
            + "<figcaption>\(caption(code, entry: entry))</figcaption>\n"
            + "<button class=\"copy\" type=\"button\" hidden>Copy</button>\n"
            + "<pre><code\(language)>\(numbered(lines, from: code.firstCodeLine))</code></pre>\n"
            + chunkNotes(code, entry: entry) + exerciseNote(code)
            + "</figure>\n"
        return code.language == "swift" && code.attributes.role == .solution ? foldedSolution(figure) : figure
    }

    /// Each line in a span that carries its line in the note, shown in the gutter (and never copied).
    private func numbered(_ lines: [String], from first: Int) -> String {
        lines.enumerated().map { "<span class=\"line\" data-line=\"\(first + $0.offset)\">\($0.element)</span>\n" }.joined()
    }

    private func caption(_ code: CodeBlock, entry: ResolvedCodeBlock) -> String {
        var parts = ["<a class=\"code-number\" href=\"#\(entry.anchor)\">Code \(entry.number)</a>"]
        if let role = code.attributes.role {
            parts.append("<span class=\"role\">\(role.label.htmlEscaped)</span>")
        }
        if let exercise = exerciseCaption(code) { parts.append(exercise) }
        if let name = code.attributes.chunkName {
            let definitions = resolution.chunks[name]?.definitions ?? []
            let isFirst = definitions.first == entry.number || !definitions.contains(entry.number)
            parts.append("<span class=\"chunk-name\">⟨\(name.htmlEscaped)⟩ \(isFirst ? "≡" : "+≡")</span>")
        }
        if !code.language.isEmpty {
            parts.append("<span class=\"language\">\(code.language.htmlEscaped)</span>")
        }
        if code.language == "swift" && !code.isCompiled {
            parts.append("<span class=\"not-compiled-label\">not compiled</span>")
        }
        for label in entry.implements {
            parts.append("<span class=\"implements\">implements \(equationLink(label))</span>")
        }
        return parts.joined(separator: " ")
    }

    private func equationLink(_ label: String) -> String {
        let number = resolution.equationNumber(of: label).map(String.init) ?? "?"
        return "<a class=\"citation\" href=\"#\(label.htmlEscaped)\">(\(number))</a>"
    }

    /// The block's lines highlighted, each `<<name>>` line a link to the chunk's definition; the
    /// declarations of a compiled block go to the page's index, unless it is a chunk expanded
    /// only inside bodies.
    private mutating func swiftLines(_ code: CodeBlock, entry: ResolvedCodeBlock) -> [String] {
        let lines = code.lines
        let references = lines.map { ChunkReference(line: $0) }
        // A reference line becomes a comment of the same length, so the rest still parses as Swift.
        let parsable = lines.indices.map { index -> String in
            guard let reference = references[index] else { return String(lines[index]) }
            return String(reference.indentation) + "//" + String(lines[index].dropFirst(reference.indentation.count + 2))
        }
        let tree = Parser.parse(source: parsable.map { $0 + "\n" }.joined())
        let chunk = entry.chunkName.flatMap { resolution.chunks[$0] }
        // An exercise's stub and its solution declare the same names: the index lists the stub, which shows.
        if code.isCompiled, code.attributes.role != .solution, chunk.map({ $0.isCompiled && $0.isTopLevel }) ?? true {
            declarations += DeclarationCollector.declarations(in: tree).map { ($0, entry) }
        }
        var highlighted = SwiftHighlighter.highlightedLines(of: tree)
        for (index, reference) in references.enumerated() {
            guard let reference, index < highlighted.count else { continue }
            highlighted[index] = String(reference.indentation).htmlEscaped + chunkReference(reference.name)
        }
        return highlighted
    }

    private func chunkReference(_ name: String) -> String {
        guard let definition = resolution.chunks[name]?.definitions.first.map({ resolution.codeBlocks[$0 - 1] }) else {
            return "<span class=\"chunk-ref undefined\">⟨\(name.htmlEscaped)⟩</span>"
        }
        return "<span class=\"chunk-ref\">⟨<a href=\"#\(definition.anchor)\">\(name.htmlEscaped)</a>⟩</span>"
    }

    /// Under a chunk definition: where the chunk is used and where its definition continues.
    private func chunkNotes(_ code: CodeBlock, entry: ResolvedCodeBlock) -> String {
        guard let name = entry.chunkName else { return "" }
        func links(_ numbers: [Int]) -> String {
            numbers.map { resolution.codeBlocks[$0 - 1] }
                .map { "<a href=\"#\($0.anchor)\">\($0.linkText.htmlEscaped)</a>" }.joined(separator: ", ")
        }
        let chunk = resolution.chunks[name]
        let definitions = chunk?.definitions ?? []
        let uses = chunk?.uses ?? []
        let shownUses = chunk?.shownUses ?? []
        var notes = [uses.isEmpty ? "Not used by any compiled block." : "Used in \(links(uses))."]
        if !shownUses.isEmpty { notes.append("Shown, not compiled, in \(links(shownUses)).") }
        if let first = definitions.first, first != entry.number, definitions.contains(entry.number) {
            notes.append("Continues \(links([first])).")
        } else if definitions.count > 1, definitions.first == entry.number {
            notes.append("Continued in \(links(Array(definitions.dropFirst()))).")
        }
        return "<p class=\"chunk-uses\">\(notes.joined(separator: " "))</p>\n"
    }
}
