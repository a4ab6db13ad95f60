/// Everything `lab normalize` computed, as plain values for the figures and their JSON.
public struct NormalizeLabResult: Sendable {
    public var configuration: NormalizeLabConfiguration
    /// The batch-norm study's digits: sizes and preprocessing.
    public var data: String
    public var pictures: PreprocessingPictures
    public var sensitivity: LossSensitivity
    public var leak: LeakStudy
    public var zigZag: ZigZag
    public var batchNorm: BatchNormStudy
}
