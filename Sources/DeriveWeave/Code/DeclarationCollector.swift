import SwiftSyntax

/// Finds the declarations of a piece of Swift: types, functions and properties at top level and
/// inside types and extensions; never the locals inside bodies.
final class DeclarationCollector: SyntaxVisitor {
    private var scope: [String] = []
    private var found: [SwiftDeclaration] = []

    /// The declarations of `tree`, in source order.
    static func declarations(in tree: SourceFileSyntax) -> [SwiftDeclaration] {
        let collector = DeclarationCollector(viewMode: .sourceAccurate)
        collector.walk(tree)
        return collector.found
    }

    private func record(_ kind: String, _ name: String) {
        found.append(SwiftDeclaration(kind: kind, name: (scope + [name]).joined(separator: ".")))
    }

    private func enterType(_ kind: String, _ name: TokenSyntax) -> SyntaxVisitorContinueKind {
        record(kind, name.text)
        scope.append(name.text)
        return .visitChildren
    }

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { enterType("struct", node.name) }
    override func visitPost(_ node: StructDeclSyntax) { scope.removeLast() }
    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { enterType("class", node.name) }
    override func visitPost(_ node: ClassDeclSyntax) { scope.removeLast() }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { enterType("enum", node.name) }
    override func visitPost(_ node: EnumDeclSyntax) { scope.removeLast() }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { enterType("actor", node.name) }
    override func visitPost(_ node: ActorDeclSyntax) { scope.removeLast() }
    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { enterType("protocol", node.name) }
    override func visitPost(_ node: ProtocolDeclSyntax) { scope.removeLast() }

    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        scope.append(node.extendedType.trimmedDescription)
        return .visitChildren
    }

    override func visitPost(_ node: ExtensionDeclSyntax) { scope.removeLast() }

    override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind {
        record("typealias", node.name.text)
        return .skipChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        record("func", node.name.text + labels(node.signature.parameterClause))
        return .skipChildren
    }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        record("init", "init" + labels(node.signature.parameterClause))
        return .skipChildren
    }

    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
        record("subscript", "subscript" + labels(node.parameterClause))
        return .skipChildren
    }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        for binding in node.bindings {
            for name in binding.pattern.tokens(viewMode: .sourceAccurate) where name.tokenKind.isIdentifier {
                record(node.bindingSpecifier.text, name.text)
            }
        }
        return .skipChildren
    }

    override func visit(_ node: EnumCaseDeclSyntax) -> SyntaxVisitorContinueKind {
        for element in node.elements { record("case", element.name.text) }
        return .skipChildren
    }

    /// `(_:by:)`: a function's argument labels, as Swift names functions.
    private func labels(_ clause: FunctionParameterClauseSyntax) -> String {
        "(" + clause.parameters.map { "\($0.firstName.text):" }.joined() + ")"
    }
}

extension TokenKind {
    /// Whether the token names something (a plain or backticked identifier).
    fileprivate var isIdentifier: Bool {
        if case .identifier = self { return true }
        return false
    }
}
