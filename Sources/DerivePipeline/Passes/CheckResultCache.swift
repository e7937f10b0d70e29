import DeriveCheck
import DeriveTangle
import Foundation

/// Where the check pass finds the results of an earlier run of the same code, and keeps new ones.
public protocol CheckResultCache: Sendable {
    /// The results of a run of exactly `tangled` against `derivePackage`'s runtime, and when they were produced.
    func results(for tangled: [TangledNote], derivePackage: URL) -> (result: CheckRunner.Result, produced: Date)?
    /// Keeps `result`, a run of `tangled` against `derivePackage`'s runtime.
    func keep(_ result: CheckRunner.Result, for tangled: [TangledNote], derivePackage: URL)
}
