import DeriveCore
import Foundation

/// What a note page shows of the checks: derivation tables and training curves (a Mustache view).
struct ResultsSection {
    /// One derivation check's table.
    struct Derivation {
        var subject: String
        var line: Int
        var passed: Bool
        /// The check shows a wrong derivation being caught, so rejected rows are the expected result.
        var expectsRejection: Bool
        var rows: [Row]
    }

    /// One parameter's row.
    struct Row {
        var name: String
        var shape: String
        var finiteDifferenceError: String
        var autodiffError: String
        var tolerance: String
        var passed: Bool
    }

    /// One training run: its loss curve and named results.
    struct Training {
        var line: Int
        var svg: String
        var results: [Result]
    }

    /// A named result, formatted.
    struct Result {
        var name: String
        var value: String
    }

    /// Whether checks were run for this build at all.
    var checksRun: Bool
    var derivations: [Derivation]
    var trainings: [Training]

    /// Whether the checks ran but the note declares none, so there is nothing to show.
    var declaresNone: Bool

    /// When the run whose results these are was, in words (`2026-12-02 at 03:12 UTC`), and as
    /// ISO 8601 for `<time datetime>`; nil when unknown.
    var checkedAt: String?
    var checkedAtISO: String?

    /// The results for the note at `notePath`, or a section saying checks were not run.
    init(notePath: String, reports: CheckReports?) {
        checksRun = reports != nil
        derivations = (reports?.derivations ?? []).filter { $0.note == notePath }.sorted { $0.line < $1.line }.map { report in
            Derivation(
                subject: report.subject, line: report.line, passed: report.passed, expectsRejection: report.expectsRejection,
                rows: report.parameters.map { parameter in
                    Row(
                        name: parameter.name,
                        shape: parameter.shape == parameter.gradientShape
                            ? NumberFormat.shape(parameter.shape)
                            : "\(NumberFormat.shape(parameter.shape)) (gradient \(NumberFormat.shape(parameter.gradientShape)))",
                        finiteDifferenceError: NumberFormat.scientific(parameter.finiteDifferenceError),
                        autodiffError: parameter.autodiffError.map(NumberFormat.scientific) ?? "—",
                        tolerance: NumberFormat.scientific(parameter.tolerance),
                        passed: parameter.passed
                    )
                }
            )
        }
        trainings = (reports?.trainings ?? []).filter { $0.note == notePath }.sorted { $0.line < $1.line }.map { report in
            Training(
                line: report.line, svg: LossCurve(losses: report.losses, xLabel: report.xLabel).svg,
                results: report.results.map { Result(name: $0.name, value: NumberFormat.short($0.value)) }
            )
        }
        declaresNone = checksRun && derivations.isEmpty && trainings.isEmpty
        if let produced = reports?.produced {
            let iso = produced.formatted(.iso8601)
            checkedAtISO = iso
            checkedAt = "\(iso.prefix(10)) at \(iso.dropFirst(11).prefix(5)) UTC"
        }
    }
}

extension ResultsSection: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = [
        "checksRun": \.checksRun, "derivations": \.derivations, "trainings": \.trainings, "declaresNone": \.declaresNone,
        "checkedAt": \.checkedAt, "checkedAtISO": \.checkedAtISO,
    ]
}

extension ResultsSection.Derivation: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = [
        "subject": \.subject, "line": \.line, "passed": \.passed, "expectsRejection": \.expectsRejection, "rows": \.rows,
    ]
}

extension ResultsSection.Row: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = [
        "name": \.name, "shape": \.shape, "finiteDifferenceError": \.finiteDifferenceError, "autodiffError": \.autodiffError,
        "tolerance": \.tolerance, "passed": \.passed,
    ]
}

extension ResultsSection.Training: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["line": \.line, "svg": \.svg, "results": \.results]
}

extension ResultsSection.Result: TemplateView {
    static let fields: [String: PartialKeyPath<Self> & Sendable] = ["name": \.name, "value": \.value]
}
