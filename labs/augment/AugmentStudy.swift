import Foundation
import NNEngine
import NNImage

/// Computes every contact sheet of `lab augment` as plain values (no drawing, no printing).
///
/// Each sheet draws from its own keyed stream (`sheet i`, i its place in `SheetKind.allCases`),
/// so a sheet's samples do not depend on which other sheets are selected.
public enum AugmentStudy {
    /// The photos read for a run.
    public struct Inputs: Sendable {
        public var image: Image
        public var imageName: String
        public var partner: Image
        public var partnerName: String
    }

    /// Reads the two photos (and checks the configuration) before anything is computed or written.
    public static func loadInputs(_ configuration: AugmentConfiguration) throws -> Inputs {
        try configuration.validate()
        let needsPartner = configuration.sheets.contains(.mixup) || configuration.sheets.contains(.cutmix)
        let image = try Image(contentsOf: configuration.image)
        let partner = needsPartner ? try Image(contentsOf: configuration.partner) : image
        return Inputs(image: image, imageName: configuration.image.lastPathComponent,
                      partner: partner, partnerName: needsPartner ? configuration.partner.lastPathComponent : "")
    }

    /// Every selected sheet, in the order of `SheetKind.allCases`.
    public static func run(_ configuration: AugmentConfiguration, inputs: Inputs) throws -> [ContactSheet] {
        let streams = Self.streams(seed: configuration.seed)
        let selected = SheetKind.allCases.filter(configuration.sheets.contains)
        return try selected.map { kind in
            var generator = streams[kind]!
            return try sheet(kind, configuration: configuration, inputs: inputs, generator: &generator)
        }
    }

    /// Each sheet's stream: `sheet i` of the seed, i the sheet's place in `SheetKind.allCases`.
    static func streams(seed: UInt64) -> [SheetKind: RandomStream] {
        let root = RandomStream(seed: seed)
        var streams: [SheetKind: RandomStream] = [:]
        for (i, kind) in SheetKind.allCases.enumerated() { streams[kind] = root.stream(.sheet(i)) }
        return streams
    }

    static func sheet(_ kind: SheetKind, configuration: AugmentConfiguration, inputs: Inputs,
                      generator: inout RandomStream) throws -> ContactSheet {
        let photo = inputs.image
        var builder = SheetBuilder(kind: kind, seed: configuration.seed,
                                   inputs: ["\(inputs.imageName) (\(photo.size))"])
        switch kind {
        case .centerCrop:
            builder.addOriginal(photo)
            let short = photo.size.shortSide, n = configuration.samples
            for i in 0..<n {
                let side = max(1, short - (short - short / 3) * i / max(1, n - 1))
                let (image, record) = try Augmentation.centerCrop(try CenterCrop(size: ImageSize(side: side))).sample(photo, using: &generator)
                builder.add(image, caption: record.caption) { $0.transform = record }
            }
        case .resize:
            builder.addOriginal(photo)
            let target = ImageSize(width: max(1, photo.width / 6), height: max(1, photo.height / 6))
            for filter in ResamplingFilter.allCases {
                let parameters = Resize.Parameters(size: target, filter: filter)
                let caption = "\(filter.rawValue) to \(target)" + (filter == .nearest ? "\n(no prefilter: aliases)" : "\n(prefilter \(short(6 * filter.radius)) px)")
                builder.add(parameters.apply(to: photo), caption: caption, pixelated: true) {
                    $0.transform = .resize(parameters)
                    $0.filter = filter
                }
            }
        case .testCrops:
            builder.addOriginal(photo)
            for crop in try TestTimeCrops.tenCrop(of: photo.size, crop: 224, shortSide: 256) {
                builder.add(crop.apply(to: photo), caption: crop.caption) { $0.testCrop = crop }
            }
        case .multiScaleCrops:
            // One resize per scale, shared by its 10 crops (what `Parameters.apply` does per crop).
            for scale in TestTimeCrops.resNetScales {
                let resized = photo.resized(to: photo.size.withShortSide(scale), filter: .bilinear)
                for crop in try TestTimeCrops.tenCrop(of: photo.size, crop: 224, shortSide: scale) {
                    let window = resized.cropped(to: crop.region)
                    let caption = "L = \(scale)\n\(crop.position.rawValue)" + (crop.flipped ? " flip" : "")
                    builder.add(crop.flipped ? window.flipped(.horizontal) : window, caption: caption) { $0.testCrop = crop }
                }
            }
            builder.columns = 10
            builder.tileSide = 130
        case .mixup, .cutmix:
            let partner = inputs.partner.resized(to: photo.size, filter: .bilinear)
            builder.inputs.append("\(inputs.partnerName) (\(inputs.partner.size), resized to \(photo.size))")
            builder.add(photo, caption: "first image x₁ (label 1)") { _ in }
            builder.add(partner, caption: "second image x₂ (label 2)") { _ in }
            if kind == .mixup {
                // Stratified: independent draws from the U-shaped Beta(0.4, 0.4) can leave the
                // middle of λ's range out of a sheet of eight.
                let mixup = try Mixup(alpha: 0.4)
                for p in mixup.stratifiedSamples(count: configuration.samples, using: &generator) {
                    builder.add(p.apply(photo, partner), caption: p.caption) { $0.mixup = p; $0.labelWeights = p.labelWeights }
                }
                builder.sampling = Mixup.stratifiedSamplingNote(alpha: mixup.alpha, count: configuration.samples)
            } else {
                for _ in 0..<configuration.samples {
                    let p = try CutMix(alpha: 1).sample(for: photo.size, using: &generator)
                    builder.add(p.apply(photo, partner), caption: p.caption) { $0.cutmix = p; $0.labelWeights = p.labelWeights }
                }
            }
        case .sixToNine:
            try DigitFigure.build(into: &builder)
        default:
            builder.addOriginal(photo)
            let augmentation = try kind.augmentation(for: photo.size)!
            for _ in 0..<configuration.samples {
                let (image, record) = try augmentation.sample(photo, using: &generator)
                builder.add(image, caption: record.caption) { $0.transform = record }
            }
        }
        return builder.sheet
    }
}

/// Formats a number with up to two decimals.
func short(_ value: Double) -> String {
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
