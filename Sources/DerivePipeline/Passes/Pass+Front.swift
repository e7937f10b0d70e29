import DeriveCore
import DeriveMarkdown
import DeriveResolve
import DeriveTangle
import Foundation

extension Pass {
    /// load: finds the notes and the other files of the notes folder.
    public static let load = Pass(.load) { course, _ in
        let directory = course.directory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.url.path, isDirectory: &isFolder), isFolder.boolValue else {
            course.diagnostics.append(Diagnostic(
                .error, .notesMissing, "no folder of notes here (give another with --notes, or 'notes:' in derive.yml)",
                at: .whole(directory.displayPath)))
            return "no notes folder"
        }
        do {
            let contents = try directory.contents(within: course.root)
            course.noteFiles = contents.notes
            course.assets = contents.otherFiles
            course.diagnostics += contents.refusedLinks.map { link in
                Diagnostic(.error, .linkOutsideCourse, "\(link.reason)", at: .whole(directory.displayPath(ofRelativePath: link.relativePath)))
            }
        } catch {
            course.diagnostics.append(Diagnostic(
                .error, .noteUnreadable, "cannot list the notes: \(error.localizedDescription)", at: .whole(directory.displayPath)))
        }
        return "\(course.noteFiles.count) notes, \(course.assets.count) other files"
    }

    /// parse: front matter, math and cmark, one note per core at once.
    public static let parse = parse(jobs: ProcessInfo.processInfo.activeProcessorCount)

    /// parse, `jobs` notes at once (the same notes, in the same order, as one at a time); with a
    /// memo, a note whose bytes did not change since the memo's last build is not parsed again.
    public static func parse(jobs: Int, memo: ParsedNoteMemo? = nil) -> Pass {
        Pass(.parse) { course, _ in
            let directory = course.directory
            let parsed = course.noteFiles.concurrentMap(jobs: jobs) { file in
                let path = directory.displayPath(of: file)
                defer { TestStopPoint.parse.reach() }
                return memo?.parse(contentsOf: file.url, path: path, relativePath: file.relativePath)
                    ?? NoteParser().parse(contentsOf: file.url, path: path, relativePath: file.relativePath)
            }
            course.notes = parsed.compactMap(\.note)
            course.diagnostics += parsed.flatMap(\.diagnostics)
            let blocks = course.notes.reduce(0) { $0 + $1.codeBlocks.count }
            return "\(course.notes.count) notes, \(blocks) code blocks"
        }
    }

    /// resolve: equation and figure numbers, citations and links across the course,
    /// `implements=` and chunks, once for every later stage.
    public static let resolve = Pass(.resolve) { course, _ in
        let resolved = Resolver().resolve(course.notes, assets: course.assets.map(\.relativePath))
        course.resolutions = resolved.resolutions
        course.diagnostics += resolved.diagnostics
        let equations = course.resolutions.reduce(0) { $0 + $1.equations.count }
        let chunks = course.resolutions.reduce(0) { $0 + $1.chunks.count }
        return "\(equations) numbered equations, \(chunks) chunks"
    }

    /// tangle: each note's module and test sources, in memory (the commands decide where they go),
    /// with the exercises' solutions, or their stubs for grading (`exercises`).
    public static func tangle(moduleName: String, exercises: ExerciseCode = .solutions) -> Pass {
        Pass(.tangle) { course, _ in
            let result = Tangler(moduleName: moduleName, exercises: exercises).tangle(course.notes, resolutions: course.resolutions)
            course.tangled = result.tangled
            course.diagnostics += result.diagnostics
            let lines = result.tangled.reduce(0) { $0 + $1.moduleSource.count(where: { $0 == "\n" }) + $1.testSource.count(where: { $0 == "\n" }) }
            return "\(result.tangled.count) Swift files, \(lines) lines"
        }
    }
}
