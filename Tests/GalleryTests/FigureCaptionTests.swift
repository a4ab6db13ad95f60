@testable import Gallery
import NNEngine
import XCTest

/// Each figure kind is recognized from its file name and JSON, and captioned from typed data:
/// the catalog's lecture point and deck, and numbers read from the JSON.
final class FigureCaptionTests: XCTestCase {
    func kind(_ stem: String, _ json: String) -> FigureKind {
        FigureKind(stem: stem, probe: FigureJSON.decode(FigureKind.Probe.self, from: Data(json.utf8)))
    }

    func caption(_ kind: FigureKind, _ json: String, siblings: [String: String] = [:]) -> FigureCaption {
        kind.caption(fileName: "figure.png", json: Data(json.utf8)) { siblings[$0].map { Data($0.utf8) } }
    }

    func testInitStudySchemeFigure() {
        let json = """
            {"figure": "histograms of the activations h per layer", "parameters": {"lab": "init-study", "seed": 7},
             "scheme": {"name": "small", "initializer": "normal:0.01", "activation": "tanh", "lectureSays": "activations collapse to zero"},
             "verdict": "activation std collapses", "backwardGain": 0.0029, "unitsIdentical": false,
             "layers": [{"layer": 1, "activationStd": 0.0628, "weightGradientStd": 0.006},
                        {"layer": 6, "activationStd": 2.03e-4, "weightGradientStd": 0.007}]}
            """
        XCTAssertEqual(kind("small-activations", json), .activations(scheme: "small"))
        let c = caption(.activations(scheme: "small"), json)
        XCTAssertEqual(c.title, "histograms of the activations h per layer")
        XCTAssertEqual(c.deck, .trainingNeuralNetworks)
        XCTAssertEqual(c.deck?.title, "CS231n Lecture 6: Training Neural Networks")
        XCTAssertTrue(c.lecturePoint.contains("activations collapse to zero"), c.lecturePoint)
        XCTAssertEqual(c.finding, "activation std collapses")
        XCTAssertEqual(c.numbers, [KeyNumber("seed", "7"), KeyNumber("std of h, layer 1", "0.0628"), KeyNumber("std of h, layer 6", "0.000203")])
    }

    func testOptimizerFiguresByFunction() {
        let json = """
            {"figure": "contour map of valley", "parameters": {"lab": "optimizers", "seed": 0, "steps": 20, "start": {"x": -9, "y": 2}},
             "optimizers": [{"label": "sgd(lr=0.4)", "outcome": "f = 0.2884 at step 20"}]}
            """
        XCTAssertEqual(kind("valley-contour", json), .contour(.valley))
        XCTAssertEqual(kind("saddle-animation", json), .animation(.saddle))
        XCTAssertEqual(kind("lr-sweep-contour", json), .learningRateSweepPaths)
        XCTAssertEqual(kind("nowhere-contour", json), .unrecognized)
        let c = caption(.contour(.valley), json)
        XCTAssertEqual(c.deck, .optimization)
        XCTAssertTrue(c.lecturePoint.hasPrefix("Visualizing the optimizers"), c.lecturePoint)
        XCTAssertEqual(c.numbers, [KeyNumber("seed", "0"), KeyNumber("start, steps", "(-9, 2), 20"),
                                   KeyNumber("sgd(lr=0.4)", "f = 0.2884 at step 20")])
    }

    func testDropoutEnsembleNumbers() {
        let json = """
            {"figure": "test accuracy against ensemble size", "finding": "ensemble of 8: +1.1 points",
             "parameters": {"lab": "dropout", "seed": 0, "dataset": "digits", "keeps": [1, 0.5], "trainCount": 200, "epochs": 150},
             "results": [{"trainCount": 200, "meanSingleAccuracy": 0.9, "ensembleGain": 0.011}]}
            """
        XCTAssertEqual(kind("ensembles", json), .ensembles)
        let c = caption(.ensembles, json)
        XCTAssertEqual(c.finding, "ensemble of 8: +1.1 points")
        XCTAssertTrue(c.lecturePoint.contains("2% extra"), c.lecturePoint)
        XCTAssertEqual(c.numbers.last, KeyNumber("200 examples: single net → ensemble", "90.0% → 91.1%"))
    }

