import DeriveCore

/// Warns about a note that derives gradients but never asks for the derivation check.
public enum DerivationCheckLint {
    /// The call a note's test writes to check its gradients (see DeriveRuntime).
    public static let checkCall = "checkDerivation("

    /// A warning if `note` has `gradient` blocks and no compiled block calls `checkDerivation(`.
    public static func diagnostics(for note: Note) -> [Diagnostic] {
        let compiled = note.codeBlocks.filter(\.isCompiled)
        guard let gradient = compiled.first(where: { $0.attributes.role == .gradient }),
              !compiled.contains(where: { $0.code.contains(checkCall) })
        else { return [] }
        return [Diagnostic(
            .warning, "check.missing",
            "this note derives gradients but declares no derivation check; add a test block calling \(checkCall)...)",
            at: gradient.location)]
    }
}
