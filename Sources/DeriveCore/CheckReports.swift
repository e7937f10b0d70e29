import Foundation

/// The reports of a check run (derivation checks, training runs and examples' outputs), for the site; nil where
/// the checks were not run.
public struct CheckReports: Codable, Sendable, Hashable {
    /// Every derivation check's report, for any note.
    public var derivations: [DerivationReport]
    /// Every training run's report, for any note.
    public var trainings: [TrainingReport]
    /// What every executed `example` block showed, for any note.
    public var outputs: [ExampleOutput]
    /// When the run that made them was, once known (a run's results kept in the cache keep its time).
    public var produced: Date?

    /// Creates the reports of one run.
    public init(derivations: [DerivationReport], trainings: [TrainingReport] = [], outputs: [ExampleOutput] = []) {
        self.derivations = derivations
        self.trainings = trainings
        self.outputs = outputs
    }

    private enum CodingKeys: String, CodingKey { case derivations, trainings, outputs, produced }

    /// Decodes reports; those written before examples had outputs decode with none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        derivations = try container.decode([DerivationReport].self, forKey: .derivations)
        trainings = try container.decode([TrainingReport].self, forKey: .trainings)
        outputs = try container.decodeIfPresent([ExampleOutput].self, forKey: .outputs) ?? []
        produced = try container.decodeIfPresent(Date.self, forKey: .produced)
    }

    /// What the `example` block whose fence is at `line` of `note` showed, if it ran.
    public func output(note: String, line: Int) -> ExampleOutput? {
        outputs.first { $0.note == note && $0.line == line }
    }
}
