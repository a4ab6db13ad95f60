import NNImage

/// The JSON beside a contact sheet: the seed, the inputs and every sample's parameters.
public struct SheetData: Codable, Sendable {
    /// One tile's record: exactly one of the parameter fields is set (none for the original).
    public struct Sample: Codable, Equatable, Sendable {
        public var index: Int
        public var caption: String
        public var width: Int
        public var height: Int
        /// A single-image transform's parameters; `TransformRecord.apply` replays it on the input.
        public var transform: TransformRecord?
        public var testCrop: TestTimeCrops.Parameters?
        public var mixup: Mixup.Parameters?
        public var cutmix: CutMix.Parameters?
        /// The weights of the two labels, for mixup and cutmix.
        public var labelWeights: [Double]?
        /// The resampling filter, for the resize sheet.
        public var filter: ResamplingFilter?
        /// The class a human reads, for the digits figure.
        public var label: Int?

        init(index: Int, caption: String, size: ImageSize) {
            self.index = index
            self.caption = caption
            self.width = size.width
            self.height = size.height
        }
    }

    public var lab = "augment"
    public var sheet: String
    public var figure: String
    public var lecturePoint: String
    public var seed: UInt64
    /// What the sheet's numbers show, when there is more to say than the captions.
    public var findings: [String] = []
    /// The input files, with their sizes.
    public var inputs: [String]
    /// Index 0 is the original (or first input); then the samples.
    public var samples: [Sample]
    /// How the samples were drawn when not independently (mixup's λ, stratified so the sheet
    /// shows the range); absent otherwise.
    public var sampling: String? = nil
}
