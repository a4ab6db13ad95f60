import NNEngine

/// Figure 1: the decks' preprocessing pictures computed on real points. Every statistic is fitted
/// on the training points only (`PrincipalAxes`) and applied unchanged to the validation points,
/// which therefore are only approximately centred, normalized or white: the figure shows both.
public struct PreprocessingPictures: Codable, Sendable {
    /// One scatter panel: a data set at one stage, training and validation points, with the
    /// covariance each part has there.
    public struct Panel: Codable, Sendable {
        public var stage: PrincipalAxes.Stage
        public var trainX: [Double], trainY: [Double]
        public var validationX: [Double], validationY: [Double]
        /// Row-major 2×2 covariances (1/N, about each part's own mean), and each part's mean.
        public var trainCovariance: [Double]
        public var validationCovariance: [Double]
        public var trainMean: [Double]
        public var validationMean: [Double]
    }

    /// One data set's row of panels.
    public struct Row: Codable, Sendable {
        public var name: String
        public var description: String
        public var panels: [Panel]
        /// max |Cov_train(whitened) − I| over the entries: rounding only (the tests ask ≤ 1e-10).
        public var whitenedTrainDeviation: Double
        /// max |Cov_val(whitened) − I|: what fitting on the training part alone leaves.
        public var whitenedValidationDeviation: Double
        /// The two eigenvalues of the training covariance, largest first.
        public var eigenvalues: [Double]
    }

    public var rows: [Row]

    /// The correlated Gaussian's covariance `[[3, 1.8], [1.8, 1.5]]` (correlation 0.85) and mean
    /// (4, 2.5): off the origin and elongated along a diagonal, as in the decks' picture.
    static let gaussianMean = (4.0, 2.5)
    static let gaussianCovariance = [[3.0, 1.8], [1.8, 1.5]]

    /// `count` points of the correlated Gaussian, drawn as `μ + L z` with `L` the Cholesky factor.
    static func gaussian(count: Int, using stream: inout RandomStream) -> Tensor {
        let s = gaussianCovariance
        let l11 = s[0][0].squareRoot(), l21 = s[1][0] / l11
        let l22 = (s[1][1] - l21 * l21).squareRoot()
        var scalars: [Double] = []
        scalars.reserveCapacity(2 * count)
        for _ in 0..<count {
            let z1 = stream.normal(), z2 = stream.normal()
            scalars += [gaussianMean.0 + l11 * z1, gaussianMean.1 + l21 * z1 + l22 * z2]
        }
        return Tensor(shape: [count, 2], scalars: scalars)
    }

    /// The row of panels for 2-D training inputs `train` [N, 2] and validation inputs [M, 2].
    static func row(name: String, description: String, train: Tensor, validation: Tensor) throws -> Row {
        let axes = try PrincipalAxes(fitting: train)
        let panels = PrincipalAxes.Stage.allCases.map { stage -> Panel in
            let t = axes.apply(train, stage: stage), v = axes.apply(validation, stage: stage)
            return Panel(stage: stage, trainX: column(t, 0), trainY: column(t, 1), validationX: column(v, 0), validationY: column(v, 1),
                         trainCovariance: PrincipalAxes.covariance(t).scalars, validationCovariance: PrincipalAxes.covariance(v).scalars,
                         trainMean: (t.columnSums * (1 / Double(t.shape[0]))).scalars,
                         validationMean: (v.columnSums * (1 / Double(v.shape[0]))).scalars)
        }
        let whitened = panels.last!
        return Row(name: name, description: description, panels: panels,
                   whitenedTrainDeviation: deviationFromIdentity(whitened.trainCovariance),
                   whitenedValidationDeviation: deviationFromIdentity(whitened.validationCovariance),
                   eigenvalues: axes.eigenvalues)
    }

    /// max |C − I| over the entries of a row-major 2×2 matrix.
    static func deviationFromIdentity(_ c: [Double]) -> Double {
        [abs(c[0] - 1), abs(c[1]), abs(c[2]), abs(c[3] - 1)].max()!
    }

    static func column(_ x: Tensor, _ j: Int) -> [Double] {
        (0..<x.shape[0]).map { x[$0, j] }
    }

    /// Both rows: the Gaussian (70/30 split of `gaussianCount` points), then the digits reduced to
    /// their first two principal components, those fitted on the training digits only.
    static func compute(gaussianCount: Int, digits: DatasetSplit, using stream: RandomStream) throws -> PreprocessingPictures {
        var draw = stream.stream(.data)
        let points = gaussian(count: gaussianCount, using: &draw)
        let trainCount = Int((0.7 * Double(gaussianCount)).rounded())
        let train = Tensor(shape: [trainCount, 2], scalars: Array(points.scalars[0..<(2 * trainCount)]))
        let validation = Tensor(shape: [gaussianCount - trainCount, 2], scalars: Array(points.scalars[(2 * trainCount)...]))
        let gaussianRow = try row(name: "correlated Gaussian",
                                  description: "\(trainCount) training and \(gaussianCount - trainCount) validation points of N(μ=(4, 2.5), Σ=[[3, 1.8], [1.8, 1.5]])",
                                  train: train, validation: validation)
        // The digits in the plane of their first two principal components, fitted on the
        // training digits; the pictures then start from those raw 2-D coordinates plus the
        // training mean, so that "raw" is off the origin as raw pixels are.
        let pixels = try PrincipalAxes(fitting: digits.train.features)
        func plane(_ x: Tensor) -> Tensor {
            let projected = pixels.apply(x, stage: .decorrelated, components: 2)
            // Shift by the projection of the mean image itself, so the raw plane keeps an offset.
            let offset = Tensor.matmul(Tensor(shape: [1, pixels.featureCount], scalars: pixels.mean.scalars),
                                       Tensor(shape: [pixels.featureCount, 2], scalars: (0..<pixels.featureCount).flatMap { [pixels.eigenvectors[$0, 0], pixels.eigenvectors[$0, 1]] }))
            return projected.addingToEachRow(Tensor(offset.scalars))
        }
        let digitsRow = try row(name: "digits, first two PCs",
                                description: "\(digits.train.count) training and \(digits.validation.count) validation digits projected on the top two eigenvectors of the training pixels' covariance (pixel units, mean kept)",
                                train: plane(digits.train.features), validation: plane(digits.validation.features))
        return PreprocessingPictures(rows: [gaussianRow, digitsRow])
    }
}
