/// A data set cut into training, validation and test parts, disjoint and together the whole.
///
/// The validation part chooses hyperparameters and the early-stopping epoch; the test part is
/// looked at once, at the end (CS231n: "evaluate on the test set only a single time").
public struct DatasetSplit: Equatable, Sendable {
    public var train: Dataset
    public var validation: Dataset
    public var test: Dataset

    public init(train: Dataset, validation: Dataset, test: Dataset) {
        self.train = train
        self.validation = validation
        self.test = test
    }

    /// A stratified random split: every class is shuffled with `generator` and dealt into the three
    /// parts by the given fractions, so that each part keeps the class proportions.
    ///
    /// `trainCount`, if given, caps the training part at that many examples (a deliberately small
    /// training set, for overfitting), drawn evenly across classes; the rest of the training share
    /// is discarded, never moved into validation or test.
    /// - Throws: `LabError` if a fraction is outside [0, 1), the fractions leave no training data,
    ///   or any part would be empty.
    public static func stratified(_ data: Dataset, validationFraction: Double, testFraction: Double,
                                  trainCount: Int? = nil,
                                  using generator: inout RandomStream) throws -> DatasetSplit {
        guard (0..<1).contains(validationFraction), (0..<1).contains(testFraction),
              validationFraction + testFraction < 1 else {
            throw LabError("validation fraction \(validationFraction) and test fraction \(testFraction) must be in [0, 1) and leave some training data")
        }
        var train: [[Int]] = [], validation: [Int] = [], test: [Int] = []
        for c in 0..<data.classCount {
            var members = data.labels.indices.filter { data.labels[$0] == c }
            members.shuffle(using: &generator)
            // Round the held-out shares, so that small classes still contribute to each part.
            let nTest = Int((Double(members.count) * testFraction).rounded())
            let nValidation = Int((Double(members.count) * validationFraction).rounded())
            test += members.prefix(nTest)
            validation += members.dropFirst(nTest).prefix(nValidation)
            train.append(Array(members.dropFirst(nTest + nValidation)))
        }
        var trainIndices: [Int]
        if let cap = trainCount {
            guard cap >= data.classCount else {
                throw LabError("a training set of \(cap) examples cannot hold all \(data.classCount) classes")
            }
            // Deal round-robin over the classes so that the small set stays balanced.
            trainIndices = []
            var round = 0
            while trainIndices.count < cap, train.contains(where: { $0.count > round }) {
                for members in train where members.count > round && trainIndices.count < cap {
                    trainIndices.append(members[round])
                }
                round += 1
            }
        } else {
            trainIndices = train.flatMap { $0 }
        }
        for (name, part) in [("training", trainIndices), ("validation", validation), ("test", test)] where part.isEmpty {
            throw LabError("the \(name) part of the \(data.count) examples is empty; use more data or other fractions")
        }
        // Sorting keeps each part in the data set's order, independent of the class loop.
        return DatasetSplit(train: data.subset(trainIndices.sorted()), validation: data.subset(validation.sorted()),
                            test: data.subset(test.sorted()))
    }
}
