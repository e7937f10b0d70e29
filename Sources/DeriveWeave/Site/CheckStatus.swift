import DeriveCore

/// How a note's derivation checks stand, as the index page shows it.
enum CheckStatus: String {
    case passed, failed
    /// The checks ran, and the note declares none.
    case noCheck = "no-check"
    /// The build was given no reports.
    case notRun = "not-run"

    /// The words on the index page.
    var text: String {
        switch self {
        case .passed: "passed"
        case .failed: "failed"
        case .noCheck: "no check"
        case .notRun: "not run"
        }
    }
}

extension CheckReports {
    /// How the note at `notePath` fared: failed if any of its checks failed.
    func status(of notePath: String) -> CheckStatus {
        let checks = derivations.filter { $0.note == notePath }
        if checks.isEmpty { return .noCheck }
        return checks.allSatisfy(\.passed) ? .passed : .failed
    }
}
