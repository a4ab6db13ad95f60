import Foundation
import NNEngine
import NNFiles

/// Typed views of the labs' JSON files: only the keys a caption reads, so that a lab adding keys
/// never breaks the gallery, and a key renamed shows as "numbers unavailable", not as a wrong number.
enum FigureJSON {
    /// The decoder for every view: NaN and ±∞ arrive as the strings `JSONOutput` writes.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(type, from: data)
    }

    /// Every lab's JSON names the figure and, most, the run's seed.
    struct Common: Decodable {
        struct Parameters: Decodable { var seed: UInt64? }
        var figure: String?
        var seed: UInt64?
        var parameters: Parameters?
    }

    struct InitStudyScheme: Decodable {
        struct Scheme: Decodable { var name: String; var initializer: String; var activation: String; var lectureSays: String }
        struct Layer: Decodable { var layer: Int; var activationStd: Double; var weightGradientStd: Double }
        var scheme: Scheme
        var verdict: String
        /// What the weight gradients show (absent in JSON written before it was measured).
        var gradientVerdict: String?
        var backwardGain: Double
        var layers: [Layer]
    }

    struct InitStudySummary: Decodable {
        struct Curve: Decodable {
            struct Scheme: Decodable { var name: String }
            var scheme: Scheme
            var activationStd: [Double]
        }
        var schemes: [Curve]
    }

    struct OptimizerFigure: Decodable {
        struct Parameters: Decodable { var steps: Int; var start: Point2D }
        struct Run: Decodable { var label: String; var outcome: String }
        var parameters: Parameters
        var optimizers: [Run]
    }

    struct Sweep: Decodable {
        struct Entry: Decodable { var learningRate: Double; var verdict: String }
        var learningRates: [Entry]
    }

    struct Dropout: Decodable {
        struct Parameters: Decodable { var dataset: String; var keeps: [Double]; var trainCount: Int; var epochs: Int }
        var finding: String
        var parameters: Parameters
    }

    struct VanillaVersusInverted: Decodable {
        struct Results: Decodable { var maxProbabilityDifference: Double; var vanillaTestAccuracy: Double; var invertedTestAccuracy: Double }
        var results: Results
    }

    struct MonteCarlo: Decodable {
        struct Results: Decodable { var deterministicAccuracy: Double; var testCount: Int }
        var results: Results
    }

    struct Ensembles: Decodable {
        struct Study: Decodable {
            var trainCount: Int; var meanSingleAccuracy: Double; var ensembleGain: Double
            /// The gain of each independent ensemble (absent in JSON written before they were run).
            var repeatGains: [Double]?
        }
        var results: [Study]
    }

    struct Sheet: Decodable {
        struct Sample: Decodable { var index: Int }
        var lecturePoint: String
        var findings: [String]
        var inputs: [String]
        var samples: [Sample]
    }

    struct Feedback: Decodable {
        var referenceWithheld: Bool?
        var worst: [String]
    }

    /// The Gradescope `results.json` beside a student's feedback.
    struct Results: Decodable {
        var score: Double
        var maxScore: Double
        enum CodingKeys: String, CodingKey { case score, maxScore = "max_score" }
    }

    struct Scores: Decodable {
        var maxScore: Double
        var students: Int
        var mean: Double
        var median: Double
    }

    /// The caption a figure's JSON gives itself, for labs without a case in `FigureKind`:
    /// `"caption": {"lecturePoint": …, "deck": "000", "finding": …, "numbers": [{"name": …, "value": …}], "rank": 0}`.
    /// `deck` is the deck's number (`LectureDeck`), `rank` the figure's place among its lab's (0 first).
    struct Described: Decodable, Equatable, Sendable {
        struct Number: Decodable, Equatable, Sendable { var name: String; var value: String }
        var lecturePoint: String
        var deck: String?
        var finding: String?
        var numbers: [Number]?
        var rank: Int?
    }

    struct DescribedFigure: Decodable {
        var caption: Described
    }
}
