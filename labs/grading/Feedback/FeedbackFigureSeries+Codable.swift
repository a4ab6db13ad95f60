import NNEngine

extension FeedbackFigure.Data.Series {
    /// The keys of a series in `feedback.json`: its field names.
    enum CodingKeys: String, CodingKey {
        case name, x, reference, submitted, band, shape, submittedShape, wrongPixels, window
    }

    /// The keys of `window`: its top row and left column, as flip-crop's problem names the crop's
    /// offsets (`top`, `left`) and as an image is indexed, `image[top:top+height, left:left+width]`.
    /// Written by hand for that reason: `PixelRect`'s own JSON says `x` and `y`.
    enum WindowKeys: String, CodingKey {
        case top, left, height, width
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(x, forKey: .x)
        try container.encode(reference, forKey: .reference)
        try container.encodeIfPresent(submitted, forKey: .submitted)
        try container.encodeIfPresent(band, forKey: .band)
        try container.encodeIfPresent(shape, forKey: .shape)
        try container.encodeIfPresent(submittedShape, forKey: .submittedShape)
        try container.encodeIfPresent(wrongPixels, forKey: .wrongPixels)
        if let window {
            var fields = container.nestedContainer(keyedBy: WindowKeys.self, forKey: .window)
            try fields.encode(window.y, forKey: .top)
            try fields.encode(window.x, forKey: .left)
            try fields.encode(window.height, forKey: .height)
            try fields.encode(window.width, forKey: .width)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name),
                  x: try container.decode([Double].self, forKey: .x),
                  reference: try container.decode([Double].self, forKey: .reference),
                  submitted: try container.decodeIfPresent([Double].self, forKey: .submitted),
                  band: try container.decodeIfPresent([Int].self, forKey: .band),
                  shape: try container.decodeIfPresent([Int].self, forKey: .shape),
                  submittedShape: try container.decodeIfPresent([Int].self, forKey: .submittedShape),
                  wrongPixels: try container.decodeIfPresent([[Int]].self, forKey: .wrongPixels))
        if container.contains(.window), try !container.decodeNil(forKey: .window) {
            let fields = try container.nestedContainer(keyedBy: WindowKeys.self, forKey: .window)
            window = PixelRect(x: try fields.decode(Int.self, forKey: .left), y: try fields.decode(Int.self, forKey: .top),
                               width: try fields.decode(Int.self, forKey: .width), height: try fields.decode(Int.self, forKey: .height))
        }
    }
}
