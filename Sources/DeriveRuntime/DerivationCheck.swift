import DeriveCore
import Foundation
import Testing
import _Differentiation

/// Checks a note's hand-derived gradients against central finite differences of its loss and
/// against the compiler's reverse-mode gradient, parameter by parameter.
///
/// A note declares it in one line of a test block:
/// `@Test func derivation() { checkDerivation(at: p, loss: { loss($0, x: x, y: y) }, gradients: { gradients($0, x: x, y: y) }) }`.
/// Each failing parameter is recorded as a Swift Testing issue at the caller's line (the note's
/// line, through the tangler's `#sourceLocation`); one line per parameter is printed; the report
/// is returned and, when `DERIVE_REPORT_DIR` is set, written for the site. How the errors are
/// measured is described at `gradientError(_:_:)`. A `label` tells apart the checks one
/// parameterized test makes at the same line (`label: "\(activation)"`). Finite differences cost two evaluations of
/// the loss per parameter entry, so check at a small sample (a few examples, small layers).
@discardableResult
public func checkDerivation<Parameters: ParameterSet & Differentiable>(
    at point: Parameters,
    loss: @differentiable(reverse) (Parameters) -> Double,
    gradients: (Parameters) -> Parameters,
    tolerance: Double = 1e-6,
    expecting expectation: DerivationExpectation = .match,
    label: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> DerivationReport where Parameters.TangentVector == Parameters {
    let automatic = gradient(at: point, of: loss)
    return runDerivationCheck(
        at: point, loss: loss, gradients: gradients, automatic: automatic, tolerance: tolerance,
        expectation: expectation, label: label, sourceLocation: sourceLocation)
}

/// What a derivation check expects of the hand-derived gradients.
public enum DerivationExpectation: Sendable {
    /// Every gradient matches (the usual case): each mismatch is a test failure.
    case match
    /// The check rejects them: for a note that shows a wrong formula being caught. Every gradient
    /// matching is then the test failure, and the site shows the check as rejected, as expected.
    case rejection
}

/// `checkDerivation` for a loss the compiler cannot differentiate: checks against central finite
/// differences only, and says in its output that the autodiff comparison was skipped.
@discardableResult
public func checkDerivationWithoutAutodiff<Parameters: ParameterSet>(
    at point: Parameters,
    loss: (Parameters) -> Double,
    gradients: (Parameters) -> Parameters,
    tolerance: Double = 1e-6,
    expecting expectation: DerivationExpectation = .match,
    label: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> DerivationReport {
    runDerivationCheck(
        at: point, loss: loss, gradients: gradients, automatic: nil, tolerance: tolerance,
        expectation: expectation, label: label, sourceLocation: sourceLocation)
}

/// The check both entry points share; `automatic` is the compiler's gradient, if there is one.
private func runDerivationCheck<Parameters: ParameterSet>(
    at point: Parameters,
    loss: (Parameters) -> Double,
    gradients: (Parameters) -> Parameters,
    automatic: Parameters?,
    tolerance: Double,
    expectation: DerivationExpectation,
    label: String?,
    sourceLocation: SourceLocation
) -> DerivationReport {
    let derived = gradients(point)
    let subject = subjectName(Parameters.self) + (label.map { " (\($0))" } ?? "")
    let lossAtPoint = loss(point)
    if !lossAtPoint.isFinite {
        Issue.record(
            Comment(rawValue: "\(subject): the loss at the check's point is \(lossAtPoint); a derivation check needs a finite loss"),
            sourceLocation: sourceLocation)
    }
    let place = "\(sourceLocation.filePath):\(sourceLocation.line)"
    var lines = ["checkDerivation \(subject) at \(place)" + (automatic == nil ? " (autodiff skipped: loss not differentiable by the compiler)" : "")]

    var rows: [ParameterCheck] = []
    for (name, keyPath) in Parameters.parameters {
        let parameter = point[keyPath: keyPath]
        let hand = derived[keyPath: keyPath]
        let shapesAgree = hand.shape == parameter.shape
        let numeric = finiteDifferenceGradient(of: loss, at: point, along: keyPath)
        let row = ParameterCheck(
            name: name, shape: parameter.shape, gradientShape: hand.shape,
            finiteDifferenceError: shapesAgree ? gradientError(hand, numeric) : incomparable,
            autodiffError: automatic.map { automatic in
                let compiled = automatic[keyPath: keyPath]
                // The compiler leaves the shape-less zero for a parameter the loss never reads.
                let full = compiled.isShapelessZero ? Matrix(rows: parameter.rows, cols: parameter.cols, repeating: 0) : compiled
                return shapesAgree ? gradientError(hand, full) : incomparable
            },
            tolerance: tolerance)
        rows.append(row)
        lines.append(describe(row))
        for failure in failures(of: row) where expectation == .match {
            Issue.record(Comment(rawValue: "\(subject).\(name): \(failure)"), sourceLocation: sourceLocation)
        }
    }
    if expectation == .rejection && rows.allSatisfy(\.passed) {
        Issue.record(
            Comment(rawValue: "\(subject): the check was expected to reject these gradients, but every one matched"),
            sourceLocation: sourceLocation)
    }

    // One print, so that checks running in parallel tests do not interleave their lines.
    print(lines.joined(separator: "\n"))
    let report = DerivationReport(
        note: sourceLocation.filePath, line: sourceLocation.line, subject: subject, parameters: rows,
        expectsRejection: expectation == .rejection)
    do {
        try ReportStore.active?.write(report)
    } catch {
        Issue.record(Comment(rawValue: "could not write the derivation report: \(error)"), sourceLocation: sourceLocation)
    }
    return report
}

/// The parameter type's name without its module (`ThreeLayer.Parameters`).
private func subjectName(_ type: Any.Type) -> String {
    let name = String(reflecting: type)
    guard let dot = name.firstIndex(of: ".") else { return name }
    return String(name[name.index(after: dot)...])
}

/// The error reported when a gradient cannot be compared (its shape is wrong, or it holds a NaN);
/// finite, so that the report can be written as JSON.
let incomparable = Double.greatestFiniteMagnitude

/// How far a hand-derived gradient `a` is from a reference `b` (finite differences or autodiff):
///
///     max_i |a_i − b_i| / max(max_i |a_i|, max_i |b_i|, 1e-8)
///
/// the largest entry-wise error, relative to the parameter's largest gradient entry. Measuring
/// each entry against its own size would fail on entries near zero, where finite differences
/// have only absolute accuracy (about 1e-11 here); measuring against the largest entry still
/// catches a single wrong sign in any entry that matters. Non-finite values are `incomparable`.
func gradientError(_ a: Matrix, _ b: Matrix) -> Double {
    var difference = 0.0, scale = 1e-8
    for (x, y) in zip(a.values, b.values) {
        guard x.isFinite, y.isFinite else { return incomparable }
        difference = max(difference, abs(x - y))
        scale = max(scale, abs(x), abs(y))
    }
    return difference / scale
}

/// ∂loss/∂θ for every entry θ of one parameter, by central differences
/// (L(θ + h) − L(θ − h)) / 2h with h = ∛ε · max(1, |θ|) ≈ 6e-6 · max(1, |θ|): the step that
/// balances truncation error (h²) against rounding error (ε / h) in Double.
func finiteDifferenceGradient<Parameters>(
    of loss: (Parameters) -> Double, at point: Parameters, along keyPath: WritableKeyPath<Parameters, Matrix>
) -> Matrix {
    let parameter = point[keyPath: keyPath]
    var probe = point
    var out = Matrix(rows: parameter.rows, cols: parameter.cols, repeating: 0)
    for index in 0..<parameter.count {
        let theta = parameter[flat: index]
        let h = cbrt(Double.ulpOfOne) * max(1, abs(theta))
        let (up, down) = (theta + h, theta - h)
        probe[keyPath: keyPath][flat: index] = up
        let lossUp = loss(probe)
        probe[keyPath: keyPath][flat: index] = down
        let lossDown = loss(probe)
        probe[keyPath: keyPath][flat: index] = theta
        // Divide by the step actually taken, after rounding θ ± h to Doubles.
        out[flat: index] = (lossUp - lossDown) / (up - down)
    }
    return out
}

/// One printed line: name, shape, both errors, verdict.
private func describe(_ row: ParameterCheck) -> String {
    func format(_ error: Double) -> String { error == incomparable ? "n/a" : String(format: "%.1e", error) }
    let name = row.name.padding(toLength: max(row.name.count, 4), withPad: " ", startingAt: 0)
    let shape = "\(row.shape)".padding(toLength: max("\(row.shape)".count, 10), withPad: " ", startingAt: 0)
    let autodiff = row.autodiffError.map(format) ?? "skipped"
    let verdict = row.passed ? "ok" : "FAIL" + (row.shape == row.gradientShape ? "" : " (gradient shape \(row.gradientShape))")
    return "  \(name) \(shape) vs finite differences \(format(row.finiteDifferenceError))  vs autodiff \(autodiff)  \(verdict)"
}

/// What went wrong with one parameter, one sentence per failure.
private func failures(of row: ParameterCheck) -> [String] {
    if row.shape != row.gradientShape {
        return ["the gradient's shape \(row.gradientShape) differs from the parameter's shape \(row.shape)"]
    }
    var found: [String] = []
    if row.finiteDifferenceError > row.tolerance {
        found.append("the hand-derived gradient differs from central finite differences by \(describeError(row.finiteDifferenceError)) (tolerance \(row.tolerance))")
    }
    if let autodiff = row.autodiffError, autodiff > row.tolerance {
        found.append("the hand-derived gradient differs from the compiler's gradient by \(describeError(autodiff)) (tolerance \(row.tolerance))")
    }
    return found
}

/// A relative error in words: a number, or why there is none.
private func describeError(_ error: Double) -> String {
    error == incomparable ? "a non-finite amount" : String(format: "%.2e", error)
}
