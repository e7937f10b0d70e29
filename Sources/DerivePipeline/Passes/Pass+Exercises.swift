import DeriveCheck
import DeriveCore
import Foundation

extension Pass {
    /// check, grading exercises (`derive exercise`): compiles the course tangled for grading (see
    /// `ExerciseCode.grading`), once for every exercise, runs their tests and grades each
    /// exercise; never cached, since the student's code is what changes.
    /// - Throws: `ExerciseSelectionError` when a name is no exercise of the course, before compiling.
    public static func gradeExercises(_ names: Set<String>?, stubs: Bool, derivePackage: URL) -> Pass {
        Pass(.check, needsCleanCourse: true) { course, context in
            let known = course.resolutions.flatMap(\.exercises).map(\.name)
            if known.isEmpty { throw ExerciseSelectionError.none }
            let unknown = (names ?? []).subtracting(known)
            if !unknown.isEmpty { throw ExerciseSelectionError.unknown(unknown.sorted(), known: known) }
            let result = try compileAndTest(course, derivePackage: derivePackage, context: context)
            let graded = ExerciseGrader(notes: course.notes, resolutions: course.resolutions).grade(result, names: names, stubs: stubs)
            course.diagnostics += result.diagnostics + graded.notes
            course.reports = result.reports
            course.exerciseGrades = graded.grades
            return "\(graded.grades.filter(\.solved).count) of \(graded.grades.count) exercises solved"
        }
    }
}

/// `derive exercise` was asked for exercises the course does not have.
public enum ExerciseSelectionError: Error, CustomStringConvertible {
    /// The course has no exercise at all.
    case none
    /// These names are no exercise's; `known` are the course's.
    case unknown([String], known: [String])

    /// What is wrong, and what the course has.
    public var description: String {
        switch self {
        case .none:
            "the course has no exercises (a note writes one with 'swift exercise exercise=name' and 'swift solution exercise=name' blocks)"
        case .unknown(let names, let known):
            "no exercise named " + names.map { "'\($0)'" }.joined(separator: ", ") + "; the course's exercises are "
                + known.joined(separator: ", ")
        }
    }
}
