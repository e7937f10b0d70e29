/// The reports of a check run (derivation checks and training runs), for the site; nil where
/// the checks were not run.
public struct CheckReports: Codable, Sendable, Hashable {
    /// Every derivation check's report, for any note.
    public var derivations: [DerivationReport]
    /// Every training run's report, for any note.
    public var trainings: [TrainingReport]

    /// Creates the reports of one run.
    public init(derivations: [DerivationReport], trainings: [TrainingReport] = []) {
        self.derivations = derivations
        self.trainings = trainings
    }
}
