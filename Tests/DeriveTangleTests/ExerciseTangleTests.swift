import DeriveCore
import DeriveMarkdown
import DeriveResolve
import DeriveTangle
import Testing

/// Two exercises, each with a stub, a solution and a test, and a test of the note's own.
private let note = """
    ```swift exercise exercise=one
    func one() -> Int { 0 }
    ```

    ```swift solution exercise=one
    func one() -> Int { 1 }
    ```

    ```swift test exercise=one
    @Test func oneIsOne() { #expect(one() == 1) }
    ```

    ```swift exercise exercise=two
    func two() -> Int { 0 }
    ```

    ```swift solution exercise=two
    func two() -> Int { 2 }
    ```

    ```swift test exercise=two
    @Test func twoIsTwo() { #expect(two() == 2) }
    ```

    ```swift test
    @Test func noteOwn() {}
    ```

    """

private func tangle(_ exercises: ExerciseCode) throws -> TangledNote {
    let parsed = try #require(NoteParser().parse(note, path: "Notes/t.md").note)
    let resolved = Resolver().resolve(parsed)
    #expect(resolved.diagnostics.isEmpty, "\(resolved.diagnostics)")
    return Tangler(exercises: exercises).tangle(parsed, resolution: resolved.resolution)
}

@Suite("Tangling exercises: solutions for the course, stubs for grading")
struct ExerciseTangleTests {
    @Test func theCourseCompilesTheSolutionsAndEveryTest() throws {
        let tangled = try tangle(.solutions)
        #expect(tangled.moduleSource.contains("func one() -> Int { 1 }") && tangled.moduleSource.contains("func two() -> Int { 2 }"))
        #expect(!tangled.moduleSource.contains("{ 0 }"))
        #expect(tangled.moduleSource.contains("#sourceLocation(file: \"Notes/t.md\", line: 6)"))
        for test in ["oneIsOne", "twoIsTwo", "noteOwn"] { #expect(tangled.testSource.contains("@Test func \(test)()")) }
    }

    @Test func gradingEveryExerciseCompilesEveryStubAtItsLine() throws {
        let tangled = try tangle(.grading(nil, stubs: true))
        #expect(tangled.moduleSource.contains("#sourceLocation(file: \"Notes/t.md\", line: 2)\nfunc one() -> Int { 0 }"))
        #expect(tangled.moduleSource.contains("func two() -> Int { 0 }"))
        #expect(!tangled.moduleSource.contains("{ 1 }") && !tangled.moduleSource.contains("{ 2 }"))
        // Every test is compiled: an exercise's tests may use the note's other tests' helpers.
        for test in ["oneIsOne", "twoIsTwo", "noteOwn"] { #expect(tangled.testSource.contains("@Test func \(test)()")) }
    }

    @Test func gradingNamedExercisesKeepsTheOthersSolutions() throws {
        let tangled = try tangle(.grading(["two"], stubs: true))
        #expect(tangled.moduleSource.contains("func one() -> Int { 1 }") && tangled.moduleSource.contains("func two() -> Int { 0 }"))
        let solutions = try tangle(.grading(["two"], stubs: false))
        #expect(solutions.moduleSource == (try tangle(.solutions)).moduleSource)
    }
}
