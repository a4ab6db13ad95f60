import NNEngine

/// Figure 1's 2-D data: a 3-arm spiral (CS231n's, with noise) for training and an independent
/// draw of the same spiral for testing. The coordinates already lie in [−1, 1]: not rescaled.
struct PlanarData: Sendable {
    var train: Dataset
    var test: Dataset
    var set: SyntheticDataset

    static func make(pointsPerClass: Int, noise: Double, using stream: RandomStream) throws -> PlanarData {
        let set = SyntheticDataset.spiral(classes: 3, pointsPerClass: pointsPerClass, noise: noise)
        try set.validate()
        var trainStream = stream.stream(.data), testStream = stream.stream(.split)
        return PlanarData(train: set.generate(using: &trainStream), test: set.generate(using: &testStream), set: set)
    }

    var noise: Double {
        if case .spiral(_, _, let noise) = set { return noise }
        return 0
    }

    var description: String {
        "\(set.name): \(train.count) training points, \(test.count) test points (an independent draw), 3 classes, angular noise \(noise)"
    }
}
