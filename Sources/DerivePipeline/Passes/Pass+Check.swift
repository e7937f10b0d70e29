import DeriveCheck
import DeriveCore
import Foundation

extension Pass {
    /// check: compiles the tangled notes and their tests in a package of their own (never any
    /// other target) and runs the tests and derivation checks.
    public static func check(derivePackage: URL) -> Pass {
        Pass(.check, needsCleanCourse: true) { course, context in
            let folder = course.root.appendingPathComponent(".build/derive/check")
            let package = try NotesPackage.write(course.tangled, to: folder, derivePackage: derivePackage)
            let runner = CheckRunner(package: package, notePaths: course.notes.map(\.path), notesDisplayPath: course.directory.displayPath)
            let result = try runner.run { progress in
                switch progress {
                case .compiling(let step, let steps): context.status("compiling \(step)/\(steps)")
                case .testing(let done, let total, let failed):
                    context.status("tests \(done)/\(total)" + (failed > 0 ? ", \(failed) failed" : ""))
                }
            }
            context.detail(result.log)
            course.diagnostics += result.diagnostics
            course.reports = result.reports
            guard result.tests > 0 || result.succeeded else { return "the notes did not compile" }
            let derivations = result.reports.derivations
            return "\(result.tests - result.failedTests) of \(result.tests) tests passed, "
                + "\(derivations.filter(\.passed).count) of \(derivations.count) derivation checks"
        }
    }
}
