/// The JSON form of a record: one key, the case name, whose value is an object of named
/// parameters, so a student can read the file and a replay can decode it.
///
/// A single transform's case holds its `Parameters` fields directly:
///
///     {"affine": {"degrees": 12.5, "fill": {"constant": {"value": 0}}, "scale": 1, …}}
///
/// and the compositions name theirs:
///
///     {"pipeline": {"steps": [{"flip": {"axis": "horizontal", "flipped": true}}, …]}}
///     {"randomApply": {"probability": 0.5, "applied": {…}}}   (no "applied" when skipped)
///     {"oneOf": {"index": 1, "applied": {…}}}
///
/// Written by hand because the synthesized form of a case with an unnamed value nests it under a
/// key `"_0"`. The keys are the case and field names, so renaming one changes the file format.
extension TransformRecord: Codable {
    /// The case names, the one key of a record's object.
    enum Kind: String, CodingKey, CaseIterable {
        case flip, randomCrop, centerCrop, resize, randomResizedCrop, scaleJitter, colorJitter, pcaColor
        case affine, lens, elastic, noise, blur, erasing, pipeline, randomApply, oneOf
    }

    /// The fields of the compositions.
    enum CompositionKeys: String, CodingKey {
        case steps, probability, applied, index
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Kind.self)
        switch self {
        case .flip(let p): try container.encode(p, forKey: .flip)
        case .randomCrop(let p): try container.encode(p, forKey: .randomCrop)
        case .centerCrop(let p): try container.encode(p, forKey: .centerCrop)
        case .resize(let p): try container.encode(p, forKey: .resize)
        case .randomResizedCrop(let p): try container.encode(p, forKey: .randomResizedCrop)
        case .scaleJitter(let p): try container.encode(p, forKey: .scaleJitter)
        case .colorJitter(let p): try container.encode(p, forKey: .colorJitter)
        case .pcaColor(let p): try container.encode(p, forKey: .pcaColor)
        case .affine(let p): try container.encode(p, forKey: .affine)
        case .lens(let p): try container.encode(p, forKey: .lens)
        case .elastic(let p): try container.encode(p, forKey: .elastic)
        case .noise(let p): try container.encode(p, forKey: .noise)
        case .blur(let p): try container.encode(p, forKey: .blur)
        case .erasing(let p): try container.encode(p, forKey: .erasing)
        case .pipeline(let steps):
            var fields = container.nestedContainer(keyedBy: CompositionKeys.self, forKey: .pipeline)
            try fields.encode(steps, forKey: .steps)
        case .randomApply(let probability, let applied):
            var fields = container.nestedContainer(keyedBy: CompositionKeys.self, forKey: .randomApply)
            try fields.encode(probability, forKey: .probability)
            try fields.encodeIfPresent(applied, forKey: .applied)
        case .oneOf(let index, let applied):
            var fields = container.nestedContainer(keyedBy: CompositionKeys.self, forKey: .oneOf)
            try fields.encode(index, forKey: .index)
            try fields.encode(applied, forKey: .applied)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        guard container.allKeys.count == 1, let kind = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a transform record has exactly one of the keys \(Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        switch kind {
        case .flip: self = .flip(try container.decode(Flip.Parameters.self, forKey: kind))
        case .randomCrop: self = .randomCrop(try container.decode(CropParameters.self, forKey: kind))
        case .centerCrop: self = .centerCrop(try container.decode(CropParameters.self, forKey: kind))
        case .resize: self = .resize(try container.decode(Resize.Parameters.self, forKey: kind))
        case .randomResizedCrop: self = .randomResizedCrop(try container.decode(RandomResizedCrop.Parameters.self, forKey: kind))
        case .scaleJitter: self = .scaleJitter(try container.decode(ScaleJitterCrop.Parameters.self, forKey: kind))
        case .colorJitter: self = .colorJitter(try container.decode(ColorJitter.Parameters.self, forKey: kind))
        case .pcaColor: self = .pcaColor(try container.decode(PCAColor.Parameters.self, forKey: kind))
        case .affine: self = .affine(try container.decode(AffineWarp.Parameters.self, forKey: kind))
        case .lens: self = .lens(try container.decode(LensDistortion.Parameters.self, forKey: kind))
        case .elastic: self = .elastic(try container.decode(ElasticDeformation.Parameters.self, forKey: kind))
        case .noise: self = .noise(try container.decode(GaussianNoise.Parameters.self, forKey: kind))
        case .blur: self = .blur(try container.decode(GaussianBlur.Parameters.self, forKey: kind))
        case .erasing: self = .erasing(try container.decode(RandomErasing.Parameters.self, forKey: kind))
        case .pipeline:
            let fields = try container.nestedContainer(keyedBy: CompositionKeys.self, forKey: kind)
            self = .pipeline(steps: try fields.decode([TransformRecord].self, forKey: .steps))
        case .randomApply:
            let fields = try container.nestedContainer(keyedBy: CompositionKeys.self, forKey: kind)
            self = .randomApply(probability: try fields.decode(Double.self, forKey: .probability),
                                applied: try fields.decodeIfPresent(TransformRecord.self, forKey: .applied))
        case .oneOf:
            let fields = try container.nestedContainer(keyedBy: CompositionKeys.self, forKey: kind)
            self = .oneOf(index: try fields.decode(Int.self, forKey: .index), applied: try fields.decode(TransformRecord.self, forKey: .applied))
        }
    }
}
