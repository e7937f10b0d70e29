import DeriveCore

/// Reads the words of a fenced code block's info string (NOTE-FORMAT.md, "Code blocks").
struct CodeInfoParser {
    /// What the info string says.
    struct Result {
        var language = ""
        var words: [String] = []
        var attributes = CodeAttributes()
        /// `{#eq-name}` on a `math` block.
        var equationLabel: String?
        var diagnostics: [Diagnostic] = []
    }

    let file: String

    /// Parses the info string that starts at byte `column` of `line`.
    func parse(_ info: [UInt8], line: Int, column: Int) -> Result {
        var result = Result()
        let words = Self.words(of: info)
        guard let first = words.first else { return result }
        result.language = first.text
        for word in words.dropFirst() {
            result.words.append(word.text)
            let location = NoteLocation(file: file, line: line, column: column + word.offset)
            read(word.text, at: location, into: &result)
        }
        return result
    }

    private func read(_ word: String, at location: NoteLocation, into result: inout Result) {
        if let role = CodeRole(rawValue: word) {
            if let existing = result.attributes.role {
                result.diagnostics.append(Diagnostic(
                    .error, .infoTwoRoles,
                    "a block has at most one role, and this one has '\(existing.rawValue)' and '\(word)'",
                    at: location))
            } else {
                result.attributes.role = role
            }
        } else if word == "ignore" {
            result.attributes.isIgnored = true
        } else if word.hasPrefix("implements=") {
            let labels = word.dropFirst("implements=".count).split(separator: ",").map(String.init)
            if labels.isEmpty {
                result.diagnostics.append(Diagnostic(.error, .infoEmptyImplements, "'implements=' names no equation label", at: location))
            }
            result.attributes.implements += labels
        } else if word.hasPrefix("{#"), word.hasSuffix("}"), word.count > 3, result.language == "math" {
            result.equationLabel = String(word.dropFirst(2).dropLast())
        } else if word.hasPrefix("#"), word.count > 1 {
            if let existing = result.attributes.chunkName {
                result.diagnostics.append(Diagnostic(
                    .error, .infoTwoChunkNames, "a block names one chunk, and this one names '\(existing)' and '\(word.dropFirst())'",
                    at: location))
            } else {
                result.attributes.chunkName = String(word.dropFirst())
            }
        } else {
            result.diagnostics.append(Diagnostic(.error, .infoUnknownWord, unknownWordMessage(word), at: location))
        }
    }

    private func unknownWordMessage(_ word: String) -> String {
        let known = CodeRole.allCases.map(\.rawValue) + ["ignore"]
        var message = "unknown word '\(word)' in the code block's info string; expected a role ("
            + CodeRole.allCases.map(\.rawValue).joined(separator: ", ") + "), 'ignore', '#name' or 'implements=eq-name'"
        if let suggestion = known.min(by: { $0.editDistance(to: word) < $1.editDistance(to: word) }),
           suggestion.editDistance(to: word) <= 2 {
            message += "; did you mean '\(suggestion)'?"
        }
        return message
    }

    /// The space-separated words of `info`, each with its byte offset.
    static func words(of info: [UInt8]) -> [(text: String, offset: Int)] {
        var words: [(String, Int)] = []
        var index = 0
        while index < info.count {
            while index < info.count, info[index].isSpaceOrTab { index += 1 }
            let start = index
            while index < info.count, !info[index].isSpaceOrTab { index += 1 }
            if index > start { words.append((String(decoding: info[start..<index], as: UTF8.self), start)) }
        }
        return words
    }
}

extension String {
    /// The Levenshtein distance to `other`, for "did you mean" suggestions.
    func editDistance(to other: String) -> Int {
        let a = Array(self), b = Array(other)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
