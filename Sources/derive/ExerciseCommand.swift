import ArgumentParser
import DeriveDriver
import DerivePipeline
import Foundation

/// `derive exercise [NAME ...]`: grade the course's exercises as the student wrote them.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Grade exercises: compile your code in their 'exercise' blocks and run the tests that grade them.",
        discussion: """
            Each exercise's stub (its 'swift exercise exercise=NAME' block, as you edited it) takes the \
            place of the author's solution, and only the exercises' tests run, in one compile for \
            all of them. Each exercise is reported solved or not yet; a failing test is reported at \
            its line, with a note at your code. Exit status 0 when every exercise named is solved, 1 \
            otherwise, 2 for a name the course does not have.

            Examples:
              derive exercise                 # every exercise of the course
              derive exercise tanh-delta      # one (or several) by name
              derive exercise --solutions     # the author's solutions instead (each must pass)
            """)

    @Argument(help: ArgumentHelp("The exercises to grade (default: every exercise of the course).", valueName: "name"))
    var names: [String] = []

    @Flag(name: .long, help: "Grade the authors' solutions instead of the stubs (what CI runs).")
    var solutions = false

    @OptionGroup var options: CourseOptions

    func run() throws {
        let console = options.console()
        var course = options.openCourse()
        let driver = Driver(siteDirectory: course.siteDirectory, cacheDirectory: course.cacheDirectory)
        let lock = try CourseLock(root: course.root, waiting: console.say)
        defer { withExtendedLifetime(lock) {} }
        do {
            try driver.pipeline(gradingExercises: names.isEmpty ? nil : Set(names), stubs: !solutions)
                .run(&course, observer: console.show)
        } catch {
            if let selection = error.underlying as? ExerciseSelectionError {
                FileHandle.standardError.write(Data("derive: error: \(selection)\n".utf8))
                throw ExitCode(2)
            }
            try? console.finish(course)
            throw console.fail("\(error)")
        }
        for grade in course.exerciseGrades ?? [] {
            let title = grade.exercise.title.map { " (\($0))" } ?? ""
            print("exercise \(grade.exercise.name)\(title): \(grade.solved ? "solved" : "not yet"), at \(grade.codeLocation)")
        }
        try console.finish(course)
        if let grades = course.exerciseGrades, grades.contains(where: { !$0.solved }) { throw ExitCode.failure }
    }
}
