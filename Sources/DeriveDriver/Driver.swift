import DeriveCheck
import DeriveCore
import DerivePipeline
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
        /// The site without compiling or running anything.
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

    /// A driver that compiles with `derivePackage` and writes the site to `siteDirectory`.
    public init(derivePackage: URL = DerivePackage.directory, siteDirectory: URL, allowsRawHTML: Bool = false) {
        self.derivePackage = derivePackage
        self.siteDirectory = siteDirectory
        self.allowsRawHTML = allowsRawHTML
    }

    /// The passes `goal` runs, in order.
    public func pipeline(for goal: Goal) -> Pipeline {
        let front: [Pass] = [.load, .parse, .resolve, .tangle(moduleName: NotesPackage.moduleName)]
        switch goal {
        case .lint, .tangle: return Pipeline(front)
        case .check: return Pipeline(front + [.check(derivePackage: derivePackage)])
        case .weave: return Pipeline(front + [.weave(into: siteDirectory, allowsRawHTML: allowsRawHTML)])
        case .build:
            return Pipeline(front + [.check(derivePackage: derivePackage), .weave(into: siteDirectory, allowsRawHTML: allowsRawHTML)])
        }
    }

    /// The passes up to and including `stage`, for `derive dump --stage`.
    public func pipeline(through stage: Stage) -> Pipeline {
        Pipeline(pipeline(for: .build).passes.filter { $0.stage <= stage })
    }
}
