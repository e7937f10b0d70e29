import DeriveCache
import DeriveCheck
import DeriveCore
import DerivePipeline
import DeriveTangle
import Foundation

/// Derive's commands as pipelines over one course: which passes each runs, and nothing else.
public struct Driver: Sendable {
    /// What to run.
    public enum Goal: String, Sendable, CaseIterable {
        /// Every problem of every note, without compiling: load, parse, resolve, tangle.
        case lint
        /// The tangled Swift, to be written out: the same passes as lint.
        case tangle
        /// Compile the notes and run their tests and checks; no site.
        case check
        /// The site without compiling or running anything: check results and examples' outputs
        /// only from the cache, when it holds a run of exactly this code.
        case weave
        /// Everything: check, then the site.
        case build
    }

    /// The Derive package whose runtime the notes compile with.
    public var derivePackage: URL
    /// Where the site goes.
    public var siteDirectory: URL
    /// Whether notes may put raw HTML into the site.
    public var allowsRawHTML: Bool
    /// How many notes are parsed and woven, and how many KaTeX processes run, at once.
    public var jobs: Int
    /// The build cache (rendered math, pages, check results), or nil to redo everything.
    public var cacheDirectory: URL?
    /// Parsed notes kept from the last build of this process (`derive serve`), or nil.
    public var parsedNotes: ParsedNoteMemo?

    /// A driver that compiles with `derivePackage` and writes the site to `siteDirectory`, `jobs`
    /// things at once (one per core by default).
    public init(
        derivePackage: URL = DerivePackage.directory, siteDirectory: URL, allowsRawHTML: Bool = false,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, cacheDirectory: URL? = nil, parsedNotes: ParsedNoteMemo? = nil
    ) {
        self.derivePackage = derivePackage
        self.siteDirectory = siteDirectory
        self.allowsRawHTML = allowsRawHTML
        self.jobs = max(1, jobs)
        self.cacheDirectory = cacheDirectory
        self.parsedNotes = parsedNotes
    }

    /// The passes `goal` runs, in order; check results come from the course's build cache
    /// (`cacheDirectory`) when nothing the notes' code depends on changed, and a site build whose
    /// inputs and site are those of the last one does nothing (`BuildRecord`).
    public func pipeline(for goal: Goal) -> Pipeline {
        let recorder = cacheDirectory.flatMap { cache in
            goal == .weave || goal == .build
                ? BuildRecorder(cache: cache, goal: goal, site: siteDirectory, allowsRawHTML: allowsRawHTML, derivePackage: derivePackage)
                : nil
        }
        return pipeline(for: goal, recorder: recorder)
    }

    private func pipeline(for goal: Goal, recorder: BuildRecorder?) -> Pipeline {
        var front: [Pass] = [.load]
        if let recorder { front.append(.recall(recorder)) }
        front += [.parse(jobs: jobs, memo: parsedNotes), .resolve, .tangle(moduleName: NotesPackage.moduleName)]
        switch goal {
        case .lint, .tangle: return Pipeline(front)
        case .check: return Pipeline(front + [check])
        case .weave: return Pipeline(front + (cacheDirectory == nil ? [] : [storedCheckResults]) + [weave(recorder)])
        case .build: return Pipeline(front + [check, weave(recorder)])
        }
    }

    /// `derive serve`'s preview of an edited note: the course of the last build (`course` as its
    /// pipeline left it) brought up to date with the note at `relativePath` alone, and that
    /// note's page written into the site, with the check results stored for exactly the code
    /// it now tangles into (none when there are none); the whole site's build then follows.
    public func pipeline(previewing relativePath: String) -> Pipeline {
        Pipeline([
            .parse(editedNote: relativePath, memo: parsedNotes), .resolve(editedNote: relativePath),
            .tangle(editedNote: relativePath, moduleName: NotesPackage.moduleName),
            storedCheckResults,
            .weave(editedNote: relativePath, into: siteDirectory, allowsRawHTML: allowsRawHTML, jobs: jobs, cacheDirectory: cacheDirectory),
        ])
    }

    /// `derive exercise`: the front passes with the exercises' stubs in place of their solutions
    /// (their solutions, when `stubs` is false) and only their tests, then one compile and one
    /// test run that grades the exercises named (every exercise when nil).
    public func pipeline(gradingExercises names: Set<String>?, stubs: Bool = true) -> Pipeline {
        Pipeline([
            .load, .parse(jobs: jobs, memo: parsedNotes), .resolve,
            .tangle(moduleName: NotesPackage.moduleName, exercises: .grading(names, stubs: stubs)),
            .gradeExercises(names, stubs: stubs, derivePackage: derivePackage),
        ])
    }

    private var check: Pass { .check(derivePackage: derivePackage, cache: checkResults) }

    /// The results of earlier runs, shown by `derive weave` without running anything.
    private var storedCheckResults: Pass { .storedCheckResults(derivePackage: derivePackage, cache: checkResults) }

    private var checkResults: StoredCheckResults? {
        cacheDirectory.map { StoredCheckResults(file: CacheFile(url: $0.appendingPathComponent("checks"))) }
    }

    private func weave(_ recorder: BuildRecorder?) -> Pass {
        .weave(into: siteDirectory, allowsRawHTML: allowsRawHTML, jobs: jobs, cacheDirectory: cacheDirectory, recorder: recorder)
    }

    /// The passes up to and including `stage`, for `derive dump --stage` (every one of them runs).
    public func pipeline(through stage: Stage) -> Pipeline {
        Pipeline(pipeline(for: .build, recorder: nil).passes.filter { $0.stage <= stage })
    }
}
