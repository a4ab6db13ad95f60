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
        var run = try TrainingRun(model: model, exampleCount: train.count, configuration: c)
        let initialLoss = c.loss(model.predict(train.features), .classes(train.labels)).value
        let expected: Double? = { if case .softmaxCrossEntropy = c.loss { return log(Double(train.classCount)) } else { return nil } }()

        var records: [EpochRecord] = []
        var best = BestEpoch(model: model)
        var snapshots: [(epoch: Int, model: Sequential)] = []
        var stoppedEarly = false
        var divergence: (step: Int, loss: TrajectoryOutcome.NonFiniteValue)?
        // Reduce-on-plateau watches the validation loss (the training loss without a validation set).
        var plateau = ReduceOnPlateau(c.optimizer.options.schedule)

        for epoch in 1...c.epochs {
            let pass = run.epoch(epoch, on: train)
            guard case let .finished(minibatchLoss, ratios) = pass else {
                if case let .diverged(loss) = pass { divergence = (run.step, loss) }
                break
            }
            let trainEvaluation = evaluate(run.model, on: train, loss: c.loss)
            let validationEvaluation = validation.map { evaluate(run.model, on: $0, loss: c.loss) }
            // The epoch's last update can break the parameters after its last minibatch loss was
            // taken: the evaluation sees it first, and the epoch is not kept.
            if let broken = [trainEvaluation.loss, validationEvaluation?.loss ?? 0].first(where: { !$0.isFinite }) {
                divergence = (run.step, .init(broken))
                break
            }
            let record = EpochRecord(epoch: epoch, minibatchLoss: minibatchLoss,
                                     trainLoss: trainEvaluation.loss, trainAccuracy: trainEvaluation.accuracy,
                                     validationLoss: validationEvaluation?.loss,
                                     validationAccuracy: validationEvaluation?.accuracy,
                                     updateToWeightRatios: ratios)
            records.append(record)
            if plateau?.observe(validationLoss: validationEvaluation?.loss ?? trainEvaluation.loss) == true {
                run.optimizer.learningRate = c.optimizer.learningRate * plateau!.scale
            }
            progress?(TrainingProgress(epoch: epoch, epochs: c.epochs, record: record))
            if let interval = c.snapshotInterval, epoch % interval == 0 { snapshots.append((epoch, run.model)) }

            // Without a validation set the latest epoch is the best one.
            best.consider(epoch: epoch, score: validationEvaluation ?? (accuracy: Double(epoch), loss: 0), model: run.model)
            if let patience = c.patience, validation != nil, epoch - best.epoch >= patience, epoch < c.epochs {
                stoppedEarly = true
                break
            }
        }

        var averagedModel: Sequential?
        if let average = run.average, divergence == nil {
            averagedModel = run.model
            averagedModel!.parameters = average.average(after: run.step)
        }
        let history = TrainingHistory(epochs: records, initialLoss: initialLoss, expectedInitialLoss: expected,
                                      bestEpoch: best.epoch, stoppedEarly: stoppedEarly, steps: run.step,
                                      outcome: divergence.map { .diverged(step: $0.step, loss: $0.loss) } ?? .completed(steps: run.step))
        return Result(model: best.model, finalModel: run.model, snapshots: snapshots, averagedModel: averagedModel,
                      history: history)
    }

    /// Early stopping's snapshot: the epoch with the highest validation accuracy so far, a tie
    /// going to the lower loss (epoch 0, the initial model, until an epoch is kept).
    struct BestEpoch {
        var epoch = 0
        var accuracy = -Double.infinity
        var loss = Double.infinity
        var model: Sequential

        init(model: Sequential) { self.model = model }

        /// Keeps `model` if `score` is strictly more accurate, or as accurate at a lower loss.
        mutating func consider(epoch: Int, score: (accuracy: Double, loss: Double), model: Sequential) {
            guard score.accuracy > accuracy || (score.accuracy == accuracy && score.loss < loss) else { return }
            (self.epoch, accuracy, loss, self.model) = (epoch, score.accuracy, score.loss, model)
        }
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
