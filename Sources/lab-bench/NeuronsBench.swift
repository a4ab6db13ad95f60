import Foundation
import NNEngine

/// `make bench` section "neurons": f and f′ of the eight `Activation` cases on 10⁶ inputs (the
/// activation gallery's work, at a size that takes measurable time) against numpy doing the same
/// formulas, and the whole `lab neurons` against its 20 s budget.
func neuronsBench() {
    let count = 1_000_000
    var g = RandomStream(seed: 7)
    let x = Tensor.randomNormal(shape: [count, 1], std: 4, using: &g)
    let activations: [Activation] = [.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.01), .elu(alpha: 1), .selu, .gelu, .softplus]
    let seconds = median(3) {
        for a in activations {
            _ = a(x)
            _ = a.derivative(x)
        }
    }
    row("f and f′ of 8 activations, 10⁶ inputs each", String(format: "%.3f s", seconds))
    if let numpy = referenceNumber("numpy_neurons.py", [String(count)]) {
        row("  numpy, same formulas", String(format: "%.3f s", numpy), String(format: "ratio NNLab/numpy = %.2f (goal ≤ 1.5)", seconds / numpy))
    } else {
        row("  numpy, same formulas", "unavailable", "python3 with numpy not found")
    }
    if let wall = labWallTime(["neurons", "--out", scratch.path]) {
        row("lab neurons, whole run (with rendering)", String(format: "%.1f s", wall), String(format: "%.2f of the 20 s budget", wall / 20))
    } else {
        row("lab neurons, whole run", "failed", "is gnuplot installed? run make figures")
    }
}
