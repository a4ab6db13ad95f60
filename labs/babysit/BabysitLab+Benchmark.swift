import Foundation
import NNEngine

extension BabysitLab {
    /// The lab's typical training, for `make bench`: the good run of figure 3 (the configured
    /// net, optimizer, λ, batch and epochs on the prepared training set, every step's
    /// update-to-weight ratios recorded, train and validation evaluated every epoch).
    /// - Returns: the examples trained on and the seconds the training took (data preparation excluded).
    public static func timeGoodRun(_ c: BabysitConfiguration) throws -> (examples: Int, seconds: Double) {
        try c.validate()
        let seeds = BabysitSeeds(seed: c.seed)
        let split = try PreparedSplit.prepare(c.dataset, digitsFile: c.digitsFile, using: seeds.root.stream(.data))
        let model = seeds.model(inputs: split.train.featureCount, hidden: c.hidden, outputs: split.train.classCount)
        let configuration = TrainingConfiguration(epochs: c.epochs, batchSize: c.batchSize, optimizer: c.optimizerConfiguration,
                                                  regularizer: c.regularization > 0 ? .l2(c.regularization) : nil, seed: seeds.training)
        var plan = MonitoredTraining.Plan()
        plan.recordsRatios = true
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try MonitoredTraining.train(model, on: split.train, validation: split.validation, configuration: configuration, plan: plan)
        return (c.epochs * split.train.count, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
