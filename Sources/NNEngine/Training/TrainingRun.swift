import Foundation

/// What one training run carries from minibatch to minibatch: the model, the optimizer with its
/// per-parameter state, the dropout-mask stream, the order of the examples (reshuffled every
/// epoch, starting from the previous epoch's order), the step count and the running average.
struct TrainingRun {
    let configuration: TrainingConfiguration
    var model: Sequential
    var optimizer: any Optimizer
    var masks: RandomStream
    var order: [Int]
    var average: ParameterAverage?
    /// Minibatch steps taken, counting the one whose loss was not finite.
    var step = 0
    /// The weight matrices among the parameters: regularized, max-norm projected, and measured
    /// by the update-to-weight ratio (biases and normalization parameters are not).
    let weightIndices: [Int]

    /// How one pass over the training set ended.
    enum EpochPass {
        /// The mean minibatch loss, and each weight matrix's update-to-weight ratio
        /// `‖ΔW‖ / ‖W‖` at the epoch's last step.
        case finished(minibatchLoss: Double, updateToWeightRatios: [Double])
        /// The loss (data or regularization) at `step` was not finite.
        case diverged(loss: TrajectoryOutcome.NonFiniteValue)
    }

    /// How one minibatch step ended: its data loss (and the ratios, when asked for), or the
    /// non-finite value its loss became.
    enum StepOutcome {
        case finished(loss: Double, updateToWeightRatios: [Double]?)
        case diverged(loss: TrajectoryOutcome.NonFiniteValue)
    }

    init(model: Sequential, exampleCount: Int, configuration: TrainingConfiguration) throws {
        self.configuration = configuration
        self.model = model
        optimizer = try configuration.optimizer.makeOptimizer()
        masks = Trainer.maskStream(seed: configuration.seed)
        order = Array(0..<exampleCount)
        average = configuration.averagingDecay.map { ParameterAverage(decay: $0, shapes: model.parameters.map(\.shape)) }
        let kinds = model.parameterKinds
        weightIndices = kinds.indices.filter { kinds[$0] == .weight }
    }

    /// Epoch `epoch` (from 1): shuffles the examples with `shuffle epoch` of the seed, then one
    /// step per minibatch of `batchSize` (the last one may be smaller); stops at the first step
    /// whose loss is not finite.
    mutating func epoch(_ epoch: Int, on train: Dataset) -> EpochPass {
        let batchSize = configuration.batchSize
        var shuffler = Trainer.shuffleStream(seed: configuration.seed, epoch: epoch)
        order.shuffle(using: &shuffler)
        var lossSum = 0.0, batches = 0
        var ratios: [Double] = []
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let batch = train.subset(Array(order[start..<Swift.min(start + batchSize, order.count)]))
            switch minibatchStep(batch, measuresRatios: start + batchSize >= order.count) {
            case .diverged(let loss):
                return .diverged(loss: loss)
            case .finished(let loss, let measured):
                lossSum += loss
                batches += 1
                if let measured { ratios = measured }
            }
        }
        return .finished(minibatchLoss: lossSum / Double(batches), updateToWeightRatios: ratios)
    }

    /// One step on `batch`: forward in training mode, data loss plus the regularization of the
    /// weights, backward, the optimizer's update, max-norm projection, the running average.
    mutating func minibatchStep(_ batch: Dataset, measuresRatios: Bool) -> StepOutcome {
        let c = configuration
        let (scores, cache) = model.forward(batch.features, mode: .training, using: &masks)
        let data = c.loss(scores, .classes(batch.labels))
        let penalty = c.regularizer.map { r in
            let parameters = model.parameters
            return weightIndices.reduce(0) { $0 + r.value(parameters[$1]) }
        } ?? 0
        step += 1
        guard data.value.isFinite && penalty.isFinite else {
            return .diverged(loss: .init(data.value.isFinite ? penalty : data.value))
        }
        let gradients = model.backward(data.gradient, cache: cache, inputGradient: false).parameters
        let ratios = Self.update(&model, gradients: gradients, optimizer: &optimizer, average: &average,
                                 weightIndices: weightIndices, configuration: c, measuresRatios: measuresRatios, step: step)
        return .finished(loss: data.value, updateToWeightRatios: ratios)
    }

    /// The update of one step, on the parameters lent out of `model` so the optimizer updates them
    /// in place: gradient plus the regularizer's, the optimizer's step, max-norm, the average.
    /// `step` is the update's number (from 1), for the scheduled learning rate of a proximal step.
    /// - Returns: the update-to-weight ratios of the weight matrices when `measuresRatios`.
    private static func update(_ model: inout Sequential, gradients: [Tensor], optimizer: inout any Optimizer,
                               average: inout ParameterAverage?, weightIndices: [Int],
                               configuration c: TrainingConfiguration, measuresRatios: Bool, step: Int) -> [Double]? {
        model.updateParameters { parameters in
            var total = gradients
            // A proximal L1 step leaves the L1 part out of the gradient and soft-thresholds after
            // the optimizer's step, by the step's scheduled learning rate times λ₁.
            let proximal = c.penaltyStep == .proximal && (c.regularizer?.l1Strength ?? 0) > 0
            if let r = proximal ? c.regularizer?.smoothPart : c.regularizer {
                for i in weightIndices { total[i] = total[i] + r.gradient(parameters[i]) }
            }
            let before = measuresRatios ? weightIndices.map { parameters[$0] } : []
            optimizer.step(&parameters, gradients: total)
            if proximal, let r = c.regularizer {
                let t = c.optimizer.options.schedule.learningRate(base: c.optimizer.learningRate, step: step)
                for i in weightIndices { parameters[i] = Regularizer.softThreshold(parameters[i], by: t * r.l1Strength) }
            }
            if let maxNorm = c.maxNorm {
                for i in weightIndices { parameters[i] = maxNorm.apply(to: parameters[i]) }
            }
            average?.add(parameters)
            guard measuresRatios else { return nil }
            return zip(weightIndices, before).map { i, old in
                let norm = old.norm
                return norm > 0 ? (parameters[i] - old).norm / norm : .infinity
            }
        }
    }
}