    func testAugmentSheetTakesTheLabsOwnLecturePoint() {
        let json = """
            {"lab": "augment", "sheet": "six-to-nine", "figure": "a 6 rotated is a 9", "seed": 3,
             "lecturePoint": "Be careful not to change class semantics: 6 → 9.", "findings": ["88% become nines"],
             "inputs": ["digits.csv.gz"], "samples": [{"index": 0}, {"index": 1}]}
            """
        XCTAssertEqual(kind("six-to-nine", json), .contactSheet(.sixToNine))
        let c = caption(.contactSheet(.sixToNine), json)
        XCTAssertEqual(c.lecturePoint, "Be careful not to change class semantics: 6 → 9.")
        XCTAssertEqual(c.deck, .cookBook)
        XCTAssertEqual(c.finding, "88% become nines")
        XCTAssertEqual(c.numbers.prefix(2), [KeyNumber("seed", "3"), KeyNumber("samples", "1")])
    }

    func testFeedbackReadsTheScoreBesideIt() {
        let json = #"{"exercise": "affine-backward", "student": "s01", "kind": "relative-error", "worst": ["dx[0, 0]"]}"#
        XCTAssertEqual(kind("feedback", json), .feedback(exercise: "affine-backward", student: "s01"))
        let c = caption(.feedback(exercise: "affine-backward", student: "s01"), json,
                        siblings: ["results.json": #"{"score": 3, "max_score": 5}"#])
        XCTAssertEqual(c.deck, .deepFeedforward)
        XCTAssertEqual(c.title, "affine-backward: feedback for s01")
        XCTAssertEqual(c.numbers, [KeyNumber("student", "s01"), KeyNumber("score", "3 / 5"), KeyNumber("worst elements", "dx[0, 0]")])
    }

    func testAFigureThatDescribesItselfIsCaptionedFromItsJSON() {
        let json = #"{"figure": "loss curves", "seed": 7, "caption": {"lecturePoint": "Too high a learning rate explodes.", "#
            + #""deck": "001", "finding": "lr 10 diverged at step 4", "numbers": [{"name": "best lr", "value": "0.1"}], "rank": 2}}"#
        XCTAssertEqual(kind("loss-curves", json), .described(rank: 2))
        let c = caption(.described(rank: 2), json)
        XCTAssertEqual(c.title, "loss curves")
        XCTAssertEqual(c.lecturePoint, "Too high a learning rate explodes.")
        XCTAssertEqual(c.deck, .trainingNeuralNetworks)
        XCTAssertEqual(c.finding, "lr 10 diverged at step 4")
        XCTAssertEqual(c.numbers, [KeyNumber("seed", "7"), KeyNumber("best lr", "0.1")])
        XCTAssertLessThan(FigureKind.described(rank: 2).order.group, FigureKind.described(rank: 10).order.group)
    }

    func testAnUnknownOrChangedJSONIsSaidSoNotMisread() {
        XCTAssertEqual(kind("photo", #"{"anything": 1}"#), .unrecognized)
        XCTAssertEqual(FigureKind(stem: "photo", probe: nil), .unrecognized)
        XCTAssertNil(FigureKind.unrecognized.caption(fileName: "photo.png", json: nil) { _ in nil }.deck)
        // An init-study JSON without its layers: no numbers, and a plain note why.
        let c = caption(.initSummary, #"{"figure": "summary", "parameters": {"lab": "init-study", "seed": 1}}"#)
        XCTAssertEqual(c.numbers, [KeyNumber("seed", "1")])
        XCTAssertTrue(c.finding?.contains("numbers unavailable") == true)
    }
}
