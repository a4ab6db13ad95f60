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
        let layerStreams = streams.layers
        var workspace = Workspace()
        // The normal schemes first, while they share the standard normal matrices; their storage
        // then passes to the other schemes' weights, which overwrite it in full, so one set of big
        // matrices is alive at a time and none is mapped twice. Each scheme restarts the layer
        // streams, so the order changes no number.
        let weightShape = [configuration.width, configuration.width]
        let isScaledNormal = schemes.map { $0.initializer.normalScale(for: weightShape) != nil }
        var results = [SchemeResult?](repeating: nil, count: schemes.count)
        for i in schemes.indices.sorted(by: { (isScaledNormal[$0] ? 0 : 1, $0) < (isScaledNormal[$1] ? 0 : 1, $1) }) {
            if !isScaledNormal[i] && !workspace.standardNormals.isEmpty {
                workspace.weights = workspace.standardNormals.map(\.matrix)
                workspace.standardNormals = []
            }
            results[i] = run(schemes[i], input: input, upstream: upstream, layerStreams: layerStreams,
                             bins: configuration.bins, workspace: &workspace)
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

    /// The big buffers, [width, width] each, kept from scheme to scheme. Mapping fresh gigabytes
    /// for every scheme cost more time in page faults than the matrix products themselves.
    ///
    /// Every normal scheme's layer-l weights are `s · Z` for one matrix `Z` of N(0, 1) draws from
    /// layer l's stream (the schemes differ only in scale, by design). `standardNormals` holds
    /// those `Z`, drawn once, with their standard deviations; the products take `s` as dgemm's α,
    /// so the weights are never materialized. Drawing 16.7 M normals per layer for every scheme,
    /// and their std, had been a third of the study's time. `weights` holds the matrices of the
    /// other schemes (constant, uniform, orthogonal), and `weightGradient` one dW at a time.
    struct Workspace {
        var standardNormals: [(matrix: Tensor, std: Double)] = []
        var weights: [Tensor] = []
        var weightGradient = Tensor(zeros: [0])
    }

    /// One scheme's forward pass, backward pass and statistics.
    static func run(_ scheme: Scheme, input: Tensor, upstream: Tensor, layerStreams: [RandomStream],
                    bins: Int, workspace: inout Workspace) -> SchemeResult {
        let f = scheme.activation
        let shape = [input.shape[1], input.shape[1]]
        let scale = scheme.initializer.normalScale(for: shape)
        // Layer l's weights are `weights[l].scale · weights[l].matrix`.
        var weights: [(matrix: Tensor, scale: Double, std: Double)] = []
        var preActivations: [Tensor] = [], activations = [input]
        for (l, var stream) in layerStreams.enumerated() {
            if let scale {
                if workspace.standardNormals.count <= l {
                    let z = Initializer.normal(std: 1).make(shape: shape, using: &stream)
                    workspace.standardNormals.append((z, z.standardDeviation))
                }
                let z = workspace.standardNormals[l]
                weights.append((z.matrix, scale, abs(scale) * z.std))
            } else {
                if workspace.weights.count <= l { workspace.weights.append(Tensor(zeros: [0])) }
                scheme.initializer.fill(&workspace.weights[l], shape: shape, using: &stream)
                weights.append((workspace.weights[l], 1, workspace.weights[l].standardDeviation))
            }
            let z = Tensor.matmul(activations.last!, weights[l].matrix, scale: weights[l].scale)
            preActivations.append(z)
            activations.append(f(z))
        }

        // Backward: dz = dh ⊙ f′(z), dW = hₗ₋₁ᵀ dz, dhₗ₋₁ = dz Wᵀ. The weight gradients are large
        // ([width, width] each), so they are reduced to statistics one layer at a time.
        var outputGradient = upstream
        let derivatives = preActivations.map { f.derivative($0) }
        var localGradients = derivatives
        var outputGradientStds = [Double](repeating: 0, count: weights.count)
        for l in weights.indices.reversed() {
            outputGradientStds[l] = outputGradient.standardDeviation
            localGradients[l] = outputGradient * derivatives[l]
            outputGradient = Tensor.matmul(localGradients[l], weights[l].matrix, transposeB: true, scale: weights[l].scale)
        }

        let activationRange = histogramRange(for: f, activations: Array(activations.dropFirst()))
        let gradientMoments = weights.indices.map { l in
            WeightGradientMoments(input: activations[l], localGradient: localGradients[l])
        }
        let gradientSpread = gradientMoments.map(\.standardDeviation).max() ?? 0
        let gradientBound = gradientSpread > 0 && gradientSpread.isFinite ? 4 * gradientSpread : 1

        var layers: [LayerStatistics] = []
        var activationHistograms: [Histogram] = [], gradientHistograms: [Histogram] = []
        let sampledLayer = Swift.min(1, weights.count - 1)
        var sample: SymmetrySample?
        for l in weights.indices {
            let h = activations[l + 1]
            Tensor.matmul(activations[l], localGradients[l], transposeA: true, into: &workspace.weightGradient)
            let dW = workspace.weightGradient
            layers.append(LayerStatistics(
                layer: l + 1,
                activationMean: h.mean,
                activationStd: h.standardDeviation,
                saturatedFraction: saturation(of: h, under: f),
                zeroFraction: h.fraction { $0 == 0 },
                localGradientMean: derivatives[l].mean,
                unitSpread: unitSpread(h),
                weightStd: weights[l].std,
                weightGradientMean: gradientMoments[l].mean,
                weightGradientStd: gradientMoments[l].standardDeviation,
                outputGradientStd: outputGradientStds[l],
                weightGradientUnitSpread: unitSpread(dW)))
            if l == sampledLayer { sample = SymmetrySample.take(layer: l + 1, activations: h, weightGradient: dW) }
            activationHistograms.append(h.histogram(bins: bins, lower: activationRange.lower, upper: activationRange.upper))
            gradientHistograms.append(dW.histogram(bins: bins, lower: -gradientBound, upper: gradientBound))
        }
        return SchemeResult(scheme: scheme, layers: layers, activationHistograms: activationHistograms,
                            gradientHistograms: gradientHistograms, symmetrySample: sample!)
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
    /// (rows of `h`), or how differently they are updated along one input weight (rows of dW).
    static func unitSpread(_ h: Tensor) -> Double {
        precondition(h.rank == 2, "unit spread of a tensor of shape \(h.shape)")
        let width = h.shape[1]
        return h.scalars.withUnsafeBufferPointer { p in
            (0..<h.shape[0]).map { i in range(of: UnsafeBufferPointer(rebasing: p[(i * width)..<((i + 1) * width)])) }.max() ?? 0
        }
    }

    /// `max − min` of one row, equal bit for bit to `row.max - row.min` of the row as a tensor
    /// (NaN if any element is NaN), in one pass and without copying the row: the spread of every
    /// dW row reads 16.7 M elements per layer. Eight lanes keep their own running min and max
    /// with the same strict comparisons; they find the same extreme values as one scan, and only
    /// which of +0 and −0 wins a tie depends on the order, so a zero extreme is settled by the
    /// sequential scan.
    static func range(of row: UnsafeBufferPointer<Double>) -> Double {
        guard let first = row.first, let base = row.baseAddress else { return .nan }
        var lowers = SIMD8<Double>(repeating: first), uppers = lowers
        var unordered = SIMDMask<SIMD8<Int64>>(repeating: false)
        var i = 0
        while i + 8 <= row.count {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<Double>.self)
            unordered .|= x .!= x
            lowers.replace(with: x, where: x .< lowers)
            uppers.replace(with: x, where: x .> uppers)
            i += 8
        }
        if any(unordered) { return .nan }
        var lower = lowers.min(), upper = uppers.max()
        while i < row.count {
            let x = row[i]
            if x.isNaN { return .nan }
            if x < lower { lower = x }
            if x > upper { upper = x }
            i += 1
        }
        return lower == 0 || upper == 0 ? sequentialRange(of: row) : upper - lower
    }

    /// `range(of:)` by one scan in order, ties keeping the first element.
    static func sequentialRange(of row: UnsafeBufferPointer<Double>) -> Double {
        guard var lower = row.first else { return .nan }
        var upper = lower
        for x in row {
            if x.isNaN { return .nan }
            if x < lower { lower = x }
            if x > upper { upper = x }
        }
        return upper - lower
    }
}
