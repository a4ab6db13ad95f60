/// The caption a figure's JSON carries for the gallery (`"caption"`): the lecture's claim, the
/// deck it comes from (000–004), what this run measured, its key numbers, and the figure's rank
/// within the lab (0 first).
struct Caption: Encodable, Sendable {
    struct Number: Encodable, Sendable {
        var name: String
        var value: String
    }

    var lecturePoint: String
    var deck: String
    var finding: String
    var numbers: [Number]
    var rank: Int
}

/// One figure's JSON: its title, seed, caption, the run's parameters and the plotted numbers.
struct FigureDocument<Parameters: Encodable, Body: Encodable>: Encodable {
    var figure: String
    var seed: UInt64
    var caption: Caption
    var parameters: Parameters
    var results: Body
}

/// Short number formats for titles and captions.
enum Format {
    static func short(_ x: Double) -> String {
        x == 0 ? "0" : (abs(x) >= 1e-3 && abs(x) < 1e4 ? String(format: "%.4g", x) : String(format: "%.2e", x))
    }
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
}
