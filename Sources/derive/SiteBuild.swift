import ArgumentParser
import DeriveCheck
import DeriveCore
import DeriveWeave
import Foundation

/// The work behind `derive build`, `derive weave` and `derive serve`: load and lint the notes,
/// optionally run their checks, and weave the site.
struct SiteBuild {
    let options: SiteCommandOptions
    /// Whether to compile the notes and run their tests and derivation checks first.
    let runsChecks: Bool

    /// Builds the site; prints every diagnostic; throws a failing exit code if any is an error, in
    /// which case the site folder is left as it was.
    func run() throws {
        let started = Date()
        let (notes, _, lintDiagnostics) = try options.notes.loadAndLint()
        var diagnostics = lintDiagnostics
        guard !diagnostics.containsErrors else { return try DiagnosticPrinter.report(diagnostics) }

        var reports: CheckReports?
        if runsChecks {
            print("checking \(notes.count) notes (swift test --filter NotesTests) ...")
            let package = try NotesPackage.compiling(notes: options.notes.directory.url, derivePackage: try Self.derivePackage())
            let outcome = try CheckRunner(packageDirectory: package.directory).run(notePaths: notes.map(\.path))
            diagnostics += outcome.diagnostics
            if !outcome.succeeded {
                // A failing check is a failed build: the previous site stays as it was.
                if !outcome.diagnostics.containsErrors {
                    FileHandle.standardError.write(Data(outcome.log.utf8))
                    throw ValidationError("the notes' tests failed (their output is above); the site was not written")
                }
                return try DiagnosticPrinter.report(diagnostics)
            }
            reports = CheckReports(derivations: outcome.derivations, trainings: outcome.trainings)
            let passed = outcome.derivations.filter(\.passed).count
            print("derivation checks: \(passed) of \(outcome.derivations.count) passed")
        }

        do {
            let summary = try SiteBuilder(options: options.siteOptions).build(
                notes: notes, reports: reports, notesDirectory: options.notes.directory.url,
                siteDirectory: options.siteDirectory)
            diagnostics += summary.diagnostics
            let seconds = Date().timeIntervalSince(started)
            print("wrote \(summary.pages.count) pages to \(options.site) in \(String(format: "%.1f", seconds)) s")
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        }
        try DiagnosticPrinter.report(diagnostics)
    }

    /// The Derive package that holds the runtime and the build plugin: the current folder or the
    /// nearest folder above it whose Package.swift declares the package `Derive`.
    private static func derivePackage() throws -> URL {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        while true {
            let manifest = folder.appendingPathComponent("Package.swift")
            if let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"Derive\"") { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path {
                throw ValidationError("derive build compiles the notes with the Derive package; run it inside that package's folder")
            }
            folder = parent
        }
    }
}
