import DeriveCore
import DeriveResolve

/// Whether one exercise's tests passed, in a grading run (`derive exercise`).
public struct ExerciseGrade: Codable, Hashable, Sendable {
    /// The exercise.
    public var exercise: Exercise
    /// Where the code being graded starts: the stub's (or, grading solutions, the solution's) first line.
    public var codeLocation: NoteLocation
    /// Whether every test of the exercise ran and passed.
    public var solved: Bool
}

/// Reads a grading run's results exercise by exercise: a failure inside an exercise's stub,
/// solution or test blocks is that exercise's; an exercise is solved when the notes compiled, the
/// tests ran to the end and none of its own failed. A failure that is no exercise's (a compile
/// error, a crash) leaves every exercise unsolved, since their tests did not all run.
public struct ExerciseGrader: Sendable {
    /// The course's notes.
    public var notes: [Note]
    /// What resolve made of them: `resolutions[i]` resolves `notes[i]`.
    public var resolutions: [NoteResolution]

    /// A grader for these notes.
    public init(notes: [Note], resolutions: [NoteResolution]) {
        self.notes = notes
        self.resolutions = resolutions
    }

    /// The grades of the exercises named (every one when nil), in course order, and a note for
    /// each unsolved one at the code the student is to change.
    public func grade(_ result: CheckRunner.Result, names: Set<String>?, stubs: Bool) -> (grades: [ExerciseGrade], notes: [Diagnostic]) {
        var graded: [(exercise: Exercise, code: CodeBlock, ranges: [ClosedRange<Int>])] = []
        for (note, resolution) in zip(notes, resolutions) {
            let code = note.codeBlocks
            for exercise in resolution.exercises where names?.contains(exercise.name) ?? true {
                let gradedBlock = stubs ? exercise.stub : (exercise.solution ?? exercise.stub)
                let ranges = ([exercise.stub] + [exercise.solution].compactMap { $0 } + exercise.tests).map { Self.lines(of: code[$0 - 1]) }
                graded.append((exercise, code[gradedBlock - 1], ranges))
            }
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        func owner(of error: Diagnostic) -> String? {
            graded.first { entry in
                entry.exercise.notePath == error.location.file && entry.ranges.contains { $0.contains(error.location.line) }
            }?.exercise.name
        }
        let compiled = result.tests > 0 && !errors.contains { $0.id == .compileError }
        let strays = errors.filter { owner(of: $0) == nil }
        var grades: [ExerciseGrade] = []
        var diagnostics: [Diagnostic] = []
        for entry in graded {
            let own = errors.filter { owner(of: $0) == entry.exercise.name }
            let solved = compiled && strays.isEmpty && own.isEmpty
            let location = NoteLocation(file: entry.exercise.notePath, line: entry.code.firstCodeLine, column: entry.code.codeColumn)
            grades.append(ExerciseGrade(exercise: entry.exercise, codeLocation: location, solved: solved))
            guard !solved else { continue }
            let why: String
            if !compiled {
                why = "the notes did not compile, so its tests did not run"
            } else if own.isEmpty {
                why = "the tests stopped before its own could pass"
            } else {
                let lines = Set(own.map(\.location.line)).sorted().map(String.init)
                why = "its tests failed at line\(lines.count > 1 ? "s" : "") \(lines.joined(separator: ", "))"
            }
            diagnostics.append(Diagnostic(
                .note, .exerciseNotSolved,
                "exercise '\(entry.exercise.name)' is not solved yet (\(why)): your code is at \(location.file):\(location.line)",
                at: location))
        }
        return (grades, diagnostics)
    }

    /// The note lines a block spans, its fences included.
    private static func lines(of block: CodeBlock) -> ClosedRange<Int> {
        block.location.line...(block.firstCodeLine + block.lines.count)
    }
}
