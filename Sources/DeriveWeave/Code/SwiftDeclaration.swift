/// A declaration in a note's Swift code, for the page's index of declarations.
struct SwiftDeclaration: Hashable {
    /// The kind as Swift spells it: `struct`, `func`, `var`...
    var kind: String
    /// The name, qualified by enclosing types and with argument labels: `Layer.forward(_:)`.
    var name: String
}
