/// What a warp reads where its source coordinate falls outside the image.
public enum FillMode: Codable, Equatable, Sendable {
    /// A constant grey value in [0, 1] (0 is black), as torchvision's `fill`.
    case constant(Float)
    /// The nearest border pixel (OpenCV's `BORDER_REPLICATE`).
    case edge
    /// Mirror about the border, `… c b a | a b c …` (OpenCV's `BORDER_REFLECT`).
    case reflect

    // Names the constant in JSON, `{"constant": {"value": 0}}`, where the synthesized key is `"_0"`.
    enum ConstantCodingKeys: String, CodingKey { case _0 = "value" }

    /// Maps index `i` into `0..<n`, or nil when the constant fill applies.
    @inline(__always)
    func index(_ i: Int, _ n: Int) -> Int? {
        if i >= 0 && i < n { return i }
        switch self {
        case .constant: return nil
        case .edge: return i < 0 ? 0 : n - 1
        case .reflect:
            let period = 2 * n
            var m = i % period
            if m < 0 { m += period }
            return m < n ? m : period - 1 - m
        }
    }

    var caption: String {
        switch self {
        case .constant(let v): return v == 0 ? "black fill" : "fill \(v)"
        case .edge: return "edge fill"
        case .reflect: return "reflect fill"
        }
    }
}
