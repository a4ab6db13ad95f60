import NNEngine
import NNImage

/// Every figure `lab augment` can draw; `--transform` picks a subset by these names.
public enum SheetKind: String, CaseIterable, Codable, Sendable {
    case hflip, vflip
    case randomCrop = "random-crop", centerCrop = "center-crop", resize
    case randomResizedCrop = "random-resized-crop", resnetScale = "resnet-scale"
    case colorJitter = "color-jitter", pcaColor = "pca-color"
    case rotation, translation, scaling, shear, stretch, lens, elastic
    case noise, blur, erasing
    case standardPipeline = "standard-pipeline", testCrops = "test-crops", multiScaleCrops = "multi-scale-crops"
    case mixup, cutmix
    case sixToNine = "six-to-nine"

    /// Parses a name, listing the valid ones when it is unknown.
    public init(parsing text: String) throws {
        guard let kind = SheetKind(rawValue: text.lowercased()) else {
            throw LabError("unknown transform '\(text)'; valid: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = kind
    }

    /// The random augmentation a per-transform sheet samples, sized for an image of `size`, with
    /// ranges wide enough to see on a slide; nil for the sheets built another way.
    func augmentation(for size: ImageSize) throws -> Augmentation? {
        // Crops and outputs are 224 (the ImageNet input) unless the photo is smaller.
        let side = min(224, size.shortSide * 3 / 4)
        switch self {
        case .hflip: return .flip(try Flip(axis: .horizontal))
        case .vflip: return .flip(try Flip(axis: .vertical))
        case .randomCrop: return .randomCrop(try RandomCrop(size: ImageSize(side: max(1, side))))
        case .randomResizedCrop: return .randomResizedCrop(try RandomResizedCrop(size: ImageSize(side: max(1, side))))
        case .resnetScale: return .scaleJitter(try ScaleJitterCrop())
        case .colorJitter: return .colorJitter(try ColorJitter(brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1))
        case .pcaColor: return .pcaColor(try PCAColor(standardDeviation: 0.5))
        case .rotation: return .affine(try AffineWarp(degrees: -30...30))
        case .translation: return .affine(try AffineWarp(translate: -0.2...0.2))
        case .scaling: return .affine(try AffineWarp(scale: 0.7...1.3))
        case .shear: return .affine(try AffineWarp(shear: -20...20))
        case .stretch: return .affine(try AffineWarp(stretch: (1 / 1.4)...1.4))
        case .lens: return .lens(try LensDistortion(k: -0.4...0.4))
        case .elastic: return .elastic(try ElasticDeformation(alpha: 100...300, sigma: 10))
        case .noise: return .noise(try GaussianNoise(std: 0...0.15))
        case .blur: return .blur(try GaussianBlur(sigma: 0.5...4))
        case .erasing: return .erasing(try RandomErasing())
        case .standardPipeline: return try Self.standardPipeline(side: max(1, side))
        case .centerCrop, .resize, .testCrops, .multiScaleCrops, .mixup, .cutmix, .sixToNine: return nil
        }
    }

    /// The standard ImageNet training pipeline: random resized crop, horizontal flip, colour jitter 0.4.
    public static func standardPipeline(side: Int = 224) throws -> Augmentation {
        .pipeline([.randomResizedCrop(try RandomResizedCrop(size: ImageSize(side: side))),
                   .flip(try Flip()),
                   .colorJitter(try ColorJitter(brightness: 0.4, contrast: 0.4, saturation: 0.4))])
    }

    /// The sheet's title.
    var title: String {
        switch self {
        case .hflip: return "Horizontal flip, p = 0.5"
        case .vflip: return "Vertical flip, p = 0.5 (rarely label-preserving for photos)"
        case .randomCrop: return "Random crop"
        case .centerCrop: return "Center crop at decreasing sizes"
        case .resize: return "Downscaling by 6: point sampling aliases, a prefilter does not"
        case .randomResizedCrop: return "Random resized crop: scale 0.08-1, ratio 3/4-4/3"
        case .resnetScale: return "ResNet scale augmentation: short side L ∈ [256, 480], random 224 crop"
        case .colorJitter: return "Color jitter: brightness, contrast, saturation 0.4, hue 0.1"
        case .pcaColor: return "AlexNet PCA colour: offset Σ αᵢ √λᵢ pᵢ, α ~ N(0, 0.5²) (paper: 0.1; enlarged to see)"
        case .rotation: return "Rotation, ±30°, black fill"
        case .translation: return "Translation, ±20% of the size"
        case .scaling: return "Scaling, 0.7-1.3"
        case .shear: return "Shear, ±20°"
        case .stretch: return "Stretch (aspect change), 1/1.4-1.4"
        case .lens: return "Lens distortion: barrel k > 0, pincushion k < 0"
        case .elastic: return "Elastic deformation (Simard et al. 2003)"
        case .noise: return "Gaussian noise on the input, σ 0–0.15"
        case .blur: return "Gaussian blur, σ 0.5–4 px"
        case .erasing: return "Random erasing / cutout: area 2-33%, set to zero"
        case .standardPipeline: return "Standard training pipeline: random resized crop 224, flip, color jitter 0.4"
        case .testCrops: return "Test time: 10 crops (4 corners + center, and their flips) at L = 256"
        case .multiScaleCrops: return "Test time, multi-scale: 10 crops at L = 224, 256, 384, 480, 640"
        case .mixup: return "Mixup: x = λ x₁ + (1 − λ) x₂, λ ~ Beta(0.4, 0.4); labels weighted alike"
        case .cutmix: return "CutMix: a coffee box pasted into the cat, labels weighted by area"
        case .sixToNine: return "Do not change the class: a 6 rotated by 180° is a 9"
        }
    }
}

extension StreamKey {
    /// The stream of the contact sheet at place `i` of `SheetKind.allCases`.
    static func sheet(_ i: Int) -> StreamKey { StreamKey("sheet", index: i) }
}
