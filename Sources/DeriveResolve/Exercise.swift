import DeriveCore

/// An exercise of a note: the stub a student fills in (an `exercise` block), the author's
/// solution (a `solution` block) and the `test` blocks that grade either, tied by `exercise=name`.
public struct Exercise: Codable, Hashable, Sendable {
    /// The exercise's name, unique in the course (`tanh-delta`): what `derive exercise` takes.
    public var name: String
    /// The note's path (`Notes/01-intro.md`).
    public var notePath: String
    /// The text of the last heading before the stub (`Exercise 1.1: δ for tanh`), if any.
    public var title: String?
    /// The number of the stub's block in the note (see `ResolvedCodeBlock.number`).
    public var stub: Int
    /// The number of the solution's block.
    public var solution: Int?
    /// The numbers of the test blocks that grade it, in document order.
    public var tests: [Int]
    /// The names of the `@Test` functions in those blocks: the tests a grading run runs.
    public var testFunctions: [String] = []

    /// Creates an exercise.
    public init(
        name: String, notePath: String, title: String? = nil, stub: Int, solution: Int?, tests: [Int], testFunctions: [String] = []
    ) {
        self.name = name
        self.notePath = notePath
        self.title = title
        self.stub = stub
        self.solution = solution
        self.tests = tests
        self.testFunctions = testFunctions
    }

    /// The names of the functions `code` marks `@Test` (`@Test func name(` or `@Test(...)` on the
    /// lines before `func name(`).
    public static func testFunctions(in code: String) -> [String] {
        var names: [String] = []
        var marked = false
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.containsBytes("@Test") { marked = true }
            guard marked, let match = line.firstMatch(of: /\bfunc\s+(`[^`]+`|[^\s(<]+)/) else { continue }
            names.append(String(match.output.1))
            marked = false
        }
        return names
    }
}

/// Finds a note's exercises and what is wrong with them: a stub or a solution without a name,
/// `exercise=` on a block of another role, a stub without a solution or a test, a solution
/// without a stub, and a name given to two stubs (or two solutions).
struct ExerciseTable {
    let note: Note

    /// The note's exercises, in the order of their stubs, and the diagnostics.
    func exercises() -> (exercises: [Exercise], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var exercises: [Exercise] = []
        var solutions: [String: Int] = [:]
        var tests: [String: [Int]] = [:]
        let code = note.codeBlocks
        for (index, block) in code.enumerated() where block.language == "swift" {
            let number = index + 1
            let role = block.attributes.role
            guard let name = block.attributes.exercise else {
                if role == .exercise || role == .solution {
                    diagnostics.append(Diagnostic(
                        .error, .exerciseUnnamed,
                        "an '\(role!.rawValue)' block names its exercise: add 'exercise=name' (the same name on the stub, its solution and its tests)",
                        at: block.location))
                }
                continue
            }
            switch role {
            case .exercise:
                if let first = exercises.first(where: { $0.name == name }) {
                    diagnostics.append(Diagnostic(
                        .error, .exerciseDuplicate, "exercise '\(name)' already has a stub, at line \(code[first.stub - 1].location.line)",
                        at: block.location))
                } else {
                    exercises.append(Exercise(name: name, notePath: note.path, title: title(before: block.location), stub: number, solution: nil, tests: []))
                }
            case .solution:
                if let first = solutions[name] {
                    diagnostics.append(Diagnostic(
                        .error, .exerciseDuplicate, "exercise '\(name)' already has a solution, at line \(code[first - 1].location.line)",
                        at: block.location))
                } else {
                    solutions[name] = number
                }
            case .test:
                tests[name, default: []].append(number)
            default:
                diagnostics.append(Diagnostic(
                    .error, .exerciseMisplaced,
                    "'exercise=\(name)' belongs on an exercise's 'exercise' block (the stub), its 'solution' block and the 'test' blocks that grade it",
                    at: block.location))
            }
        }
        for index in exercises.indices {
            let name = exercises[index].name
            let stub = code[exercises[index].stub - 1]
            exercises[index].solution = solutions[name]
            exercises[index].tests = tests[name] ?? []
            exercises[index].testFunctions = exercises[index].tests.flatMap { Exercise.testFunctions(in: code[$0 - 1].code) }
            if solutions[name] == nil {
                diagnostics.append(Diagnostic(
                    .error, .exerciseNoSolution, "exercise '\(name)' has no solution: add a 'swift solution exercise=\(name)' block",
                    at: stub.location))
            }
            if tests[name] == nil {
                diagnostics.append(Diagnostic(
                    .error, .exerciseNoTest, "no test grades exercise '\(name)': add a 'swift test exercise=\(name)' block",
                    at: stub.location))
            } else if exercises[index].testFunctions.isEmpty {
                diagnostics.append(Diagnostic(
                    .error, .exerciseNoTest, "the test blocks of exercise '\(name)' declare no '@Test' function, so nothing would grade it",
                    at: code[exercises[index].tests[0] - 1].location))
            }
        }
        let stubs = Set(exercises.map(\.name))
        for (name, number) in solutions where !stubs.contains(name) {
            diagnostics.append(Diagnostic(
                .error, .exerciseNoStub, "solution of an exercise '\(name)' that has no stub: add a 'swift exercise exercise=\(name)' block",
                at: code[number - 1].location))
        }
        for (name, numbers) in tests where !stubs.contains(name) && solutions[name] == nil {
            diagnostics.append(Diagnostic(
                .error, .exerciseNoStub, "test of an exercise '\(name)' that this note does not define",
                at: code[numbers[0] - 1].location))
        }
        return (exercises, diagnostics)
    }

    /// The plain text of the last heading before `location`.
    private func title(before location: NoteLocation) -> String? {
        note.headings.last { $0.location < location }?.content.plainText
    }

    /// An error for every exercise whose name another note of the course gave first.
    static func duplicates(in resolutions: [NoteResolution], notes: [Note]) -> [Diagnostic] {
        var first: [String: Exercise] = [:]
        var diagnostics: [Diagnostic] = []
        for (resolution, note) in zip(resolutions, notes) {
            for exercise in resolution.exercises {
                if let earlier = first[exercise.name] {
                    diagnostics.append(Diagnostic(
                        .error, .exerciseDuplicate,
                        "exercise '\(exercise.name)' is already an exercise of \(earlier.notePath): names are the course's, for 'derive exercise NAME'",
                        at: note.codeBlocks[exercise.stub - 1].location))
                } else {
                    first[exercise.name] = exercise
                }
            }
        }
        return diagnostics
    }
}
