import NNEngine

extension Augmentation {
    /// The step names `init(parsingPipeline:)` accepts, with their arguments.
    public static let pipelineSyntax = [
        "flip[:p]", "vflip[:p]", "crop:N|WxH", "center-crop:N|WxH", "resize:N|WxH (N: short side)",
        "rrc:N[:min-scale] (random resized crop)", "resnet[:crop] (short side 256-480, then crop)",
        "jitter:J|B:C:S[:H]", "pca[:std]", "rotate:DEG", "translate:FRACTION", "scale:LOW:HIGH", "shear:DEG",
        "stretch:K", "lens:K", "elastic[:ALPHA[:SIGMA]]", "noise:STD", "blur:SIGMA", "erase[:max-scale]",
    ]

    /// Parses a pipeline such as `flip,crop:224,jitter:0.4`: steps separated by `,`, arguments by
    /// `:`, alternatives of a one-of by `|`, and a trailing `@p` for random apply
    /// (`rotate:15|shear:10@0.5`).
    /// - Throws: `LabError` quoting the pipeline and saying at which step and character it fails.
    public init(parsingPipeline text: String) throws {
        // A line break would split the one-line error that quotes the pipeline; no step has one.
        if let index = text.unicodeScalars.firstIndex(where: { $0.properties.generalCategory == .control }) {
            let position = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index) + 1
            throw LabError("pipeline has a control character (a line break or tab) at character \(position); "
                + "steps are separated by ',', e.g. flip,crop:224")
        }
        var steps: [Augmentation] = []
        var offset = 0
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            let where_ = "step \(index + 1) '\(piece)' (character \(offset + 1))"
            do {
                steps.append(try Self.parseStep(String(piece)))
            } catch let error as LabError {
                throw LabError("pipeline '\(text)': \(where_): \(error.message)")
            }
            offset += piece.count + 1
        }
        self = steps.count == 1 ? steps[0] : .pipeline(steps)
    }

    static func parseStep(_ text: String) throws -> Augmentation {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var probability: Double?
        if let at = body.lastIndex(of: "@") {
            let p = try number(String(body[body.index(after: at)...]), "probability")
            guard (0...1).contains(p) else { throw LabError("probability \(p) is outside [0, 1]") }
            probability = p
            body = body[..<at]
        }
        let alternatives = try body.split(separator: "|", omittingEmptySubsequences: false).map { try parseSingle(String($0)) }
        let step = alternatives.count == 1 ? alternatives[0] : .oneOf(alternatives)
        return probability.map { .randomApply(step, probability: $0) } ?? step
    }

    static func parseSingle(_ text: String) throws -> Augmentation {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let name = parts[0].lowercased(), args = Array(parts.dropFirst())
        guard !name.isEmpty else { throw LabError("empty step; steps look like \(pipelineSyntax[2])") }
        func arg(_ i: Int, _ what: String, default value: Double? = nil) throws -> Double {
            if i < args.count { return try number(args[i], what) }
            if let value { return value }
            throw LabError("'\(name)' needs \(what)")
        }
        func expect(_ range: ClosedRange<Int>) throws {
            guard range.contains(args.count) else {
                throw LabError("'\(name)' takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") arguments, got \(args.count)")
            }
        }
        switch name {
        case "flip", "hflip", "vflip":
            try expect(0...1)
            let p = try arg(0, "a probability", default: 0.5)
            return .flip(try Flip(axis: name == "vflip" ? .vertical : .horizontal, probability: p))
        case "crop", "center-crop":
            try expect(1...1)
            let size = try imageSize(args[0])
            return name == "crop" ? .randomCrop(try RandomCrop(size: size)) : .centerCrop(try CenterCrop(size: size))
        case "resize":
            try expect(1...1)
            if args[0].lowercased().contains("x") { return .resize(try Resize(.exact(try imageSize(args[0])))) }
            return .resize(try Resize(.shortSide(try integer(args[0], "a short side"))))
        case "rrc", "resized-crop":
            try expect(1...2)
            let minimum = try arg(1, "a minimum scale", default: 0.08)
            guard minimum > 0 && minimum <= 1 else { throw LabError("minimum scale \(minimum) is outside (0, 1]; it is the smallest share of the area kept") }
            return .randomResizedCrop(try RandomResizedCrop(size: try imageSize(args[0]), scale: minimum...1))
        case "resnet":
            try expect(0...1)
            return .scaleJitter(try ScaleJitterCrop(crop: args.isEmpty ? 224 : try integer(args[0], "a crop size")))
        case "jitter":
            try expect(1...4)
            guard args.count == 1 || args.count >= 3 else { throw LabError("'jitter' takes J or B:C:S[:H]") }
            let b = try arg(0, "brightness")
            return .colorJitter(try ColorJitter(brightness: b, contrast: try arg(1, "contrast", default: b),
                                                saturation: try arg(2, "saturation", default: b), hue: try arg(3, "hue", default: 0)))
        case "pca":
            try expect(0...1)
            return .pcaColor(try PCAColor(standardDeviation: try arg(0, "a std", default: 0.1)))
        case "rotate":
            try expect(1...1)
            let d = abs(try arg(0, "degrees"))
            return .affine(try AffineWarp(degrees: -d...d))
        case "translate":
            try expect(1...1)
            let t = abs(try arg(0, "a fraction"))
            return .affine(try AffineWarp(translate: -t...t))
        case "scale":
            try expect(2...2)
            let (low, high) = (try arg(0, "a low scale"), try arg(1, "a high scale"))
            guard low <= high else { throw LabError("scale range \(low):\(high) is empty") }
            return .affine(try AffineWarp(scale: low...high))
        case "shear":
            try expect(1...1)
            let d = abs(try arg(0, "degrees"))
            return .affine(try AffineWarp(shear: -d...d))
        case "stretch":
            try expect(1...1)
            let k = try arg(0, "a stretch factor")
            guard k >= 1 else { throw LabError("stretch \(k) must be ≥ 1 (the range is [1/k, k])") }
            return .affine(try AffineWarp(stretch: (1 / k)...k))
        case "lens":
            try expect(1...1)
            let k = abs(try arg(0, "a coefficient"))
            return .lens(try LensDistortion(k: -k...k))
        case "elastic":
            try expect(0...2)
            let a = try arg(0, "alpha", default: 40)
            return .elastic(try ElasticDeformation(alpha: a...a, sigma: try arg(1, "sigma", default: 8)))
        case "noise":
            try expect(1...1)
            let std = try arg(0, "a std")
            guard std >= 0 else { throw LabError("noise std \(std) must be ≥ 0") }
            return .noise(try GaussianNoise(std: 0...std))
        case "blur":
            try expect(1...1)
            let s = try arg(0, "a sigma")
            guard s >= 0.1 else { throw LabError("blur sigma \(s) must be at least 0.1") }
            return .blur(try GaussianBlur(sigma: 0.1...s))
        case "erase", "cutout":
            try expect(0...1)
            // The smallest erased share is fixed at 2% (Zhong et al.), so the maximum must reach it.
            let maximum = try arg(0, "a maximum scale", default: 0.33)
            guard maximum >= 0.02 && maximum <= 1 else { throw LabError("erase maximum scale \(maximum) is outside [0.02, 1]; it is the largest share of the area erased") }
            return .erasing(try RandomErasing(scale: 0.02...maximum))
        default:
            throw LabError("unknown transform '\(parts[0])'; known: \(pipelineSyntax.joined(separator: ", "))")
        }
    }

    static func number(_ text: String, _ what: String) throws -> Double {
        guard let value = Double(text), value.isFinite else { throw LabError("\(what) '\(text)' is not a finite number") }
        return value
    }

    static func integer(_ text: String, _ what: String) throws -> Int {
        guard let value = Int(text) else { throw LabError("\(what) '\(text)' is not a whole number") }
        guard value > 0 else { throw LabError("\(what) \(value) must be at least 1") }
        return value
    }

    /// `N` (square) or `WxH`.
    static func imageSize(_ text: String) throws -> ImageSize {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw LabError("size '\(text)' is not N or WxH") }
        let w = try integer(String(parts[0]), "size"), h = parts.count == 2 ? try integer(String(parts[1]), "size") : w
        return ImageSize(width: w, height: h)
    }
}
