import DeriveCheck
import DeriveCore
import Foundation

extension Pass {
    /// check: compiles the tangled notes and their tests in a package of their own (never any
    /// other target) and runs the tests and derivation checks; with a cache, a run of the same
    /// code against the same runtime is not repeated, and its results are shown instead.
    public static func check(derivePackage: URL, cache: (any CheckResultCache)? = nil) -> Pass {
        Pass(.check, needsCleanCourse: true) { course, context in
            if let cached = cache?.results(for: course.tangled, derivePackage: derivePackage) {
                return show(cached, in: &course) + " (cached: nothing the notes' code depends on changed since "
                    + cached.produced.formatted(.iso8601) + ")"
            }
            var result = try compileAndTest(course, derivePackage: derivePackage, context: context)
            result.reports.produced = Date()
            course.diagnostics += result.diagnostics
            course.reports = result.reports
            if result.succeeded { cache?.keep(result, for: course.tangled, derivePackage: derivePackage) }
            return summary(of: result)
        }
    }

    /// check, without running anything: the results of an earlier run of exactly this code, when
    /// the cache has them, so that `derive weave` shows the same checks and examples' outputs as
    /// the `derive build` that ran them; otherwise the site says the checks have not run.
    public static func storedCheckResults(derivePackage: URL, cache: (any CheckResultCache)?) -> Pass {
        Pass(.check, needsCleanCourse: true) { course, _ in
            // A course brought up to date with one edited note keeps its last build's reports
            // while its code is the code they are of (`tangle(editedNote:moduleName:)`).
            if course.reports != nil { return "kept: the notes' code is that of the last build" }
            guard let cached = cache?.results(for: course.tangled, derivePackage: derivePackage) else {
                return "not run (no results of this code in the cache; `derive check` runs it)"
            }
            return show(cached, in: &course) + " (from the cache, produced " + cached.produced.formatted(.iso8601) + ")"
        }
    }

    /// Writes the course's tangled code into its check package (`.build/derive/check`), compiles
    /// it and runs its tests (only `testFunctions`, when given).
    static func compileAndTest(
        _ course: Course, derivePackage: URL, testFunctions: [String]? = nil, context: PassContext
    ) throws -> CheckRunner.Result {
        let folder = course.root.appendingPathComponent(".build/derive/check")
        let package = try NotesPackage.write(course.tangled, to: folder, derivePackage: derivePackage)
        let runner = CheckRunner(
            package: package, notePaths: course.notes.map(\.path), notesDisplayPath: course.directory.displayPath, testFunctions: testFunctions)
        let result = try runner.run { progress in
            switch progress {
            case .compiling(let step, let steps): context.status("compiling \(step)/\(steps)")
            case .testing(let done, let total, let failed):
                context.status("tests \(done)/\(total)" + (failed > 0 ? ", \(failed) failed" : ""))
            }
        }
        context.detail(result.log)
        return result
    }

    /// Gives `course` the diagnostics and reports of an earlier run; returns its summary.
    private static func show(_ cached: (result: CheckRunner.Result, produced: Date), in course: inout Course) -> String {
        course.diagnostics += cached.result.diagnostics
        course.reports = cached.result.reports
        course.reports?.produced = cached.produced
        return summary(of: cached.result)
    }

    private static func summary(of result: CheckRunner.Result) -> String {
        guard result.tests > 0 || result.succeeded else { return "the notes did not compile" }
        let derivations = result.reports.derivations
        return "\(result.tests - result.failedTests) of \(result.tests) tests passed, "
            + "\(derivations.filter(\.passed).count) of \(derivations.count) derivation checks"
    }
}
