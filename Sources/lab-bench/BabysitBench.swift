import BabysitLab
import Foundation
import NNEngine

/// `make bench` section "babysit": the lab's good run (64-64-64-10 ReLU MLP on the digits, SGD with
/// momentum, L2, update-to-weight ratios every step) against a numpy loop doing the same
/// training, both with one BLAS thread as in the lab (its trainings run in parallel), as a ratio;
/// and the whole `lab babysit` against its 30 s budget.
func babysitBench() throws {
    var configuration = BabysitConfiguration()
    configuration.epochs = 10
    let rate = try BLASThreads.singleThreaded { () throws -> Double in
        var rates: [Double] = []
        for _ in 0..<3 {
            let (examples, seconds) = try BabysitLab.timeGoodRun(configuration)
            rates.append(Double(examples) / seconds)
        }
        return rates.sorted()[1]
    }
    row("babysit good run 64-64-64-10, momentum, ratios", String(format: "%.0f samples/s", rate), "1 BLAS thread, median of 3")
    if let numpy = referenceNumber("numpy_babysit.py", [configuration.digitsFile.path, String(configuration.epochs)],
                                   environment: ["OPENBLAS_NUM_THREADS": "1"]) {
        row("  numpy + OpenBLAS, same training", String(format: "%.0f samples/s", numpy),
            String(format: "ratio NNLab/numpy = %.2f (goal ≥ 1)", rate / numpy))
    } else {
        row("  numpy + OpenBLAS, same training", "unavailable", "python3 with numpy not found")
    }
    if let wall = labWallTime(["babysit", "--out", scratch.path]) {
        row("lab babysit, whole run (with rendering)", String(format: "%.1f s", wall), String(format: "%.2f of the 30 s budget", wall / 30))
    } else {
        row("lab babysit, whole run", "failed", "is gnuplot installed? run make figures")
    }
}
