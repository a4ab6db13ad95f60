/// A labelled classification data set: one example per row of `features`, its class in `labels`.
///
/// Shapes: `features` [N, D], `labels` [N] with values in `0..<classCount`.
public struct Dataset: Equatable, Sendable {
    /// The inputs, one example per row: [N, D].
    public var features: Tensor
    /// The class of each example: [N], in `0..<classCount`.
    public var labels: [Int]
    /// C, the number of classes.
    public var classCount: Int

    public init(features: Tensor, labels: [Int], classCount: Int) {
        precondition(features.rank == 2 && features.shape[0] == labels.count,
                     "dataset needs features [N, D] and N labels, got \(features.shape) and \(labels.count)")
        precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "labels must be in 0..<\(classCount)")
        self.features = features
        self.labels = labels
        self.classCount = classCount
    }

    /// N, the number of examples.
    public var count: Int { labels.count }
    /// D, the number of features per example.
    public var featureCount: Int { features.shape[1] }

    /// The examples at `indices`, in that order: [indices.count, D].
    public func subset(_ indices: [Int]) -> Dataset {
        let d = featureCount
        var scalars = [Double](repeating: 0, count: indices.count * d)
        features.scalars.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { target in
                for (row, index) in indices.enumerated() {
                    precondition((0..<count).contains(index), "index \(index) outside 0..<\(count)")
                    for j in 0..<d { target[row * d + j] = source[index * d + j] }
                }
            }
        }
        return Dataset(features: Tensor(shape: [indices.count, d], scalars: scalars),
                       labels: indices.map { labels[$0] }, classCount: classCount)
    }

    /// The same labels with other features (a preprocessed copy): `features` must be [N, D′].
    public func replacingFeatures(_ features: Tensor) -> Dataset {
        Dataset(features: features, labels: labels, classCount: classCount)
    }

    /// How many examples each class has: [C].
    public var classCounts: [Int] {
        labels.reduce(into: [Int](repeating: 0, count: classCount)) { $0[$1] += 1 }
    }
}
