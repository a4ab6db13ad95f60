/// How a `Trainer` fits a model: the optimizer, loss and regularization, the minibatch schedule,
/// early stopping, and what to keep for ensembles.
public struct TrainingConfiguration: Equatable, Sendable {
    /// Passes over the training set.
    public var epochs: Int
    /// Examples per minibatch; the last minibatch of an epoch may be smaller.
    public var batchSize: Int
    /// The update rule, learning rate and options (the same optimizers as `lab optimizers`).
    public var optimizer: OptimizerConfiguration
    /// The data loss; classification losses take the dataset's labels.
    public var loss: Loss
    /// A penalty on the weight matrices (not biases, γ, β or slopes), added to the data loss.
    public var regularizer: Regularizer?
    /// How the regularizer's L1 part enters the update (see `PenaltyStep`).
    public var penaltyStep: PenaltyStep = .subgradient
    /// A max-norm constraint projected onto every weight matrix after each update.
    public var maxNorm: MaxNorm?
    /// Stop when the validation accuracy has not improved for this many epochs (keeping the best
    /// snapshot); nil trains for every epoch and still returns the best snapshot.
    public var patience: Int?
    /// Keep a copy of the model every this many epochs ("different checkpoints of a single
    /// model", 000 deck); nil keeps none.
    public var snapshotInterval: Int?
    /// Keep an exponential running average of the parameters with this decay, `θ̄ ← d θ̄ + (1 − d) θ`
    /// after every step ("running average of parameters during training", Polyak & Juditsky
    /// 1992); nil keeps none.
    public var averagingDecay: Double?
    /// Seeds the shuffling and the dropout masks.
    public var seed: UInt64

    public init(epochs: Int, batchSize: Int, optimizer: OptimizerConfiguration, loss: Loss = .softmaxCrossEntropy(),
                regularizer: Regularizer? = nil, maxNorm: MaxNorm? = nil, patience: Int? = nil,
                snapshotInterval: Int? = nil, averagingDecay: Double? = nil, seed: UInt64 = 0,
                penaltyStep: PenaltyStep = .subgradient) {
        self.penaltyStep = penaltyStep
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.loss = loss
        self.regularizer = regularizer
        self.maxNorm = maxNorm
        self.patience = patience
        self.snapshotInterval = snapshotInterval
        self.averagingDecay = averagingDecay
        self.seed = seed
    }

    /// Checks every count and the optimizer.
    /// - Throws: `LabError` naming the bad value.
    public func validate() throws {
        guard epochs >= 1 else { throw LabError("epochs must be at least 1, got \(epochs)") }
        guard batchSize >= 1 else { throw LabError("batch size must be at least 1, got \(batchSize)") }
        if let patience, patience < 1 { throw LabError("patience must be at least 1 epoch, got \(patience)") }
        if let snapshotInterval, snapshotInterval < 1 {
            throw LabError("snapshot interval must be at least 1 epoch, got \(snapshotInterval)")
        }
        if let d = averagingDecay, !(d >= 0 && d < 1) {
            throw LabError("parameter-averaging decay must be in [0, 1), got \(d)")
        }
        try optimizer.validate()
    }
}
