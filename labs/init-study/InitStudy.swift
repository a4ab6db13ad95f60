import Foundation
import NNEngine

/// The lecture's weight-initialization experiment (CS231n lecture 6): push a batch of Gaussian
/// inputs through a deep net without biases and look at the activations and weight gradients of
/// every layer.
///
/// ```
/// x = randn(batch, width)
/// for l in 1...depth:  zₗ = hₗ₋₁ Wₗ,  hₗ = f(zₗ)        (h₀ = x)
/// ```
/// The backward pass starts from `dL/dh_depth = G ~ N(0, 1)` [batch, width], the gradient of the
/// loss `L = Σ G ⊙ h_depth`; a random upstream gradient probes every direction equally, as the
/// slide's "what do the gradients look like?" asks.
///
/// Every scheme sees the same input, the same upstream gradient and, layer by layer, the same
/// random stream: two normal schemes differ only in scale, so the comparison is controlled.
public enum InitStudy {
    /// Runs every scheme. Computing only: nothing is printed or drawn.
    public static func run(_ configuration: InitStudyConfiguration, schemes: [Scheme]) throws -> InitStudyResult {
        try configuration.validate()
        var streams = Self.streams(seed: configuration.seed, depth: configuration.depth)
        let shape = [configuration.batch, configuration.width]
        let input = Tensor.randomNormal(shape: shape, using: &streams.input)
        let upstream = Tensor.randomNormal(shape: shape, using: &streams.upstream)
        let weightShape = [configuration.width, configuration.width]
        var results = [SchemeResult?](repeating: nil, count: schemes.count)
        // One group's big matrices at a time: each group draws into the storage the previous one
        // leaves, so no block is mapped twice. Every group restarts the layer streams, so neither
        // the order nor the company changes a number.
        var spare: [Tensor] = []
        for group in WeightGroup.groups(of: schemes, shape: weightShape) {
            let bases = group.bases(schemes: schemes, shape: weightShape, layerStreams: streams.layers, spare: &spare)
            for part in group.parts(ofAtMost: configuration.schemesAtOnce) {
                let passes = part.passes(schemes: schemes, bases: bases, input: input, upstream: upstream)
                let members = part.members.map { schemes[$0.index] }
                for (member, result) in zip(part.members, try Self.results(of: passes, schemes: members, bins: configuration.bins)) {
                    results[member.index] = result
                }
            }
            spare += group.base == .ones ? [bases[0].matrix] : bases.map(\.matrix)
        }
        return InitStudyResult(configuration: configuration, schemes: results.map { $0! })
    }

    /// The study's random streams, each keyed from the seed by its purpose: the input batch, the
    /// upstream gradient, and one per layer (`layer 1` … `layer depth`), whose first width²
    /// draws are that layer's weights. No two share a number, so consecutive layers' weights are
    /// independent draws.
    struct Streams {
        var input: RandomStream
        var upstream: RandomStream
        var layers: [RandomStream]
    }

    static func streams(seed: UInt64, depth: Int) -> Streams {
        let root = RandomStream(seed: seed)
        return Streams(input: root.stream(.input), upstream: root.stream(.upstreamGradient),
                       layers: (1...depth).map { root.stream(.layer($0)) })
    }

    /// Each scheme's statistics and histograms from its pass, the layers of all the schemes
    /// shared among the cores.
    static func results(of passes: [SchemePass], schemes: [Scheme], bins: Int) throws -> [SchemeResult] {
        // What each scheme's panels share: the activations' x range, and dL/dW's from the
        // moments of every layer's weight gradient, taken from its two thin factors.
        let ranges = zip(passes, schemes).map { histogramRange(for: $1.activation, activations: Array($0.activations.dropFirst())) }
        let moments = passes.map { pass in
            pass.localGradients.indices.map { WeightGradientMoments(input: pass.activations[$0], localGradient: pass.localGradients[$0]) }
        }
        let bounds = moments.map { moments -> Double in
            let spread = moments.map(\.standardDeviation).max() ?? 0
            return spread > 0 && spread.isFinite ? 4 * spread : 1
        }
        let depth = passes.first?.localGradients.count ?? 0
        let layers = try Parallel.map(passes.count * depth) { task in
            let (s, l) = task.quotientAndRemainder(dividingBy: depth)
            return layer(l, of: passes[s], activation: schemes[s].activation, moments: moments[s][l], bins: bins,
                         activationRange: ranges[s], gradientBound: bounds[s])
        }
        return schemes.indices.map { s in
            let summaries = layers[(s * depth)..<((s + 1) * depth)]
            return SchemeResult(scheme: schemes[s], layers: summaries.map(\.statistics),
                                activationHistograms: summaries.map(\.activationHistogram),
                                gradientHistograms: summaries.map(\.gradientHistogram),
                                symmetrySample: summaries.compactMap(\.sample).first!)
        }
    }

