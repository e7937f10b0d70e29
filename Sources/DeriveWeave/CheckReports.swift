import DeriveCore

/// The reports of a check run, for the site; pass nil instead when checks were not run.
public struct CheckReports: Sendable, Hashable {
    /// Every derivation check's report, for any note.
    public var derivations: [DerivationReport]
    /// Every training run's report, for any note.
    public var trainings: [TrainingReport]

    /// Creates the reports of one run.
    public init(derivations: [DerivationReport], trainings: [TrainingReport] = []) {
        self.derivations = derivations
        self.trainings = trainings
    }

    /// How the note at `notePath` fared: failed if any of its checks failed.
    func status(of notePath: String) -> CheckStatus {
        let checks = derivations.filter { $0.note == notePath }
        if checks.isEmpty { return .noCheck }
        return checks.allSatisfy(\.passed) ? .passed : .failed
    }
}
