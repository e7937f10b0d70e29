import DeriveCore
import Foundation
import Testing

/// Records a training run for the site's loss curve: prints a summary, returns a
/// `TrainingReport`, and writes it when `DERIVE_REPORT_DIR` is set.
///
/// `results` are named numbers worth stating, in order: `["test accuracy": accuracy]`. A loss
/// that is not finite (a diverged run) is recorded as a Swift Testing issue at the caller's line
/// and the report is not written.
@discardableResult
public func recordTraining(
    losses: [Double],
    xLabel: String = "epoch",
    results: KeyValuePairs<String, Double> = [:],
    sourceLocation: SourceLocation = #_sourceLocation
) -> TrainingReport {
    let report = TrainingReport(
        note: sourceLocation.filePath, line: sourceLocation.line, xLabel: xLabel, losses: losses,
        results: results.map { NamedValue(name: $0.key, value: $0.value) })
    func format(_ value: Double) -> String { String(format: "%.4g", value) }
    let curve = losses.isEmpty ? "no losses" : "loss over \(losses.count) × \(xLabel): \(format(losses[0])) -> \(format(losses[losses.count - 1]))"
    print("recordTraining at \(sourceLocation.filePath):\(sourceLocation.line): \(curve)"
        + results.map { "; \($0.key) \(format($0.value))" }.joined())

    if let diverged = losses.firstIndex(where: { !$0.isFinite }) {
        Issue.record(Comment(rawValue: "the training loss is \(losses[diverged]) at \(xLabel) \(diverged)"), sourceLocation: sourceLocation)
        return report
    }
    do {
        try ReportStore.active?.write(report)
    } catch {
        Issue.record(Comment(rawValue: "could not write the training report: \(error)"), sourceLocation: sourceLocation)
    }
    return report
}
