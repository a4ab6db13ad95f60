import Foundation
import LossesLab
import NNEngine

/// `make bench` section "losses": the L2 and KL error surfaces of one perceptron (121² weights ×
/// 100 examples, with the Hessian sign test) against numpy doing the same, and the whole
/// `lab losses` against its 20 s budget.
func lossesBench() {
    let configuration = LossesLabConfiguration()
    let seconds = median(3) { _ = LossesLab.errorSurfaces(configuration) }
    row("L2 and KL surfaces, 121² weights × 100 examples", String(format: "%.3f s", seconds))
    if let numpy = referenceNumber("numpy_losses.py", [String(configuration.surfaceGrid), String(configuration.perceptronExamples)]) {
        row("  numpy, same work", String(format: "%.3f s", numpy), String(format: "ratio NNLab/numpy = %.2f (goal ≤ 1.5)", seconds / numpy))
    } else {
        row("  numpy, same work", "unavailable", "python3 with numpy not found")
    }
    if let wall = labWallTime(["losses", "--out", scratch.path]) {
        row("lab losses, whole run (with rendering)", String(format: "%.1f s", wall), String(format: "%.2f of the 20 s budget", wall / 20))
    } else {
        row("lab losses, whole run", "failed", "is gnuplot installed? run make figures")
    }
}
