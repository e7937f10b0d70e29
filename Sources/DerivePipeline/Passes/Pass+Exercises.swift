import DeriveCheck
import DeriveCore
import Foundation

extension Pass {
    /// check, grading exercises (`derive exercise`): compiles the course tangled for grading (see
    /// `ExerciseCode.grading`), once for every exercise, runs only the exercises' test functions
    /// and grades each exercise; never cached, since the student's code is what changes.
    /// - Throws: `ExerciseSelectionError` when a name is no exercise of the course, before compiling.
    public static func gradeExercises(_ names: Set<String>?, stubs: Bool, derivePackage: URL) -> Pass {
        Pass(.check, needsCleanCourse: true) { course, context in
            let known = course.resolutions.flatMap(\.exercises).map(\.name)
            if known.isEmpty { throw ExerciseSelectionError.none }
            let unknown = (names ?? []).subtracting(known)
            if !unknown.isEmpty { throw ExerciseSelectionError.unknown(unknown.sorted(), known: known) }
            let graded = course.resolutions.flatMap(\.exercises).filter { names?.contains($0.name) ?? true }
            let result = try compileAndTest(
                course, derivePackage: derivePackage, testFunctions: graded.flatMap(\.testFunctions), context: context)
            let grading = ExerciseGrader(notes: course.notes, resolutions: course.resolutions).grade(result, names: names, stubs: stubs)
            course.diagnostics += result.diagnostics + grading.notes
            course.reports = result.reports
            course.exerciseGrades = grading.grades
            return "\(grading.grades.filter(\.solved).count) of \(grading.grades.count) exercises solved"
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
