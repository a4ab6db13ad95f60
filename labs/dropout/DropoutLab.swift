import Foundation
import NNEngine

/// The dropout lab (000, 001, 003 and 004 decks): dropout as an ensemble of weight-sharing
/// sub-networks, the expectation argument for test-time scaling, the inverted-dropout recipe,
/// and model ensembles. Computing only: nothing is printed or drawn.
///
/// Every net is a `Sequential.mlp` with ReLU hidden layers, trained by the shared `Trainer` with
/// the configured optimizer; the trainings are independent and run on all cores, each with its
/// own seeds derived from `configuration.seed` in a fixed order, so results do not depend on
/// scheduling.
public enum DropoutLab {
    /// Runs all six experiments. `progress` receives one short line per stage.
    /// A net whose loss becomes NaN or ∞ stops there and is listed in `divergences`; the figures
    /// use its best epoch before it broke.
    /// - Throws: `LabError` for bad configuration or data.
    public static func run(_ configuration: DropoutLabConfiguration,
                           progress: ((String) -> Void)? = nil) throws -> DropoutLabResult {
        let c = configuration
        try c.validate()
        let streams = Self.streams(seed: c.seed)
        let dataStream = streams.data
        var seedStream = streams.jobSeeds
        var neuronStream = streams.neuron
        var maskSeedStream = streams.maskSeed
        let maskSeed = maskSeedStream.next()

        progress?("preparing data")
        // The same stream draws the same split for figure 5's small-data ensemble: the same
        // validation and test digits, the training digits a subset of the main ones.
        let smallStream = dataStream.stream(.dataset(0))
        var datasets = [try PreparedData.prepare(c.dataset, trainCount: c.trainCount, digitsFile: c.digitsFile,
                                                 using: dataStream.stream(.dataset(0)))]
        if !c.dataset.isPlanar {
            datasets.append(try PreparedData.prepare(DatasetChoice.defaultSpiral, trainCount: c.trainCount,
                                                     digitsFile: c.digitsFile, using: dataStream.stream(.dataset(1))))
        }
        var roles = TrainingPlan.Data(overfitting: datasets.indices, planar: datasets.count - 1, small: nil)
        if !c.dataset.isPlanar && c.smallEnsembleTrainCount > 0 {
            datasets.append(try PreparedData.prepare(c.dataset, trainCount: c.smallEnsembleTrainCount, digitsFile: c.digitsFile,
                                                     using: smallStream))
            roles.small = datasets.count - 1
        }

        let plan = TrainingPlan(c, data: roles, seeds: &seedStream)
        let jobs = plan.jobs

        progress?("training \(jobs.count) nets on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let counter = NSLock()
        var finished = 0
        let nets = try Parallel.map(jobs.count) { i -> TrainedNet in
            let net = try jobs[i].run(on: datasets[jobs[i].dataIndex], configuration: c)
            counter.lock()
            finished += 1
            progress?("trained \(finished) of \(jobs.count) nets")
            counter.unlock()
            return net
        }

        let overfitting = zip(roles.overfitting, plan.overfitting).map { d, range in
            OverfittingPanel(dataset: datasets[d].name, data: datasets[d].description, hidden: c.hidden(for: datasets[d]),
                             curves: nets[range].map(OverfittingStudy.curve))
        }
        progress?("comparing vanilla and inverted dropout")
        let scaling = ScalingEquivalence.measure(nets[plan.vanilla], test: datasets[0].split.test, maskSeed: maskSeed)
        let neuron = TwoInputNeuron.compute(keeps: TwoInputNeuron.sweep, using: &neuronStream)

        progress?("\(c.mcSamples) Monte Carlo dropout passes")
        let mcNet = nets.first { $0.job.dataIndex == 0 && $0.job.keep == c.dropoutKeep && $0.job.variant == .inverted }
        let mcSource = mcNet ?? nets[plan.vanilla]
        let monteCarlo = try MonteCarloDropout.run(mcNet != nil ? mcSource.model : ScalingEquivalence.inverted(mcSource.model),
                                                   keep: c.dropoutKeep, inputKeep: mcSource.inputKeep, test: datasets[0].split.test,
                                                   maxPasses: c.mcSamples, maskSeed: maskSeed &+ 1)

        progress?("evaluating ensembles and decision regions")
        var ensembles = [EnsembleStudy.run(Array(nets[plan.ensemble]), trainCount: datasets[0].split.train.count,
                                           test: datasets[0].split.test, repeats: plan.ensembleRepeats.map { Array(nets[$0]) })]
        if let small = roles.small {
            ensembles.append(EnsembleStudy.run(Array(nets[plan.smallEnsemble]), trainCount: datasets[small].split.train.count,
                                               test: datasets[0].split.test, repeats: plan.smallEnsembleRepeats.map { Array(nets[$0]) }))
        }
        let boundaryEnsemble = [nets[plan.boundaryPlain].model] + plan.boundaryExtra.map { nets[$0].model }
        let boundaries = DecisionBoundaries.run([
            ("no dropout", [nets[plan.boundaryPlain].model]),
            ("dropout p = \(c.dropoutKeep)", [nets[plan.boundaryDropout].model]),
            ("ensemble of \(boundaryEnsemble.count), no dropout", boundaryEnsemble),
        ], data: datasets[roles.planar], gridSize: c.gridSize)

        let divergences = nets.compactMap { net -> NetDivergence? in
            let history = net.result.history
            guard !history.outcome.isFinite else { return nil }
            let variant = net.job.variant == .vanilla ? ", vanilla dropout" : ""
            return NetDivergence(net: "\(datasets[net.job.dataIndex].name) (\(datasets[net.job.dataIndex].split.train.count) training examples), p = \(net.job.keep)\(variant)",
                                 outcome: history.outcome, completedEpochs: history.epochs.count)
        }
        return DropoutLabResult(configuration: c, data: datasets.map(\.description), overfitting: overfitting,
                                scaling: scaling, neuron: neuron, monteCarlo: monteCarlo, ensembles: ensembles,
                                boundaries: boundaries, trainedNets: nets.count, divergences: divergences)
    }

    /// The lab's streams, keyed from the seed by purpose: the data sets (`data`, then `dataset i`),
    /// the nets' seeds (two per job, in job order; each seed names a fresh root whose
    /// `initialization` stream draws the weights and whose `masks` and `shuffle` streams train it,
    /// see `Trainer`), figure 3's neuron, and the mask seed of figures 2 and 4.
    struct Streams {
        var data: RandomStream
        var jobSeeds: RandomStream
        var neuron: RandomStream
        var maskSeed: RandomStream
    }

    static func streams(seed: UInt64) -> Streams {
        let root = RandomStream(seed: seed)
        return Streams(data: root.stream(.data), jobSeeds: root.stream(.jobSeeds), neuron: root.stream(.neuron),
                       maskSeed: root.stream(.masks))
    }
}