    /// One layer's statistics and histograms, and its symmetry sample if it is the layer sampled.
    struct LayerSummary {
        var statistics: LayerStatistics
        var activationHistogram: Histogram
        var gradientHistogram: Histogram
        var sample: SymmetrySample?
    }

    /// Layer `l` (0-based) of `pass`. Its weight gradient `dW = hₗᵀ·dL/dzₗ` ([width, width]) is
    /// binned, and its row ranges taken, tile by tile without ever being held (`ProductSummary`).
    static func layer(_ l: Int, of pass: SchemePass, activation f: Activation, moments: WeightGradientMoments, bins: Int,
                      activationRange: (lower: Double, upper: Double), gradientBound: Double) -> LayerSummary {
        let h = pass.activations[l + 1], input = pass.activations[l], localGradient = pass.localGradients[l]
        let gradient = ProductSummary(input, localGradient, bins: bins, lower: -gradientBound, upper: gradientBound)
        let statistics = LayerStatistics(
            layer: l + 1,
            activationMean: h.mean,
            activationStd: h.standardDeviation,
            saturatedFraction: saturation(of: h, under: f),
            zeroFraction: h.fraction { $0 == 0 },
            localGradientMean: pass.derivatives[l].mean,
            unitSpread: unitSpread(h),
            weightStd: pass.weightStds[l],
            weightGradientMean: moments.mean,
            weightGradientStd: moments.standardDeviation,
            outputGradientStd: pass.outputGradientStds[l],
            weightGradientUnitSpread: largest(gradient.rowRanges))
        // The second layer, a hidden layer whose input is itself a layer (the first in a one-layer net).
        let sampled = Swift.min(1, pass.localGradients.count - 1)
        let sample = l == sampled
            ? SymmetrySample.take(layer: l + 1, activations: h,
                                  weightGradient: ProductSummary.rows(0..<Swift.min(SymmetrySample.rows, input.shape[1]), of: input, localGradient))
            : nil
        return LayerSummary(statistics: statistics, activationHistogram: h.histogram(bins: bins, lower: activationRange.lower, upper: activationRange.upper),
                            gradientHistogram: gradient.histogram, sample: sample)
    }

    /// The x range shared by a scheme's activation panels: the activation's own limits where it
    /// has them (tanh's [−1, 1]), else out to the 99.9th percentile of |h| over all layers, so one
    /// outlier does not squash every panel.
    static func histogramRange(for f: Activation, activations: [Tensor]) -> (lower: Double, upper: Double) {
        if let lower = f.range.lower, let upper = f.range.upper { return (lower, upper) }
        let reach = activations.map { $0.map(abs).percentile(99.9) }.filter(\.isFinite).max() ?? 1
        let extent = reach > 0 ? reach : 1
        let lower = f.range.lower.map { Swift.max($0, -extent) } ?? -extent
        let upper = f.range.upper ?? extent
        return lower < upper ? (lower, upper) : (lower, lower + 1)
    }

    /// The fraction of activations within 1% of both-sided limits (|h| > 0.99 for tanh).
    static func saturation(of h: Tensor, under f: Activation) -> Double? {
        guard let lower = f.range.lower, let upper = f.range.upper else { return nil }
        let margin = 0.01 * (upper - lower) / 2
        return h.fraction { $0 < lower + margin || $0 > upper - margin }
    }

    /// `maxᵢ (maxⱼ hᵢⱼ − minⱼ hᵢⱼ)`: how differently the units of a layer respond to one input
    /// (a row of `h`, [batch, width]), or along one input weight (a row of dL/dW, whose ranges
    /// `ProductSummary` takes without forming it). NaN if any row's range is.
    static func unitSpread(_ h: Tensor) -> Double {
        precondition(h.rank == 2, "unit spread of a tensor of shape \(h.shape)")
        return largest((0..<h.shape[0]).map { h.row($0).max - h.row($0).min })
    }

    /// The largest of `ranges`, NaN if any is, 0 if there are none.
    static func largest(_ ranges: [Double]) -> Double {
        ranges.contains { $0.isNaN } ? .nan : ranges.max() ?? 0
    }
}
