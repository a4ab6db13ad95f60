import NNEngine

/// A single-image augmentation, or a composition of them: the type a training loop or the
/// `--pipeline` option holds.
///
/// `sample` draws every random parameter from the passed generator and returns the result with a
/// `TransformRecord`; `record.apply(to:)` replays it exactly.
public indirect enum Augmentation: Sendable {
    case flip(Flip)
    case randomCrop(RandomCrop)
    case centerCrop(CenterCrop)
    case resize(Resize)
    case randomResizedCrop(RandomResizedCrop)
    case scaleJitter(ScaleJitterCrop)
    case colorJitter(ColorJitter)
    case pcaColor(PCAColor)
    case affine(AffineWarp)
    case lens(LensDistortion)
    case elastic(ElasticDeformation)
    case noise(GaussianNoise)
    case blur(GaussianBlur)
    case erasing(RandomErasing)
    /// Each in order: `x ↦ tₙ(… t₁(x))`.
    case pipeline([Augmentation])
    /// The inner augmentation with probability `p`, else the identity.
    case randomApply(Augmentation, probability: Double)
    /// One of the options, chosen uniformly.
    case oneOf([Augmentation])

    /// Draws parameters for `image` and applies them.
    /// - Throws: `LabError` when a step cannot apply to the image it receives (a crop larger than
    ///   the image), naming the step.
    public func sample(_ image: Image, using generator: inout RandomStream) throws -> (image: Image, record: TransformRecord) {
        // Every step allocates a new image of a few hundred KB, above glibc's first mmap threshold:
        // without this each image was faulted in page by page (200 minor faults an image on the
        // standard pipeline), a cost that varies severalfold between machines and kernels.
        HeapTuning.keepFreedMemory()
        let record: TransformRecord
        switch self {
        case .flip(let t): record = .flip(try t.sample(for: image.size, using: &generator))
        case .randomCrop(let t): record = .randomCrop(try t.sample(for: image.size, using: &generator))
        case .centerCrop(let t): record = .centerCrop(try t.sample(for: image.size, using: &generator))
        case .resize(let t): record = .resize(try t.sample(for: image.size, using: &generator))
        case .randomResizedCrop(let t): record = .randomResizedCrop(try t.sample(for: image.size, using: &generator))
        case .scaleJitter(let t): record = .scaleJitter(try t.sample(for: image.size, using: &generator))
        case .colorJitter(let t): record = .colorJitter(try t.sample(for: image.size, using: &generator))
        case .pcaColor(let t): record = .pcaColor(t.sample(for: image, using: &generator))
        case .affine(let t): record = .affine(try t.sample(for: image.size, using: &generator))
        case .lens(let t): record = .lens(try t.sample(for: image.size, using: &generator))
        case .elastic(let t): record = .elastic(try t.sample(for: image.size, using: &generator))
        case .noise(let t): record = .noise(try t.sample(for: image.size, using: &generator))
        case .blur(let t): record = .blur(try t.sample(for: image.size, using: &generator))
        case .erasing(let t): record = .erasing(try t.sample(for: image.size, using: &generator))
        case .pipeline(let steps):
            var current = image
            var records: [TransformRecord] = []
            for (index, step) in steps.enumerated() {
                do {
                    let (next, stepRecord) = try step.sample(current, using: &generator)
                    current = next
                    records.append(stepRecord)
                } catch let error as LabError where steps.count > 1 {
                    throw LabError("pipeline step \(index + 1): \(error.message)")
                }
            }
            return (current, .pipeline(steps: records))
        case .randomApply(let inner, let probability):
            guard generator.uniform() < probability else { return (image, .randomApply(probability: probability, applied: nil)) }
            let (out, innerRecord) = try inner.sample(image, using: &generator)
            return (out, .randomApply(probability: probability, applied: innerRecord))
        case .oneOf(let options):
            let index = generator.integer(below: options.count)
            let (out, innerRecord) = try options[index].sample(image, using: &generator)
            return (out, .oneOf(index: index, applied: innerRecord))
        }
        return (record.apply(to: image), record)
    }
}
