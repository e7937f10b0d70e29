import DeriveCore
import DeriveMarkdown
import DeriveResolve
import Testing

/// Parses and resolves `notes` (path, text) as one course.
private func resolve(_ notes: [(String, String)]) throws -> (resolutions: [NoteResolution], diagnostics: [Diagnostic]) {
    let parsed = try notes.map { path, text in try #require(NoteParser().parse(text, path: path).note) }
    return Resolver().resolve(parsed)
}

private func located(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.id)@\($0.location.file):\($0.location.line)" }
}

/// A heading, then a stub, a solution and a test block of the exercise `name` (fences at lines 3, 7, 11).
private func exercise(_ name: String, heading: String = "Exercise 1") -> String {
    """
    ### \(heading)

    ```swift exercise exercise=\(name)
    func f() -> Int { 0 }
    ```

    ```swift solution exercise=\(name)
    func f() -> Int { 1 }
    ```

    ```swift test exercise=\(name)
    @Test func fIsOne() { #expect(f() == 1) }

    @Test(arguments: [1, 2])
    func fIsOneWhatever(n: Int) { #expect(f() == 1) }

    func helper() {}
    ```

    """
}

@Suite("Exercises: a stub, its solution and the tests that grade them, tied by exercise=name")
struct ExerciseTests {
    @Test func anExerciseTiesItsStubSolutionAndTestsAndFindsTheirTestFunctions() throws {
        let (resolutions, diagnostics) = try resolve([("Notes/01-a.md", "# A\n\n" + exercise("f-one", heading: "Exercise 1.1: one"))])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let found = try #require(resolutions[0].exercises.first)
        #expect(resolutions[0].exercises.count == 1)
        #expect(found == Exercise(
            name: "f-one", notePath: "Notes/01-a.md", title: "Exercise 1.1: one", stub: 1, solution: 2, tests: [3],
            testFunctions: ["fIsOne", "fIsOneWhatever"]))
        #expect(resolutions[0].exercise(ofBlock: 2)?.name == "f-one")
        #expect(resolutions[0].exercise(ofBlock: 4) == nil)
    }

    @Test func eachWayAnExerciseIsIncompleteIsAnErrorAtItsBlock() throws {
        let note = """
            ```swift exercise exercise=lonely
            func g() {}
            ```

            ```swift solution exercise=orphan
            func h() {}
            ```

            ```swift exercise
            func i() {}
            ```

            ```swift delta exercise=lonely
            let d = 1
            ```

            ```swift exercise exercise=helpers-only
            func j() {}
            ```

            ```swift solution exercise=helpers-only
            func j() {}
            ```

            ```swift test exercise=helpers-only
            func notATest() {}
            ```

            ```swift test exercise=nowhere
            @Test func t() {}
            ```

            """
        let diagnostics = try resolve([("Notes/01-a.md", note)]).diagnostics
        #expect(located(diagnostics) == [
            "exercise.no-solution@Notes/01-a.md:1", "exercise.no-test@Notes/01-a.md:1",
            "exercise.no-stub@Notes/01-a.md:5",
            "exercise.unnamed@Notes/01-a.md:9",
            "exercise.misplaced@Notes/01-a.md:13",
            "exercise.no-test@Notes/01-a.md:25",
            "exercise.no-stub@Notes/01-a.md:29",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics[0].message == "exercise 'lonely' has no solution: add a 'swift solution exercise=lonely' block")
    }

    @Test func anExerciseNameIsTheCoursesAndTakesOneStubAndOneSolution() throws {
        let twice = exercise("same") + "```swift exercise exercise=same\nfunc f2() {}\n```\n\n```swift solution exercise=same\nfunc f2() {}\n```\n"
        let (_, diagnostics) = try resolve([("Notes/01-a.md", twice), ("Notes/02-b.md", exercise("same"))])
        #expect(located(diagnostics) == [
            "exercise.duplicate@Notes/01-a.md:19", "exercise.duplicate@Notes/01-a.md:23", "exercise.duplicate@Notes/02-b.md:3",
        ])
        #expect(diagnostics[2].message.hasPrefix("exercise 'same' is already an exercise of Notes/01-a.md"))
    }

    @Test func theTestFunctionsOfABlockAreTheFunctionsMarkedTest() {
        let code = "@Test func a() {}\n@Test(\"named\",\n      arguments: [1])\nfunc b(x: Int) {}\nfunc c() {}\n@Test func `d e`() {}\n"
        #expect(Exercise.testFunctions(in: code) == ["a", "b", "`d e`"])
    }
}
