import Foundation
import NNEngine

/// Minibatch training watched step by step, as the lecture's babysitting asks: every
/// minibatch's loss and learning rate, each weight matrix's update-to-weight ratio, probes of the
/// activations and gradients at chosen epochs, and the best-validation checkpoint.
///
/// The same steps as the engine's `Trainer` (the same shuffle and mask streams of the seed, the
/// same `½λ‖W‖²` on weight matrices only, the same optimizers and schedules, reduce-on-plateau fed
/// the validation loss after every epoch), with per-step records the `Trainer` does not keep.
enum MonitoredTraining {
    /// What to watch beyond losses and accuracies.
    struct Plan {
        /// Record `‖ΔW‖/‖W‖` of every weight matrix at every step.
        var recordsRatios = false
        /// Epochs (0: before training) after which to probe the net on `probe`.
        var probeEpochs: [Int] = []
        var probe: Dataset?
        /// The learning-rate finder: the base rate of step `t` (from 1), replacing the configured one.
        var learningRateAtStep: ((Int) -> Double)?
        /// Stop after this many steps (the finder).
        var maxSteps: Int?
        /// Stop as soon as this says so, given the minibatch losses so far (the finder's explosion test).
        var stopsWhen: (([Double]) -> Bool)?
        /// Evaluate on the training and validation sets after every epoch.
        var evaluates = true
    }

    /// One training's record.
    struct Trace: Sendable {
        /// The data loss of every minibatch, in order.
        var stepLosses: [Double] = []
        /// The learning rate every step used (after the schedule).
        var learningRates: [Double] = []
        /// `[step][weight matrix]` update-to-weight ratios, when recorded.
        var ratios: [[Double]] = []
        var epochs: [EpochRecord] = []
        var probes: [NetProbe] = []
        /// The step (from 1) whose loss, or the epoch evaluation after it, was NaN or ∞.
        var divergedAtStep: Int?
        /// The epoch with the best validation accuracy (a tie to the lower loss); 0 is the initial net.
        var bestEpoch = 0
        var bestModel: Sequential
        var finalModel: Sequential
        var stepsPerEpoch: Int
    }

    /// Trains `model` on `train` under `c` (epochs, batch size, optimizer with schedule,
    /// regularizer, seed), validating on `validation` after every epoch.
    /// Shapes: features [N, D₀] matching the model's input; scores [N, C].
    static func train(_ model: Sequential, on train: Dataset, validation: Dataset, configuration c: TrainingConfiguration,
                      plan: Plan = Plan()) throws -> Trace {
        try c.validate()
        var model = model
        var optimizer = try c.optimizer.makeOptimizer()
        var plateau = ReduceOnPlateau(c.optimizer.options.schedule)
        var masks = Trainer.maskStream(seed: c.seed)
        var order = Array(0..<train.count)
        let weights = model.parameterKinds.indices.filter { model.parameterKinds[$0] == .weight }
        var trace = Trace(bestModel: model, finalModel: model, stepsPerEpoch: (train.count + c.batchSize - 1) / c.batchSize)
        var best = (accuracy: -Double.infinity, loss: Double.infinity)
        var step = 0
        if plan.probeEpochs.contains(0), let probe = plan.probe { trace.probes.append(NetProbe.take(model, on: probe, epoch: 0, loss: c.loss)) }

        training: for epoch in 1...c.epochs {
            var shuffler = Trainer.shuffleStream(seed: c.seed, epoch: epoch)
            order.shuffle(using: &shuffler)
            var lossSum = 0.0
            var ratios: [Double] = []
            for start in stride(from: 0, to: order.count, by: c.batchSize) {
                if let maxSteps = plan.maxSteps, step >= maxSteps { break training }
                let batch = train.subset(Array(order[start..<Swift.min(start + c.batchSize, order.count)]))
                step += 1
                if let rate = plan.learningRateAtStep { optimizer.learningRate = rate(step) }
                trace.learningRates.append(c.optimizer.options.schedule.learningRate(base: optimizer.learningRate, step: step))
                let (scores, cache) = model.forward(batch.features, mode: .training, using: &masks)
                let data = c.loss(scores, .classes(batch.labels))
                let penalty = c.regularizer.map { r in weights.reduce(0) { $0 + r.value(model.parameters[$1]) } } ?? 0
                trace.stepLosses.append(data.value)
                guard data.value.isFinite && penalty.isFinite else {
                    trace.divergedAtStep = step
                    break training
                }
                var gradients = model.backward(data.gradient, cache: cache, inputGradient: false).parameters
                ratios = model.updateParameters { parameters in
                    if let r = c.regularizer { for i in weights { gradients[i] = gradients[i] + r.gradient(parameters[i]) } }
                    let before = plan.recordsRatios ? weights.map { parameters[$0] } : []
                    optimizer.step(&parameters, gradients: gradients)
                    return zip(weights, before).map { UpdateRatio.of(old: $1, new: parameters[$0]) }
                }
                if plan.recordsRatios { trace.ratios.append(ratios) }
                lossSum += data.value
                if let stop = plan.stopsWhen, stop(trace.stepLosses) { break training }
            }
            guard plan.evaluates else { continue }
            let onTrain = Trainer.evaluate(model, on: train, loss: c.loss)
            let onValidation = Trainer.evaluate(model, on: validation, loss: c.loss)
            guard onTrain.loss.isFinite && onValidation.loss.isFinite else {
                trace.divergedAtStep = step
                break
            }
            trace.epochs.append(EpochRecord(epoch: epoch, minibatchLoss: lossSum / Double(trace.stepsPerEpoch),
                                            trainLoss: onTrain.loss, trainAccuracy: onTrain.accuracy,
                                            validationLoss: onValidation.loss, validationAccuracy: onValidation.accuracy,
                                            updateToWeightRatios: ratios))
            if onValidation.accuracy > best.accuracy || (onValidation.accuracy == best.accuracy && onValidation.loss < best.loss) {
                best = (onValidation.accuracy, onValidation.loss)
                trace.bestEpoch = epoch
                trace.bestModel = model
            }
            if plateau?.observe(validationLoss: onValidation.loss) == true {
                optimizer.learningRate = c.optimizer.learningRate * plateau!.scale
            }
            if plan.probeEpochs.contains(epoch), let probe = plan.probe {
                trace.probes.append(NetProbe.take(model, on: probe, epoch: epoch, loss: c.loss))
            }
        }
        trace.finalModel = model
        return trace
    }
}
