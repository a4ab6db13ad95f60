/// The parameters one `Augmentation.sample` used, for every step: Codable for the JSON beside a
/// figure, captionable for the sheet, and replayable with `apply(to:)`.
///
/// In JSON a record is an object with one key, the case name, whose value holds the named
/// parameters, e.g. `{"affine": {"degrees": 12.5, "translateX": 0, …}}` or
/// `{"pipeline": {"steps": [{"flip": {"axis": "horizontal", "flipped": true}}, …]}}`
/// (see `TransformRecord+Codable`).
public indirect enum TransformRecord: Equatable, Sendable {
    case flip(Flip.Parameters)
    case randomCrop(CropParameters)
    case centerCrop(CropParameters)
    case resize(Resize.Parameters)
    case randomResizedCrop(RandomResizedCrop.Parameters)
    case scaleJitter(ScaleJitterCrop.Parameters)
    case colorJitter(ColorJitter.Parameters)
    case pcaColor(PCAColor.Parameters)
    case affine(AffineWarp.Parameters)
    case lens(LensDistortion.Parameters)
    case elastic(ElasticDeformation.Parameters)
    case noise(GaussianNoise.Parameters)
    case blur(GaussianBlur.Parameters)
    case erasing(RandomErasing.Parameters)
    /// Each step's record, in the order applied.
    case pipeline(steps: [TransformRecord])
    /// `applied` is nil when the coin said no.
    case randomApply(probability: Double, applied: TransformRecord?)
    /// `index` is the option chosen, `applied` its record.
    case oneOf(index: Int, applied: TransformRecord)

    /// The single-transform parameters inside, for the cases that have them.
    var parameters: (any TransformParameters)? {
        switch self {
        case .flip(let p): return p
        case .randomCrop(let p), .centerCrop(let p): return p
        case .resize(let p): return p
        case .randomResizedCrop(let p): return p
        case .scaleJitter(let p): return p
        case .colorJitter(let p): return p
        case .pcaColor(let p): return p
        case .affine(let p): return p
        case .lens(let p): return p
        case .elastic(let p): return p
        case .noise(let p): return p
        case .blur(let p): return p
        case .erasing(let p): return p
        case .pipeline, .randomApply, .oneOf: return nil
        }
    }

    /// Replays the recorded parameters on `image`: the same input gives the same output, bit for bit.
    public func apply(to image: Image) -> Image {
        switch self {
        case .pipeline(let records): return records.reduce(image) { $1.apply(to: $0) }
        case .randomApply(_, let applied): return applied?.apply(to: image) ?? image
        case .oneOf(_, let record): return record.apply(to: image)
        default: return parameters!.apply(to: image)
        }
    }

    /// A caption for a contact sheet; pipeline steps on separate lines.
    public var caption: String {
        switch self {
        case .pipeline(let records): return records.map(\.caption).joined(separator: "\n")
        case .randomApply(let p, let applied): return applied?.caption ?? "skipped (p = \(short(p)))"
        case .oneOf(_, let record): return record.caption
        default: return parameters!.caption
        }
    }
}
