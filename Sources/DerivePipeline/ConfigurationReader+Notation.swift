import DeriveCore
import Foundation
import Yams

extension ConfigurationReader {
    /// The fields a `notation:` entry may have.
    static let notationFields = ["tex", "meaning", "shape", "swift", "macro", "match"]

    /// The symbols of `notation:`, a list of mappings; every malformed entry is an error at its
    /// line and left out, and two entries with the same TeX or macro are an error at the second.
    func readNotation(_ node: Node, diagnostics: inout [Diagnostic]) -> [NotationSymbol] {
        guard let entries = node.sequence else {
            diagnostics.append(Diagnostic(
                .error, .configNotation, "'notation' must be a list of symbols, each with tex and meaning (and shape, swift, macro, match)",
                at: location(node.mark)))
            return []
        }
        var symbols: [NotationSymbol] = []
        var texSeen: [String: NoteLocation] = [:]
        var macroSeen: [String: NoteLocation] = [:]
        for entry in entries {
            guard let symbol = readSymbol(entry, diagnostics: &diagnostics) else { continue }
            if let first = texSeen[symbol.tex] {
                diagnostics.append(Diagnostic(
                    .error, .configNotationDuplicate, "the symbol \(symbol.tex) is declared twice (first at line \(first.line))",
                    at: symbol.location))
                continue
            }
            if let macro = symbol.macro, let first = macroSeen[macro] {
                diagnostics.append(Diagnostic(
                    .error, .configNotationDuplicate, "the macro \(macro) is declared twice (first at line \(first.line))",
                    at: symbol.location))
                continue
            }
            texSeen[symbol.tex] = symbol.location
            if let macro = symbol.macro { macroSeen[macro] = symbol.location }
            symbols.append(symbol)
        }
        return symbols
    }

    /// One entry of `notation:`, or nil (and errors) when it is not well formed.
    private func readSymbol(_ entry: Node, diagnostics: inout [Diagnostic]) -> NotationSymbol? {
        let at = location(entry.mark)
        guard let mapping = entry.mapping else {
            diagnostics.append(Diagnostic(.error, .configNotation, "a notation entry must be a mapping with tex and meaning", at: at))
            return nil
        }
        var fields: [String: String] = [:]
        var match: [String]?
        var valid = true
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard Self.notationFields.contains(key) else {
                diagnostics.append(Diagnostic(
                    .error, .configNotation, "unknown field '\(key)' of a notation entry (known: \(Self.notationFields.joined(separator: ", ")))",
                    at: location(keyNode.mark)))
                valid = false
                continue
            }
            if key == "match" {
                let items = value.sequence.map(Array.init) ?? [value]
                let texts = items.compactMap { item -> String? in
                    guard case .scalar = item, item.null == nil, let text = item.string, !text.isEmpty else { return nil }
                    return text
                }
                guard texts.count == items.count, !texts.isEmpty else {
                    diagnostics.append(Diagnostic(.error, .configNotation, "'match' must be TeX, or a list of TeX", at: location(value.mark)))
                    valid = false
                    continue
                }
                match = texts
                continue
            }
            guard case .scalar = value, value.null == nil, let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                diagnostics.append(Diagnostic(.error, .configNotation, "'\(key)' of a notation entry must be text", at: location(value.mark)))
                valid = false
                continue
            }
            fields[key] = text
        }
        for required in ["tex", "meaning"] where fields[required] == nil && valid {
            diagnostics.append(Diagnostic(.error, .configNotation, "a notation entry needs '\(required)'", at: at))
            valid = false
        }
        if let macro = fields["macro"], !Self.isControlWord(macro) {
            diagnostics.append(Diagnostic(
                .error, .configNotation, "a macro's name is a backslash and letters, like \\Wt (not '\(macro)')", at: at))
            valid = false
        }
        guard valid, let tex = fields["tex"], let meaning = fields["meaning"] else { return nil }
        return NotationSymbol(
            tex: tex, meaning: meaning, shape: fields["shape"], swift: fields["swift"], macro: fields["macro"], match: match, location: at)
    }

    /// Each symbol's macro joins `math.macros`; a macro that `math.macros` defines as other TeX is an error.
    func addNotationMacros(to configuration: inout CourseConfiguration, diagnostics: inout [Diagnostic]) {
        for symbol in configuration.notation {
            guard let macro = symbol.macro else { continue }
            if let defined = configuration.macros[macro], defined != symbol.tex {
                diagnostics.append(Diagnostic(
                    .error, .configNotationDuplicate, "the macro \(macro) is \(defined) in math.macros and \(symbol.tex) here",
                    at: symbol.location))
                continue
            }
            configuration.macros[macro] = symbol.tex
        }
    }

    private static func isControlWord(_ name: String) -> Bool {
        name.hasPrefix("\\") && name.count > 1 && name.dropFirst().allSatisfy { $0.isASCII && $0.isLetter }
    }
}
