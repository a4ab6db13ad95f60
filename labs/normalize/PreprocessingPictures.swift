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
        /// The two largest eigenvalues of the training covariance.
        public var eigenvalues: [Double]
        /// The features of the raw, centred and normalized panels (pixel indices for the digits),
        /// and their names.
        public var plane: [Int]
        public var planeNames: [String]
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

    /// The row of panels for training inputs `train` [N, D] and validation inputs [M, D]: the
    /// first three stages in the plane of the features `plane`, the PCA stages in the plane of the
    /// top two principal directions of all D features (fitted on `train`).
    static func row(name: String, description: String, train: Tensor, validation: Tensor, plane: (Int, Int) = (0, 1),
                    planeNames: [String] = ["x₁", "x₂"]) throws -> Row {
        let axes = try PrincipalAxes(fitting: train)
        let panels = PrincipalAxes.Stage.allCases.map { stage -> Panel in
            let pca = stage == .decorrelated || stage == .whitened
            let columns = pca ? (0, 1) : plane
            func flat(_ x: Tensor) -> Tensor {
                let y = axes.apply(x, stage: stage, components: pca ? 2 : nil)
                return Tensor(shape: [y.shape[0], 2], scalars: (0..<y.shape[0]).flatMap { [y[$0, columns.0], y[$0, columns.1]] })
            }
            let t = flat(train), v = flat(validation)
            return Panel(stage: stage, trainX: column(t, 0), trainY: column(t, 1), validationX: column(v, 0), validationY: column(v, 1),
                         trainCovariance: PrincipalAxes.covariance(t).scalars, validationCovariance: PrincipalAxes.covariance(v).scalars,
                         trainMean: (t.columnSums * (1 / Double(t.shape[0]))).scalars,
                         validationMean: (v.columnSums * (1 / Double(v.shape[0]))).scalars)
        }
        let whitened = panels.last!
        return Row(name: name, description: description, panels: panels,
                   whitenedTrainDeviation: deviationFromIdentity(whitened.trainCovariance),
                   whitenedValidationDeviation: deviationFromIdentity(whitened.validationCovariance),
                   eigenvalues: Array(axes.eigenvalues.prefix(2)), plane: [plane.0, plane.1], planeNames: planeNames)
    }

    /// The two most correlated pixels of the training digits (largest |correlation| over pixel
    /// pairs whose std is above 1 grey level): a raw plane in which the digits are visibly
    /// correlated, as the decks' raw cloud is.
    static func mostCorrelatedPixels(_ x: Tensor) -> (Int, Int) {
        let c = PrincipalAxes.covariance(x)
        let d = x.shape[1]
        var best = (0, 1), strongest = -1.0
        for i in 0..<d where c[i, i] > 1 {
            for j in (i + 1)..<d where c[j, j] > 1 {
                let r = abs(c[i, j]) / (c[i, i] * c[j, j]).squareRoot()
                if r > strongest { (best, strongest) = ((i, j), r) }
            }
        }
        return best
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
        // The digits: raw, centred and normalized in the plane of their two most correlated
        // pixels; decorrelated and whitened in the plane of the first two principal components of
        // all 64 pixels. Every statistic from the training digits.
        let pair = mostCorrelatedPixels(digits.train.features)
        let width = Int(Double(digits.train.featureCount).squareRoot())
        let names = [pair.0, pair.1].map { "pixel (row \($0 / width), column \($0 % width))" }
        let digitsRow = try row(name: "digits",
                                description: "\(digits.train.count) training and \(digits.validation.count) validation digits; raw to normalized: \(names[0]) and \(names[1]), the most correlated pair; decorrelated and whitened: the first two principal components of all \(digits.train.featureCount) pixels",
                                train: digits.train.features, validation: digits.validation.features, plane: pair, planeNames: names)
        return PreprocessingPictures(rows: [gaussianRow, digitsRow])
    }
}
