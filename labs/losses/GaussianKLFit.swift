import Foundation
import NNEngine

/// Figure 5 (003 deck, "asymmetry of KL divergence", after the Deep Learning book, fig. 3.6): a
/// single Gaussian q = N(μ, σ²) fitted to a bimodal p by minimizing KL(p‖q) (mass-covering: q
/// spreads over both modes) and KL(q‖p) (mode-seeking: q sits on one mode, which one depends on
/// the start). Both divergences are sums on a grid; their gradients w.r.t. (μ, s = log σ) are
/// exact for that sum and checked against centred differences; Adam does the minimizing.
public struct GaussianKLResult: Codable, Sendable {
    public struct Fit: Codable, Sendable {
        public var objective: String
        public var start: [Double]
        public var mean: Double
        public var std: Double
        public var divergence: Double
        public var density: [Double]
        /// (μ, σ) after each 50 steps.
        public var meanPath: [Double]
        public var gradientCheck: Double
    }

    public var target: String
    public var x: [Double]
    public var p: [Double]
    public var fits: [Fit]
    /// The moment-matched Gaussian (mean and std of p), KL(p‖q)'s exact minimizer.
    public var momentMean: Double
    public var momentStd: Double
}

/// The divergences between a density p on a grid and q = N(μ, e^{2s}), with their gradients.
/// Shapes: `x`, `logP` [G]; θ = (μ, s) [2].
struct GridKL {
    var x: [Double]
    var logP: [Double]
    var dx: Double

    func logQ(_ theta: [Double]) -> [Double] {
        let (mu, s) = (theta[0], theta[1])
        let sigma = exp(s)
        return x.map { -0.5 * pow(($0 - mu) / sigma, 2) - s - 0.5 * log(2 * Double.pi) }
    }

    /// KL(p‖q) = Σ p (log p − log q) dx, and ∂/∂θ = −Σ p ∂log q/∂θ dx with
    /// ∂log q/∂μ = (x − μ)/σ², ∂log q/∂s = ((x − μ)/σ)² − 1.
    func forward(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let lq = logQ(theta)
        let sigma = exp(theta[1])
        var value = 0.0, g = [0.0, 0.0]
        for i in x.indices {
            let p = exp(logP[i])
            guard p > 0 else { continue }
            let u = (x[i] - theta[0]) / sigma
            value += p * (logP[i] - lq[i]) * dx
            g[0] -= p * u / sigma * dx
            g[1] -= p * (u * u - 1) * dx
        }
        return (value, g)
    }

    /// KL(q‖p) = Σ q (log q − log p) dx, and ∂/∂θ = Σ q ∂log q/∂θ (log q − log p + 1) dx
    /// (∂q = q ∂log q): exact for the grid sum, so the check can be "happy".
    func reverse(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let lq = logQ(theta)
        let sigma = exp(theta[1])
        var value = 0.0, g = [0.0, 0.0]
        for i in x.indices {
            let q = exp(lq[i])
            guard q > 0 else { continue }
            let u = (x[i] - theta[0]) / sigma
            let w = lq[i] - logP[i]
            value += q * w * dx
            g[0] += q * (u / sigma) * (w + 1) * dx
            g[1] += q * (u * u - 1) * (w + 1) * dx
        }
        return (value, g)
    }
}

enum GaussianKLFit {
    static let modes = [(weight: 0.5, mean: -2.5, std: 0.7), (weight: 0.5, mean: 2.5, std: 0.7)]

    static func run(_ c: LossesLabConfiguration) throws -> GaussianKLResult {
        let x = (0...2000).map { -10 + 20 * Double($0) / 2000 }
        // log p by log-sum-exp over the two components: far from both, p underflows but log p
        // stays finite, and KL(q‖p) needs log p wherever q has mass.
        let logP = x.map { v -> Double in
            let terms = modes.map { log($0.weight) - 0.5 * pow((v - $0.mean) / $0.std, 2) - log($0.std) - 0.5 * log(2 * Double.pi) }
            let top = terms.max()!
            return top + log(terms.reduce(0) { $0 + exp($1 - top) })
        }
        let kl = GridKL(x: x, logP: logP, dx: 0.01)
        let p = logP.map(exp)
        let momentMean = zip(x, p).reduce(0) { $0 + $1.0 * $1.1 * 0.01 }
        let momentStd = zip(x, p).reduce(0) { $0 + pow($1.0 - momentMean, 2) * $1.1 * 0.01 }.squareRoot()
        let jobs: [(String, [Double], ([Double]) -> (value: Double, gradient: [Double]))] = [
            ("KL(p‖q), mass-covering", [0.5, 0], kl.forward),
            ("KL(q‖p) from μ = 1, mode-seeking", [1, log(0.5)], kl.reverse),
            ("KL(q‖p) from μ = −1, mode-seeking", [-1, log(0.5)], kl.reverse),
        ]
        let fits = try jobs.map { name, start, objective -> GaussianKLResult.Fit in
            var optimizer = try OptimizerConfiguration(kind: .adam(), learningRate: 0.02).makeOptimizer()
            var theta = Tensor(start)
            var path: [Double] = []
            for step in 0..<c.fitSteps {
                optimizer.step(&theta, gradient: Tensor(objective(theta.scalars).gradient))
                if step % 50 == 0 { path += theta.scalars }
            }
            let check = GradientCheck.check({ objective($0.scalars).value }, at: Tensor(start), analytic: Tensor(objective(start).gradient))
            let q = kl.logQ(theta.scalars).map(exp)
            return .init(objective: name, start: start, mean: theta.scalars[0], std: exp(theta.scalars[1]),
                         divergence: objective(theta.scalars).value, density: q, meanPath: path, gradientCheck: check.maxRelativeError)
        }
        return GaussianKLResult(target: "p = ½N(−2.5, 0.7²) + ½N(2.5, 0.7²)", x: x, p: p, fits: fits,
                                momentMean: momentMean, momentStd: momentStd)
    }
}
