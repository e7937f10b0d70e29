import Foundation
import _Differentiation

/// The logistic sigmoid σ(z) = 1 / (1 + e^(−z)) of every entry, computed without overflow.
@differentiable(reverse)
public func sigmoid(_ z: Matrix) -> Matrix {
    z.map(logistic)
}

/// The logistic sigmoid under the name the math uses: `σ(Z)` is `sigmoid(Z)`.
@differentiable(reverse)
public func σ(_ z: Matrix) -> Matrix {
    sigmoid(z)
}

/// The sigmoid's derivative σ′(z) = σ(z)(1 − σ(z)) of every entry of the pre-activation `z`.
public func sigmoidPrime(_ z: Matrix) -> Matrix {
    z.map { let s = logistic($0); return s * (1 - s) }
}

/// The rectifier max(0, z) of every entry.
@differentiable(reverse)
public func relu(_ z: Matrix) -> Matrix {
    z.map { max(0, $0) }
}

/// The rectifier's derivative of every entry of the pre-activation `z`: 1 where z > 0, else 0
/// (0 at z = 0, the usual convention).
public func reluPrime(_ z: Matrix) -> Matrix {
    z.map { $0 > 0 ? 1 : 0 }
}

/// The hyperbolic tangent of every entry.
@differentiable(reverse)
public func tanh(_ z: Matrix) -> Matrix {
    z.map { Foundation.tanh($0) }
}

/// The hyperbolic tangent's derivative 1 − tanh²(z) of every entry of the pre-activation `z`.
public func tanhPrime(_ z: Matrix) -> Matrix {
    z.map { let t = Foundation.tanh($0); return 1 - t * t }
}

/// The exponential of every entry.
@differentiable(reverse)
public func exp(_ z: Matrix) -> Matrix {
    z.map { Foundation.exp($0) }
}

/// The natural logarithm of every entry.
@differentiable(reverse)
public func log(_ z: Matrix) -> Matrix {
    z.map { Foundation.log($0) }
}

/// σ(x) for one number, as 1 / (1 + e^(−x)) or e^x / (1 + e^x) so that e^(·) never overflows.
func logistic(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
    let e = Foundation.exp(x)
    return e / (1 + e)
}

@usableFromInline
@derivative(of: sigmoid)
func vjpSigmoid(_ z: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let s = sigmoid(z)
    return (s, { g in g ⊙ s.map { $0 * (1 - $0) } })
}

@usableFromInline
@derivative(of: relu)
func vjpRelu(_ z: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    (relu(z), { g in g ⊙ reluPrime(z) })
}

@usableFromInline
@derivative(of: tanh)
func vjpTanh(_ z: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let t = tanh(z)
    return (t, { g in g ⊙ t.map { 1 - $0 * $0 } })
}

@usableFromInline
@derivative(of: exp)
func vjpExp(_ z: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let e = exp(z)
    return (e, { g in g ⊙ e })
}

@usableFromInline
@derivative(of: log)
func vjpLog(_ z: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    (log(z), { g in g ⊙ z.map { 1 / $0 } })
}
