import DeriveCore

/// Which code of a course's exercises a tangle compiles, and which tests with it.
public enum ExerciseCode: Codable, Hashable, Sendable {
    /// The course as its author checks it: every solution in place of its stub, and every test.
    case solutions
    /// Grading (`derive exercise`): the exercises named (every exercise when nil) with their stubs
    /// as the note has them now (their solutions when `stubs` is false), the others with their
    /// solutions, and every test (the exercises' tests may use the others' helpers); the grading
    /// run then runs only the exercises' tests.
    case grading(Set<String>?, stubs: Bool)

    /// Whether a compiled block that defines no chunk is tangled.
    func includes(_ block: CodeBlock) -> Bool {
        let name = block.attributes.exercise
        switch (self, block.attributes.role) {
        case (.solutions, .exercise): return false
        case (.solutions, _): return true
        case (.grading(let names, let stubs), .exercise): return stubs && Self.contains(names, name)
        case (.grading(let names, let stubs), .solution): return !(stubs && Self.contains(names, name))
        case (.grading, _): return true
        }
    }

    private static func contains(_ names: Set<String>?, _ name: String?) -> Bool {
        guard let name else { return false }
        return names?.contains(name) ?? true
    }
}
