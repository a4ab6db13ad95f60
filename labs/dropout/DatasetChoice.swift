import Foundation
import NNEngine

/// The data a dropout experiment runs on: the real UCI digits, or one of the built-in 2-D sets.
public enum DatasetChoice: Equatable, Sendable {
    /// The UCI digits (64 pixels, 10 classes, or the first `classes` digits).
    case digits(classes: Int)
    /// A seeded 2-D set.
    case synthetic(SyntheticDataset)

    /// Parses `digits`, `spiral`, `circles`, `moons`, `xor` or `blobs`; `classes` sets the number
    /// of classes of digits, spiral and blobs (the two-class sets accept only 2).
    /// - Throws: `LabError` for an unknown name or an impossible number of classes.
    public init(parsing name: String, classes: Int? = nil) throws {
        if name.lowercased() == "digits" {
            let c = classes ?? DigitsDataset.classCount
            guard (2...DigitsDataset.classCount).contains(c) else {
                throw LabError("the digits have \(DigitsDataset.classCount) classes; --classes \(c) asks for \(c > 10 ? "more" : "too few")")
            }
            self = .digits(classes: c)
            return
        }
        let set = try SyntheticDataset.named(name, classes: classes)
        if let classes, classes != set.classCount {
            throw LabError("the \(set.name) set has \(set.classCount) classes; --classes \(classes) asks for \(classes > set.classCount ? "more" : "fewer")")
        }
        try set.validate()
        self = .synthetic(set)
    }

    /// The command-line name.
    public var name: String {
        switch self {
        case .digits: return "digits"
        case .synthetic(let set): return set.name
        }
    }

    /// Whether the inputs are points in the plane (so that decision regions can be drawn).
    public var isPlanar: Bool {
        if case .synthetic = self { return true }
        return false
    }

    /// The spiral of figure 1 and figure 6 when the main set is the digits: 3 arms of 100 points,
    /// noisier than CS231n's 0.2 so that a wide net has noise to memorize.
    public static let defaultSpiral = DatasetChoice.synthetic(.spiral(classes: 3, pointsPerClass: 100, noise: 0.3))

    /// Loads or draws the examples (digits from `digitsFile`, 2-D sets from `generator`).
    public func load(digitsFile: URL, using generator: inout RandomStream) throws -> Dataset {
        switch self {
        case .digits(let classes):
            return try DigitsDataset.restricted(try DigitsDataset.load(from: digitsFile), toClasses: classes)
        case .synthetic(let set):
            return set.generate(using: &generator)
        }
    }
}
