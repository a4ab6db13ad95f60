extension SheetKind {
    /// What the sheet shows, in the lectures' words (CS231n lecture 7 "Data Augmentation";
    /// the regularization lecture's "apply invariant transformations"; "extend it by distorting
    /// examples").
    var lecturePoint: String {
        switch self {
        case .hflip, .vflip: return "Horizontal flips: a mirrored cat is still a cat; a vertical flip usually is not a natural photo."
        case .randomCrop, .randomResizedCrop, .resnetScale:
            return "Random crops and scales: train on random crops so the net cannot rely on where the object is or how big."
        case .centerCrop, .testCrops, .multiScaleCrops:
            return "Testing: average a fixed set of crops, marginalizing the training-time randomness."
        case .resize: return "Resampling must low-pass filter when it downscales, or fine texture aliases into false patterns."
        case .colorJitter, .pcaColor: return "Color jitter: randomize contrast and brightness (AlexNet: PCA colour offsets)."
        case .rotation, .translation, .scaling, .shear, .stretch, .lens, .elastic:
            return "Get creative: translation, rotation, stretching, shearing, lens distortions; they shift, rotate and scale without changing the class."
        case .noise: return "Adding Gaussian noise to the input prefers robust minima."
        case .blur: return "Blur: invariance to focus and resolution."
        case .erasing: return "Cutout: set random image regions to zero at training time; use the full image at test time."
        case .standardPipeline: return "Training adds randomness (crop, flip, jitter); testing marginalizes it."
        case .mixup, .cutmix: return "Mixing examples and their labels regularizes beyond label-preserving transforms."
        case .sixToNine: return "Be careful not to change class semantics: 6 → 9."
        }
    }
}
