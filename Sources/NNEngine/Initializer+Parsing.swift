import Foundation

extension Initializer: CustomStringConvertible {
    /// The command-line spellings, `name[:arguments]`.
    public static let names = [
        "zeros", "constant:C", "normal:STD", "uniform:LOW,HIGH", "xavier-normal[:GAIN]", "xavier-uniform[:GAIN]",
        "kaiming-normal[:fan_in|fan_out[,GAIN]]", "kaiming-uniform[:fan_in|fan_out[,GAIN]]", "lecun-normal",
        "variance-scaling:SCALE,fan_in|fan_out|fan_avg,normal|uniform|truncated_normal", "orthogonal[:GAIN]",
    ]

    /// Parses a spelling from `Initializer.names`, e.g. `normal:0.01`, `kaiming-normal:fan_out`,
    /// `variance-scaling:2,fan_in,truncated_normal`. Numbers must be finite; a std or a gain must
    /// be positive (zero for std is allowed: it is what `zeros` does).
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let name = (parts.first ?? "").lowercased()
        let arguments = parts.count > 1 ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []

        func fail(_ why: String) -> LabError { LabError("initializer '\(text)': \(why)") }
        func expect(_ range: ClosedRange<Int>, _ usage: String) throws {
            guard range.contains(arguments.count) else { throw fail("expected \(usage)") }
        }
        func number(_ i: Int, _ what: String, default fallback: Double? = nil, positive: Bool = false) throws -> Double {
            guard i < arguments.count else {
                if let fallback { return fallback }
                throw fail("missing \(what)")
            }
            guard let value = Double(arguments[i].trimmingCharacters(in: .whitespaces)) else {
                throw fail("\(what) '\(arguments[i])' is not a number")
            }
            guard value.isFinite else { throw fail("\(what) must be finite, got \(arguments[i])") }
            if positive && value <= 0 { throw fail("\(what) must be positive, got \(arguments[i])") }
            if value < 0 && what == "std" { throw fail("std must not be negative, got \(arguments[i])") }
            return value
        }
        func mode(_ i: Int) throws -> FanMode {
            guard i < arguments.count else { return .fanIn }
            guard let mode = FanMode(rawValue: arguments[i]) else {
                throw fail("mode '\(arguments[i])' is not one of \(FanMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return mode
        }

        switch name {
        case "zeros": try expect(0...0, "no arguments"); self = .zeros
        case "constant": try expect(1...1, "constant:C"); self = .constant(try number(0, "constant"))
        case "normal": try expect(1...1, "normal:STD"); self = .normal(std: try number(0, "std"))
        case "uniform":
            try expect(2...2, "uniform:LOW,HIGH")
            let (low, high) = (try number(0, "low"), try number(1, "high"))
            guard low < high else { throw fail("low must be below high") }
            self = .uniform(low: low, high: high)
        case "xavier-normal", "glorot-normal":
            try expect(0...1, "xavier-normal[:GAIN]"); self = .xavierNormal(gain: try number(0, "gain", default: 1, positive: true))
        case "xavier-uniform", "glorot-uniform":
            try expect(0...1, "xavier-uniform[:GAIN]"); self = .xavierUniform(gain: try number(0, "gain", default: 1, positive: true))
        case "kaiming-normal", "he-normal":
            try expect(0...2, "kaiming-normal[:fan_in|fan_out[,GAIN]]")
            self = .kaimingNormal(mode: try mode(0), gain: try number(1, "gain", default: 2.0.squareRoot(), positive: true))
        case "kaiming-uniform", "he-uniform":
            try expect(0...2, "kaiming-uniform[:fan_in|fan_out[,GAIN]]")
            self = .kaimingUniform(mode: try mode(0), gain: try number(1, "gain", default: 2.0.squareRoot(), positive: true))
        case "lecun-normal": try expect(0...0, "no arguments"); self = .lecunNormal
        case "variance-scaling":
            try expect(3...3, "variance-scaling:SCALE,MODE,DISTRIBUTION")
            guard let distribution = ScalingDistribution(rawValue: arguments[2]) else {
                throw fail("distribution '\(arguments[2])' is not one of \(ScalingDistribution.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = .varianceScaling(scale: try number(0, "scale", positive: true), mode: try mode(1), distribution: distribution)
        case "orthogonal":
            try expect(0...1, "orthogonal[:GAIN]"); self = .orthogonal(gain: try number(0, "gain", default: 1, positive: true))
        default:
            throw LabError("unknown initializer '\(text)'; valid: \(Self.names.joined(separator: "; "))")
        }
    }

    /// The command-line spelling, which `init(parsing:)` reads back.
    public var description: String {
        switch self {
        case .zeros: return "zeros"
        case .constant(let c): return "constant:\(c)"
        case .normal(let mean, let std): return mean == 0 ? "normal:\(std)" : "normal(mean \(mean)):\(std)"
        case .uniform(let low, let high): return "uniform:\(low),\(high)"
        case .xavierNormal(let gain): return "xavier-normal:\(gain)"
        case .xavierUniform(let gain): return "xavier-uniform:\(gain)"
        case .kaimingNormal(let mode, let gain): return "kaiming-normal:\(mode.rawValue),\(gain)"
        case .kaimingUniform(let mode, let gain): return "kaiming-uniform:\(mode.rawValue),\(gain)"
        case .lecunNormal: return "lecun-normal"
        case .varianceScaling(let scale, let mode, let distribution):
            return "variance-scaling:\(scale),\(mode.rawValue),\(distribution.rawValue)"
        case .orthogonal(let gain): return "orthogonal:\(gain)"
        }
    }
}
