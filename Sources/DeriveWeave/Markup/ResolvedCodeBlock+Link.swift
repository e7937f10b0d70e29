import DeriveResolve

extension ResolvedCodeBlock {
    /// How a link to the block reads: `code 3 (Gradient)`.
    var linkText: String { "code \(number)" + (role.map { " (\($0.label))" } ?? "") }
}
