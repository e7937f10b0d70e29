/// What a note's derivation check found, written by the test run and shown by the site.
public struct DerivationReport: Codable, Hashable, Sendable {
    /// The path of the note whose test declared the check (`Notes/02-relu.md`).
    public var note: String
    /// The line of the note where the check is declared.
    public var line: Int
    /// A name for what was checked (the model's type name).
    public var subject: String
    /// One row per parameter.
    public var parameters: [ParameterCheck]
    /// True for a check that shows a wrong derivation being caught: it succeeds when rejected.
    public var expectsRejection: Bool

    /// Creates a report.
    public init(note: String, line: Int, subject: String, parameters: [ParameterCheck], expectsRejection: Bool = false) {
        self.note = note
        self.line = line
        self.subject = subject
        self.parameters = parameters
        self.expectsRejection = expectsRejection
    }

    /// Whether every parameter's gradient matched.
    public var allParametersPassed: Bool { parameters.allSatisfy(\.passed) }

    /// Whether the check came out as the note expects: every gradient matched, or, for a check
    /// that expects rejection, at least one did not.
    public var passed: Bool { expectsRejection ? !allParametersPassed : allParametersPassed }
}

/// One parameter's row in a derivation check.
public struct ParameterCheck: Codable, Hashable, Sendable {
    /// The parameter's name as the note writes it (`W1`, `b2`).
    public var name: String
    /// The parameter's shape, rows then columns.
    public var shape: [Int]
    /// The hand-derived gradient's shape; must equal `shape`.
    public var gradientShape: [Int]
    /// Largest relative error between the hand-derived gradient and central finite differences.
    public var finiteDifferenceError: Double
    /// Largest relative error between the hand-derived gradient and the compiler's reverse-mode
    /// gradient, when the note's loss is differentiable by the compiler.
    public var autodiffError: Double?
    /// The tolerance both errors were held to.
    public var tolerance: Double

    /// Creates a row.
    public init(
        name: String, shape: [Int], gradientShape: [Int], finiteDifferenceError: Double,
        autodiffError: Double?, tolerance: Double
    ) {
        self.name = name
        self.shape = shape
        self.gradientShape = gradientShape
        self.finiteDifferenceError = finiteDifferenceError
        self.autodiffError = autodiffError
        self.tolerance = tolerance
    }

    /// Whether the shapes agree and every error is within the tolerance.
    public var passed: Bool {
        shape == gradientShape && finiteDifferenceError <= tolerance
            && (autodiffError.map { $0 <= tolerance } ?? true)
    }
}

/// A training run's loss per step (or epoch), for the site's loss curve.
public struct TrainingReport: Codable, Hashable, Sendable {
    /// The path of the note that trained.
    public var note: String
    /// The line of the note where training was recorded.
    public var line: Int
    /// What the curve's x axis counts (`epoch`, `step`).
    public var xLabel: String
    /// The loss at each point, in order.
    public var losses: [Double]
    /// Named results worth stating (`test accuracy` -> 0.86), in the order given.
    public var results: [NamedValue]

    /// Creates a report.
    public init(note: String, line: Int, xLabel: String, losses: [Double], results: [NamedValue]) {
        self.note = note
        self.line = line
        self.xLabel = xLabel
        self.losses = losses
        self.results = results
    }
}

/// A named number in a report.
public struct NamedValue: Codable, Hashable, Sendable {
    public var name: String
    public var value: Double

    /// Creates a named value.
    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}
