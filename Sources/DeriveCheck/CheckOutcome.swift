import DeriveCore

/// What running the notes' tests found.
public struct CheckOutcome: Sendable {
    /// Whether the notes compiled and every test passed.
    public var succeeded: Bool
    /// Compiler errors and test failures, located in the notes.
    public var diagnostics: [Diagnostic]
    /// The derivation checks' reports, by note and line.
    public var derivations: [DerivationReport]
    /// The training runs' reports, by note and line.
    public var trainings: [TrainingReport]
    /// Everything the test run printed, for when the diagnostics do not explain a failure.
    public var log: String
}
