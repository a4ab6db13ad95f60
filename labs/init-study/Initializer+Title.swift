import Foundation
import NNEngine

extension Initializer {
    /// The initializer as a figure's title shows it: the command-line spelling, but with a gain of
    /// √2 (ReLU's, the Kaiming default) written `√2` and any other gain to 4 significant digits.
    /// `kaiming-normal:fan_in,1.4142135623730951` made the reader count digits; the JSON keeps the
    /// exact spelling (`description`), which `init(parsing:)` reads back.
    var titleText: String {
        switch self {
        case .xavierNormal(let gain): return "xavier-normal:\(Self.gainText(gain))"
        case .xavierUniform(let gain): return "xavier-uniform:\(Self.gainText(gain))"
        case .kaimingNormal(let mode, let gain): return "kaiming-normal:\(mode.rawValue),\(Self.gainText(gain))"
        case .kaimingUniform(let mode, let gain): return "kaiming-uniform:\(mode.rawValue),\(Self.gainText(gain))"
        case .orthogonal(let gain): return "orthogonal:\(Self.gainText(gain))"
        default: return description
        }
    }

    static func gainText(_ gain: Double) -> String {
        gain == 2.0.squareRoot() ? "√2" : String(format: "%.4g", gain)
    }
}
