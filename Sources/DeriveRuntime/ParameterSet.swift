/// A model's parameters, each a named matrix the derivation check can reach by key path.
///
/// A note's parameter struct lists its matrices in the order the note introduces them:
/// `static var parameters: [(name: String, keyPath: WritableKeyPath<TwoLayer, Matrix>)] {
/// [("W1", \.W1), ("b1", \.b1)] }`. The same struct holds the hand-derived gradients, each in the
/// field of its parameter.
public protocol ParameterSet {
    /// Every parameter's name as the note writes it, and where it is stored.
    static var parameters: [(name: String, keyPath: WritableKeyPath<Self, Matrix>)] { get }
}
