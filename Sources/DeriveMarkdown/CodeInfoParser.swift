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

    /// Parses the info string that starts at byte `column` of `line`: `swift delta #name`, or in
    /// pandoc's attribute syntax `{.swift .delta #name implements=eq-x}` (also `swift {.delta}`),
    /// which means the same.
    func parse(_ info: [UInt8], line: Int, column: Int) -> Result {
        var result = Result()
        var words = Self.attributeWords(Self.words(of: info))
        guard !words.isEmpty else { return result }
        if let language = words.firstIndex(where: { !$0.fromAttributes || $0.isClass }) {
            result.language = words[language].text
            words.remove(at: language)
        }
        let strict = result.language == "swift" || result.language == "math"
        for word in words {
            result.words.append(word.text)
            let location = NoteLocation(file: file, line: line, column: column + word.offset)
            read(word.text, strict: strict, at: location, into: &result)
        }
        return result
    }

    /// Reads one word. Only `swift` and `math` blocks are strict: in any other language an
    /// unknown word is the other tool's business (`.input`, `n=1`), and only a near miss of one of
    /// our words is worth a warning.
    private func read(_ word: String, strict: Bool, at location: NoteLocation, into result: inout Result) {
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
        } else if word.hasPrefix("figure=") {
            let labels = word.dropFirst("figure=".count).split(separator: ",").map(String.init)
            if labels.isEmpty || labels.contains(where: { !$0.hasPrefix("fig-") }) {
                result.diagnostics.append(Diagnostic(
                    .error, .infoFigureLabel, "'figure=' names the labels of the figures the block draws, each starting 'fig-'",
                    at: location))
            }
            result.attributes.figures += labels
        } else if word.hasPrefix("exercise=") {
            readExercise(String(word.dropFirst("exercise=".count)), at: location, into: &result)
        } else if word.hasPrefix("#"), word.count > 1, result.language == "math" {
            result.equationLabel = String(word.dropFirst())
        } else if word.hasPrefix("#"), word.count > 1 {
            if let existing = result.attributes.chunkName {
                result.diagnostics.append(Diagnostic(
                    .error, .infoTwoChunkNames, "a block names one chunk, and this one names '\(existing)' and '\(word.dropFirst())'",
                    at: location))
            } else {
                result.attributes.chunkName = String(word.dropFirst())
            }
        } else if strict {
            result.diagnostics.append(Diagnostic(.error, .infoUnknownWord, unknownWordMessage(word), at: location))
        } else if let suggestion = Self.nearMiss(word) {
            result.diagnostics.append(Diagnostic(
                .warning, .infoUnknownWord,
                "'\(word)' is not a word Derive knows (the block is shown, not compiled); did you mean '\(suggestion)'?",
                at: location))
        }
    }

    /// Reads the name of `exercise=name`: one name a block, letters, digits, `-`, `_` and `.`.
    private func readExercise(_ name: String, at location: NoteLocation, into result: inout Result) {
        if let existing = result.attributes.exercise {
            result.diagnostics.append(Diagnostic(
                .error, .exerciseName, "a block belongs to one exercise, and this one names '\(existing)' and '\(name)'", at: location))
        } else if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            result.diagnostics.append(Diagnostic(
                .error, .exerciseName, "'exercise=\(name)' needs a name of letters, digits, '-', '_' or '.' (e.g. 'exercise=tanh-delta')",
                at: location))
        } else {
            result.attributes.exercise = name
        }
    }

    /// The word of ours that `word` misspells by one or two letters, if any.
    private static func nearMiss(_ word: String) -> String? {
        let known = CodeRole.allCases.map(\.rawValue) + ["ignore"]
        guard !known.contains(word), word.count >= 4 else { return nil }
        return known.first { $0.editDistance(to: word) <= 1 || ($0.count >= 6 && $0.editDistance(to: word) <= 2) }
    }

    private func unknownWordMessage(_ word: String) -> String {
        let known = CodeRole.allCases.map(\.rawValue) + ["ignore"]
        var message = "unknown word '\(word)' in the code block's info string; expected a role ("
            + CodeRole.allCases.map(\.rawValue).joined(separator: ", ") + "), 'ignore', '#name', 'implements=eq-name', 'figure=fig-name' or 'exercise=name'"
        if let suggestion = known.min(by: { $0.editDistance(to: word) < $1.editDistance(to: word) }),
           suggestion.editDistance(to: word) <= 2 {
            message += "; did you mean '\(suggestion)'?"
        }
        return message
    }

    /// A word of an info string, with its byte offset, as our plain words read it.
    struct Word: Equatable {
        var text: String
        var offset: Int
        /// Whether it came from a `{...}` group; `isClass` if it was written `.class` there.
        var fromAttributes = false
        var isClass = false
    }

    /// `words` with every `{...}` group (which may span several words) read as pandoc attributes:
    /// `.class` becomes the word `class`, `#id` and `key=value` stay as they are.
    static func attributeWords(_ words: [(text: String, offset: Int)]) -> [Word] {
        var result: [Word] = []
        var inGroup = false
        for (text, offset) in words {
            var token = Substring(text)
            var tokenOffset = offset
            if !inGroup, token.hasPrefix("{") {
                inGroup = true
                token = token.dropFirst()
                tokenOffset += 1
            } else if !inGroup {
                result.append(Word(text: text, offset: offset))
                continue
            }
            if token.hasSuffix("}") {
                token = token.dropLast()
                inGroup = false
            }
            guard !token.isEmpty else { continue }
            if token.hasPrefix("."), token.count > 1 {
                result.append(Word(text: String(token.dropFirst()), offset: tokenOffset + 1, fromAttributes: true, isClass: true))
            } else {
                result.append(Word(text: String(token), offset: tokenOffset, fromAttributes: true))
            }
        }
        return result
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
