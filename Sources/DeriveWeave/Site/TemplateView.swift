import Mustache

/// A view the templates read field by field through key paths, not reflection: swift-mustache
/// looks a plain value's `{{name}}` up with `Mirror`, which reflects every field at every lookup.
/// The views a page repeats once per note of the course (the sidebar's entries, the index's)
/// conform, so that a big course's pages do not spend most of the weave reflecting.
protocol TemplateView: MustacheParent {
    /// Every stored property, under its name (a test checks this against the stored properties).
    static var fields: [String: PartialKeyPath<Self> & Sendable] { get }
}

extension TemplateView {
    /// The field `name` as a template sees it, exactly as through `Mirror`: an optional's value,
    /// and nil for an absent optional or an unknown name (so that the lookup goes on up the stack).
    func child(named name: String) -> Any? {
        guard let path = Self.fields[name] else { return nil }
        let value = self[keyPath: path]
        if let optional = value as? any OptionalField { return optional.wrapped }
        return value
    }
}

/// An optional's value, whatever its type.
private protocol OptionalField {
    var wrapped: Any? { get }
}

extension Optional: OptionalField {
    var wrapped: Any? { map { $0 as Any } }
}
