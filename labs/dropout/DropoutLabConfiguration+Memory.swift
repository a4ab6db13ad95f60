import NNEngine

extension DropoutLabConfiguration {
    /// The most memory a run may be estimated to take: 4 GiB.
    public static let memoryLimit = 4 << 30

    /// The estimated peak memory of a run, in bytes.
    ///
    /// Every trained net is kept until the figures are made, each as its best and its final
    /// parameters (two copies once they differ); figure 5's first member adds up to
    /// `ensembleSize` checkpoints; the nets in training (two at a time on two cores) hold their
    /// gradients and Adam's moments too. The Monte Carlo passes (64 at a time) and the decision
    /// grid (10 000 cells at a time) are bounded apart from this. Measured peaks (release, 2 cores,
    /// `--mc-samples 10`): `--hidden 1024,1024 --epochs 1` 0.39 GiB (estimate 0.61: with one
    /// epoch the best and final copies are one), `--hidden 2048,2048 --epochs 1` 1.20 GiB, and
    /// past 1.75 GiB by epoch 20 (estimate 1.96); `--dataset spiral --classes 100 --epochs 1`
    /// (default `--mc-samples`) 0.39 GiB (estimate 0.38).
    public var estimatedPeakBytes: Double {
        let (inputs, classes) = dataset.isPlanar ? (2, dataset.classCount) : (DigitsDataset.pixelCount, dataset.classCount)
        func parameterBytes(_ inputs: Int, _ hidden: [Int], _ outputs: Int) -> Double {
            let sizes = [inputs] + hidden + [outputs]
            return 8 * zip(sizes, sizes.dropFirst()).reduce(0) { $0 + Double($1.0 + 1) * Double($1.1) }
        }
        let inTraining = 2.0, copiesInTraining = 4.0  // parameters, gradients, two moments
        let main = parameterBytes(inputs, hidden(forPlanar: dataset.isPlanar), classes)
        let ensembles = Double(ensembleSize * Swift.max(1, ensembleRepeats))
        let mainNets = Double(keeps.count + 1) + ensembles * (smallEnsembleTrainCount > 0 ? 2 : 1)
        var bytes = Double(Self.baseBytes) + main * (2 * mainNets + Double(ensembleSize) + inTraining * copiesInTraining)
        // The 2-D set of figures 1 and 6 beside the digits: its p runs and five more nets.
        let planar = parameterBytes(2, planarHidden, 3)
        bytes += planar * (2 * Double(keeps.count + 6) + inTraining * copiesInTraining)
        // Evaluating on a 2-D set of 100 points a class: scores and hidden activations of every point.
        let points = Double(100 * classes)
        bytes += 8 * points * Double((planarHidden.max() ?? 0) + classes) * 4
        // 64 Monte Carlo passes at once over the test part (20%), [test, C] probabilities each.
        bytes += 8 * 64 * 0.2 * Swift.max(points, 1797) * Double(classes)
        return bytes
    }

    /// The process before any net: the runtime, OpenBLAS's buffers, the data; measured ~110 MB.
    static let baseBytes = 128 << 20

    /// The hidden sizes of the main nets.
    func hidden(forPlanar planar: Bool) -> [Int] { planar ? planarHidden : hidden }
}

extension DatasetChoice {
    /// C, the number of classes.
    public var classCount: Int {
        switch self {
        case .digits(let classes): return classes
        case .synthetic(let set): return set.classCount
        }
    }
}
