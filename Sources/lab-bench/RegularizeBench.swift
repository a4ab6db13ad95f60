import Foundation
import NNEngine
import RegularizeLab

/// `make bench` section "regularize": figure 3's bias–variance study (15 degrees at 30 points and
/// 2 degrees at 6 sizes, 200 draws each: 5 400 Legendre least-squares fits) against the same
/// work in numpy (`numpy_bias_variance.py`), and the whole `lab regularize` run against its 30 s budget.
func regularizeBench() throws {
    let c = RegularizeConfiguration()
    let swift = try median(3) {
        _ = try BiasVariance.run(degrees: c.degrees, samplePoints: c.samplePoints, sizes: c.sampleSizes, draws: c.draws,
                                 sigma: c.noise, using: RandomStream(seed: 0))
    }
    if let numpy = referenceNumber("numpy_bias_variance.py", [], environment: ["OPENBLAS_NUM_THREADS": "1"]) {
        row("bias-variance study, 5 400 polynomial fits", String(format: "%.3f s", swift),
            String(format: "numpy %.3f s: %.2f× numpy's time", numpy, swift / numpy))
    } else {
        row("bias-variance study, 5 400 polynomial fits", String(format: "%.3f s", swift), "numpy not available")
    }
    if let wall = labWallTime(["regularize", "--out", scratch.path]) {
        row("lab regularize, whole run (with rendering)", String(format: "%.1f s", wall), String(format: "%.2f of the 30 s budget", wall / 30))
    } else {
        row("lab regularize, whole run", "failed", "is gnuplot installed? run make figures")
    }
}
