import Foundation
import Testing

/// `derive exercise` as a student runs it; grading itself is tested in process (DriverTests).
@Suite("derive exercise")
struct ExerciseCommandTests {
    @Test("a name the course does not have is bad usage, exit 2, with the course's exercises named; nothing is compiled")
    func unknownNameIsBadUsage() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "exercises")
        let run = try await DeriveRun.run(["exercise", "nope", "-q"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr == "derive: error: no exercise named 'nope'; the course's exercises are tanh-delta, square\n")
        #expect(!FileManager.default.fileExists(atPath: folder(".build/derive/check").path))
    }

    @Test("a course without exercises says so, exit 2; a broken exercise is a lint error at its line, exit 1")
    func noExercisesAndBrokenOnes() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        let none = try await DeriveRun.run(["exercise", "-q"], in: folder.url)
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("derive: error: the course has no exercises"))
        try folder.write("# Broken\n\n```swift exercise exercise=alone\nfunc f() {}\n```\n", to: "Notes/03-broken.md")
        let broken = try await DeriveRun.run(["exercise", "-q"], in: folder.url)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Notes/03-broken.md:3:1: error: exercise 'alone' has no solution"))
        #expect(broken.stderr.contains("Notes/03-broken.md:3:1: error: no test grades exercise 'alone'"))
    }

    @Test("derive help exercise shows the command and its examples")
    func help() async throws {
        let help = try await DeriveRun.run(["help", "exercise"], in: Fixture.folder("clean"))
        #expect(help.status == 0)
        #expect(help.stdout.contains("derive exercise tanh-delta") && help.stdout.contains("--solutions"))
    }
}
