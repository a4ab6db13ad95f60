import Foundation
import NNEngine
import NormalizeLab

/// `make bench` section "normalize": one batch-norm deep net of `lab normalize` (8 × 32 sigmoid,
/// momentum SGD, the digits, two evaluations an epoch) trained on one core, against
/// numpy_normalize.py doing the same work (data loading excluded on both sides), then the whole
/// default run against the lab's 30 s budget.
func normalizeBench(lab labWallTime: ([String]) -> Double?, scratch: URL) throws {
    let configuration = NormalizeLabConfiguration()
    let epochs = 10
    let data = try NormalizeLab.deepNetData(configuration)
    let seconds = try BLASThreads.singleThreaded {
        try median(3) { _ = try NormalizeLab.trainDeepNet(configuration, on: data, batchNorm: true, epochs: epochs) }
    }
    row("normalize: 8×32 BN net, \(epochs) epochs, 1 core", String(format: "%.2f s", seconds),
        "\(configuration.activation), \(data.train.count) digits, batch 32, 2 evaluations an epoch")
    if let numpy = referenceNumber("numpy_normalize.py", [configuration.digitsFile.path, String(epochs), String(configuration.depth),
                                                          String(configuration.width), configuration.activation.description],
                                   environment: ["OPENBLAS_NUM_THREADS": "1"]) {
        row("  numpy + OpenBLAS, same work, 1 core", String(format: "%.2f s", numpy),
            String(format: "ratio NNLab/numpy = %.2f (goal ≤ 1)", seconds / numpy))
    } else {
        row("  numpy + OpenBLAS, same work", "unavailable", "python3 with numpy not found")
    }
    if let wall = labWallTime(["normalize", "--out", scratch.path]) {
        row("lab normalize, whole run (with rendering)", String(format: "%.1f s", wall), String(format: "%.2f of the 30 s budget", wall / 30))
    } else {
        row("lab normalize, whole run", "failed", "is gnuplot installed? run make figures")
    }
}
