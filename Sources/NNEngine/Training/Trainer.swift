import Foundation

/// Minibatch training of a `Sequential` classifier: shuffle every epoch, forward in training
/// mode, loss plus regularization, backward, one optimizer step, max-norm projection; evaluate
/// after every epoch and keep the best snapshot (early stopping).
///
/// The lectures' babysitting checks are built in: the initial loss against `log C`, the
/// update-to-weight ratio per weight matrix (≈ 1e-3 is healthy), and a stop, recorded with the
/// step number, as soon as the loss is NaN or infinite: a diverged run is a result to report
/// ("loss became NaN at step 37: learning rate too high?"), with its epochs up to then.
public enum Trainer {
    /// The outcome of a run.
    public struct Result: Sendable {
        /// The parameters of `history.bestEpoch` (early stopping's snapshot).
        public var model: Sequential
        /// The parameters after the last epoch run.
        public var finalModel: Sequential
        /// Copies taken every `snapshotInterval` epochs, with their epoch.
        public var snapshots: [(epoch: Int, model: Sequential)]
        /// The running average of the parameters, bias-corrected, when `averagingDecay` was set.
        public var averagedModel: Sequential?
        public var history: TrainingHistory
    }

    /// Trains `model` on `train`, evaluating on `validation` (if any) after every epoch.
    ///
    /// Shapes: `train.features` [N, D₀] must match the model's input; its output [N, C] must have
    /// C = `train.classCount`. `progress` is called after every epoch (the caller decides whether
    /// to print; training itself never does).
    /// When the loss stops being finite, training stops there: `history.outcome` says at which
    /// step, `history.epochs` holds the epochs completed before, `model` is the best of those
    /// (the initial model if none), and there is no `averagedModel` (the average took in the
    /// step that broke).
    /// - Throws: `LabError` for a bad configuration.
    public static func train(_ model: Sequential, on train: Dataset, validation: Dataset? = nil,
                             configuration c: TrainingConfiguration,
                             progress: ((TrainingProgress) -> Void)? = nil) throws -> Result {
        try c.validate()
        HeapTuning.keepFreedMemory()
        var model = model
        var optimizer = try c.optimizer.makeOptimizer()
        var masks = maskStream(seed: c.seed)
        let kinds = model.parameterKinds
        let weightIndices = kinds.indices.filter { kinds[$0] == .weight }

        let initialLoss = c.loss(model.predict(train.features), .classes(train.labels)).value
        let expected: Double? = { if case .softmaxCrossEntropy = c.loss { return log(Double(train.classCount)) } else { return nil } }()

        var records: [EpochRecord] = []
        var best = (epoch: 0, accuracy: -Double.infinity, loss: Double.infinity, model: model)
        var snapshots: [(epoch: Int, model: Sequential)] = []
        // The running average starts at zero and is divided by 1 − dᵗ at the end, as Adam
        // corrects its moments (Kingma & Ba 2015): starting it at the initial parameters would
        // leave them a weight dᵗ, most of the average in a short run.
        var average: [Tensor]? = c.averagingDecay.map { _ in model.parameters.map { Tensor(zeros: $0.shape) } }
        var step = 0
        var stoppedEarly = false
        var divergence: (step: Int, loss: TrajectoryOutcome.NonFiniteValue)?
        var order = Array(0..<train.count)

        epochs: for epoch in 1...c.epochs {
            var shuffler = shuffleStream(seed: c.seed, epoch: epoch)
            order.shuffle(using: &shuffler)
            var lossSum = 0.0, batches = 0
            var ratios: [Double] = []
            for start in stride(from: 0, to: order.count, by: c.batchSize) {
                let batch = train.subset(Array(order[start..<Swift.min(start + c.batchSize, order.count)]))
                let (scores, cache) = model.forward(batch.features, mode: .training, using: &masks)
                let data = c.loss(scores, .classes(batch.labels))
                let penalty = c.regularizer.map { r in
                    let parameters = model.parameters
                    return weightIndices.reduce(0) { $0 + r.value(parameters[$1]) }
                } ?? 0
                step += 1
                guard data.value.isFinite && penalty.isFinite else {
                    divergence = (step, .init(data.value.isFinite ? penalty : data.value))
                    break epochs
                }
                let gradients = model.backward(data.gradient, cache: cache, inputGradient: false).parameters
                // The parameters are lent out of the model so the optimizer updates them in place.
                model.updateParameters { parameters in
                    var total = gradients
                    if let r = c.regularizer {
                        for i in weightIndices { total[i] = total[i] + r.gradient(parameters[i]) }
                    }
                    let isLastStep = start + c.batchSize >= order.count
                    let before = isLastStep ? weightIndices.map { parameters[$0] } : []
                    optimizer.step(&parameters, gradients: total)
                    if let maxNorm = c.maxNorm {
                        for i in weightIndices { parameters[i] = maxNorm.apply(to: parameters[i]) }
                    }
                    if isLastStep {
                        ratios = zip(weightIndices, before).map { i, old in
                            let norm = old.norm
                            return norm > 0 ? (parameters[i] - old).norm / norm : .infinity
                        }
                    }
                    if let d = c.averagingDecay, average != nil {
                        for i in parameters.indices {
                            average![i].scale(by: d)
                            average![i].add(parameters[i], scaledBy: 1 - d)
                        }
                    }
                }
                lossSum += data.value
                batches += 1
            }

            let trainEvaluation = evaluate(model, on: train, loss: c.loss)
            let validationEvaluation = validation.map { evaluate(model, on: $0, loss: c.loss) }
            // The epoch's last update can break the parameters after its last minibatch loss was
            // taken: the evaluation sees it first, and the epoch is not kept.
            if let broken = [trainEvaluation.loss, validationEvaluation?.loss ?? 0].first(where: { !$0.isFinite }) {
                divergence = (step, .init(broken))
                break
            }
            let record = EpochRecord(epoch: epoch, minibatchLoss: lossSum / Double(batches),
                                     trainLoss: trainEvaluation.loss, trainAccuracy: trainEvaluation.accuracy,
                                     validationLoss: validationEvaluation?.loss,
                                     validationAccuracy: validationEvaluation?.accuracy,
                                     updateToWeightRatios: ratios)
            records.append(record)
            progress?(TrainingProgress(epoch: epoch, epochs: c.epochs, record: record))
            if let interval = c.snapshotInterval, epoch % interval == 0 { snapshots.append((epoch, model)) }

            // Without a validation set the latest epoch is the best one; with one, a strictly
            // higher accuracy (or the same accuracy at a lower loss) wins.
            let score = validationEvaluation ?? (accuracy: Double(epoch), loss: 0)
            if score.accuracy > best.accuracy || (score.accuracy == best.accuracy && score.loss < best.loss) {
                best = (epoch, score.accuracy, score.loss, model)
            }
            if let patience = c.patience, validation != nil, epoch - best.epoch >= patience, epoch < c.epochs {
                stoppedEarly = true
                break
            }
        }

        var averagedModel: Sequential?
        if let average, divergence == nil {
            var averaged = model
            let correction = 1 - pow(c.averagingDecay!, Double(step))
            averaged.parameters = average.map { $0 * (1 / correction) }
            averagedModel = averaged
        }
        let history = TrainingHistory(epochs: records, initialLoss: initialLoss, expectedInitialLoss: expected,
                                      bestEpoch: best.epoch, stoppedEarly: stoppedEarly, steps: step,
                                      outcome: divergence.map { .diverged(step: $0.step, loss: $0.loss) } ?? .completed(steps: step))
        return Result(model: best.model, finalModel: model, snapshots: snapshots, averagedModel: averagedModel,
                      history: history)
    }

    /// The stream of every dropout mask of a training run with `seed`: `masks` of the seed.
    public static func maskStream(seed: UInt64) -> RandomStream { RandomStream(seed: seed, path: .masks) }

    /// The stream that shuffles the examples in epoch `epoch` (from 1): `shuffle epoch` of the seed.
    public static func shuffleStream(seed: UInt64, epoch: Int) -> RandomStream {
        RandomStream(seed: seed, path: .shuffle(epoch: epoch))
    }

    /// Data loss and accuracy of `model` on `data`, in inference mode.
    public static func evaluate(_ model: Sequential, on data: Dataset, loss: Loss) -> (accuracy: Double, loss: Double) {
        let scores = model.predict(data.features)
        return (Sequential.accuracy(Sequential.argmaxRows(scores), data.labels),
                loss(scores, .classes(data.labels)).value)
    }
}
