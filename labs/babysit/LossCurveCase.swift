import NNEngine

/// Figure 3's five runs: the loss curves a student must learn to read (001 deck, "babysitting the
/// learning process"), each one setting changed from the good run.
enum LossCurveCase: String, Codable, CaseIterable, Sendable {
    case good
    case tooHigh
    case tooLow
    case badInitialization
    case littleRegularization

    /// The learning rate ×30 and ÷100, every weight ×0.1 at init, and λ = 0 on a small training set.
    static let highFactor = 30.0
    static let lowFactor = 0.01
    static let badInitScale = 0.1

    var title: String {
        switch self {
        case .good: return "good learning rate"
        case .tooHigh: return "lr ×\(Int(Self.highFactor)): too high"
        case .tooLow: return "lr ÷\(Int(1 / Self.lowFactor)): too low"
        case .badInitialization: return "weights ×\(Self.badInitScale) at init"
        case .littleRegularization: return "λ = 0: too little reg."
        }
    }

    /// A few words, for lists.
    var shortName: String {
        switch self {
        case .good: return "good"
        case .tooHigh: return "lr too high"
        case .tooLow: return "lr too low"
        case .badInitialization: return "bad init"
        case .littleRegularization: return "λ = 0"
        }
    }

    /// What the lecture says the curve looks like.
    var lecture: String {
        switch self {
        case .good: return "the loss falls fast, then slowly; validation accuracy follows training accuracy"
        case .tooHigh: return "the loss explodes (NaN) or stays high, bouncing"
        case .tooLow: return "the loss falls almost linearly, slowly"
        case .badInitialization: return "a plateau, then a drop: bad initialization"
        case .littleRegularization: return "a big gap between training and validation accuracy: overfitting, increase regularization"
        }
    }

    var learningRateFactor: Double {
        switch self {
        case .tooHigh: return Self.highFactor
        case .tooLow: return Self.lowFactor
        default: return 1
        }
    }

    var weightScale: Double { self == .badInitialization ? Self.badInitScale : 1 }
}

/// One run of figure 3.
struct LossCurve: Codable, Sendable {
    var run: LossCurveCase
    var title: String
    var learningRate: Double
    var lambda: Double
    var trainCount: Int
    var stepLosses: [Double]
    var movingAverage: [Double]
    var epochs: [EpochRecord]
    var divergedAtStep: Int?
    var stepsPerEpoch: Int

    /// Mean of the last `window` losses at every step (fewer at the start).
    static func movingAverage(_ values: [Double], window: Int) -> [Double] {
        var sum = 0.0
        return values.indices.map { i in
            sum += values[i]
            if i >= window { sum -= values[i - window] }
            return sum / Double(Swift.min(i + 1, window))
        }
    }
}
