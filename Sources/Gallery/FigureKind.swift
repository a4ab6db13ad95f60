import AugmentLab
import Foundation
import InitStudy
import NNEngine

/// Every kind of figure the labs write, recognized from the figure's file name and the JSON beside
/// it, so that each can be captioned from typed data (`FigureKind+Lecture`, `FigureKind+Numbers`).
enum FigureKind: Equatable, Sendable {
    // init-study
    case activations(scheme: String)
    case gradients(scheme: String)
    case initSummary
    // optimizers
    case contour(TestFunction)
    case loss(TestFunction)
    case animation(TestFunction)
    case learningRateSweep
    case learningRateSweepPaths
    // dropout
    case overfitting, vanillaVersusInverted, twoInputNeuron, monteCarloDropout, ensembles, decisionBoundaries
    // augment
    case contactSheet(SheetKind)
    // grading: one student's feedback, a class's scores
    case feedback(exercise: String, student: String)
    case classScores(exercise: String)
    /// A figure whose JSON describes itself in a `caption` object (`FigureJSON.Described`): the
    /// labs that came after the gallery, captioned without a case of their own. `rank` orders it.
    case described(rank: Int)
    /// A figure no lab describes (drawn by hand, or by another version of `lab`).
    case unrecognized

    /// The few keys that tell which lab wrote a JSON and what it describes.
    struct Probe: Decodable {
        struct Parameters: Decodable { var lab: String? }
        var lab: String?
        var parameters: Parameters?
        var sheet: String?
        var exercise: String?
        var student: String?
        var students: Int?
        var caption: FigureJSON.Described?
    }

    /// The kind of the figure `stem` (its file name without extension) whose JSON is `probe`.
    init(stem: String, probe: Probe?) {
        guard let probe else { self = .unrecognized; return }
        if let described = probe.caption { self = .described(rank: described.rank ?? 0); return }
        switch probe.parameters?.lab ?? probe.lab {
        case "init-study":
            if stem == "summary" { self = .initSummary }
            else if stem.hasSuffix("-activations") { self = .activations(scheme: String(stem.dropLast("-activations".count))) }
            else if stem.hasSuffix("-gradients") { self = .gradients(scheme: String(stem.dropLast("-gradients".count))) }
            else { self = .unrecognized }
        case "optimizers":
            self = Self.optimizerFigure(stem)
        case "dropout":
            let figures: [String: FigureKind] = [
                "overfitting": .overfitting, "vanilla-vs-inverted": .vanillaVersusInverted, "two-input-neuron": .twoInputNeuron,
                "mc-dropout": .monteCarloDropout, "ensembles": .ensembles, "decision-boundaries": .decisionBoundaries]
            self = figures[stem] ?? .unrecognized
        case "augment":
            self = SheetKind(rawValue: probe.sheet ?? stem).map(FigureKind.contactSheet) ?? .unrecognized
        default:
            if let exercise = probe.exercise, let student = probe.student { self = .feedback(exercise: exercise, student: student) }
            else if let exercise = probe.exercise, probe.students != nil { self = .classScores(exercise: exercise) }
            else { self = .unrecognized }
        }
    }

    /// `<function>-contour|loss|animation`, `lr-sweep`, `lr-sweep-contour`.
    private static func optimizerFigure(_ stem: String) -> FigureKind {
        if stem == "lr-sweep" { return .learningRateSweep }
        if stem == "lr-sweep-contour" { return .learningRateSweepPaths }
        guard let dash = stem.lastIndex(of: "-"), let function = TestFunction(rawValue: String(stem[..<dash])) else { return .unrecognized }
        switch stem[stem.index(after: dash)...] {
        case "contour": return .contour(function)
        case "loss": return .loss(function)
        case "animation": return .animation(function)
        default: return .unrecognized
        }
    }

    /// Where the figure goes among its lab's: the lab's main figure first, then the rest grouped
    /// (a test function's map, curve and animation together).
    var order: (rank: Int, group: String) {
        switch self {
        case .initSummary: return (0, "")
        case .activations(let scheme), .gradients(let scheme):
            // The lab's order of the built-in schemes (small, large, …, kaiming-relu), then any other.
            return (1, String(format: "%02d", Scheme.builtIn.firstIndex { $0.name == scheme } ?? Scheme.builtIn.count) + scheme)
        case .contour(let f): return (1, Self.surfaceGroup(f) + "0")
        case .loss(let f): return (1, Self.surfaceGroup(f) + "1")
        case .animation(let f): return (1, Self.surfaceGroup(f) + "2")
        case .learningRateSweep, .learningRateSweepPaths: return (2, "")
        case .overfitting: return (0, "0")
        case .vanillaVersusInverted: return (0, "1")
        case .twoInputNeuron: return (0, "2")
        case .monteCarloDropout: return (0, "3")
        case .ensembles: return (0, "4")
        case .decisionBoundaries: return (0, "5")
        case .contactSheet(let sheet): return (0, String(format: "%03d", SheetKind.allCases.firstIndex(of: sheet) ?? 0))
        case .feedback(let exercise, let student): return (1, exercise + "/" + student)
        case .classScores(let exercise): return (0, exercise)
        case .described(let rank): return (0, String(format: "%03d", max(0, min(rank, 999))))
        case .unrecognized: return (9, "")
        }
    }

    /// The surfaces in the lab's order (Beale, valley, Rosenbrock, saddle, Himmelblau).
    private static func surfaceGroup(_ f: TestFunction) -> String {
        String(format: "%02d", TestFunction.allCases.firstIndex(of: f) ?? 0)
    }
}
