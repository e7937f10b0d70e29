import ArgumentParser
import DeriveCore
import Foundation

/// Prints diagnostics the way compilers do, on standard error, and turns errors into an exit status.
enum DiagnosticPrinter {
    /// Prints `diagnostics` in note order; throws a failing exit code if any is an error.
    static func report(_ diagnostics: [Diagnostic]) throws {
        for diagnostic in diagnostics.sortedByLocation() {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        }
        if diagnostics.containsErrors { throw ExitCode.failure }
    }
}
