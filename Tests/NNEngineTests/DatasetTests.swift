import Foundation
import NNEngine
import XCTest

final class DatasetTests: XCTestCase {
    func testSyntheticSetsHaveTheirShapesClassesAndSeeds() throws {
        let sets: [SyntheticDataset] = [.spiral(classes: 4, pointsPerClass: 25), .circles(points: 80), .moons(points: 80),
                                        .xor(points: 80), .blobs(classes: 5, pointsPerClass: 10)]
        for set in sets {
            try set.validate()
            var a = RandomStream(seed: 7), b = RandomStream(seed: 7), c = RandomStream(seed: 8)
            let data = set.generate(using: &a)
            XCTAssertEqual(data.featureCount, 2, set.name)
            XCTAssertEqual(data.classCount, set.classCount, set.name)
            XCTAssertEqual(data.classCounts.count, set.classCount)
            XCTAssert(data.classCounts.allSatisfy { $0 > 0 }, "\(set.name): every class present, \(data.classCounts)")
            XCTAssertEqual(data, set.generate(using: &b), "\(set.name): same seed, same set")
            XCTAssertNotEqual(data, set.generate(using: &c), "\(set.name): another seed, another set")
        }
        var g = RandomStream(seed: 1)
        XCTAssertEqual(SyntheticDataset.spiral(classes: 4, pointsPerClass: 25).generate(using: &g).count, 100)
    }

    func testSpiralArmsFollowTheCS231nFormulaWithoutNoise() {
        var g = RandomStream(seed: 0)
        let data = SyntheticDataset.spiral(classes: 3, pointsPerClass: 5, noise: 0).generate(using: &g)
        // Class 1, last point: r = 1, θ = 8.
        let row = data.features.row(9).scalars
        XCTAssertEqual(row[0], sin(8.0), accuracy: 1e-15)
        XCTAssertEqual(row[1], cos(8.0), accuracy: 1e-15)
        XCTAssertEqual(data.labels[9], 1)
    }

    func testUnknownDatasetAndBadSizesAreRejected() {
        XCTAssertThrowsError(try SyntheticDataset.named("swirl")) { XCTAssert("\($0)".contains("valid: digits, spiral")) }
        XCTAssertThrowsError(try SyntheticDataset.spiral(classes: 1).validate())
        XCTAssertThrowsError(try SyntheticDataset.moons(points: 50, noise: -1).validate())
    }

    func testDigitsLoadFromTheShippedGzipFile() throws {
        let digits = try DigitsDataset.load(from: DataFiles.digits)
        XCTAssertEqual(digits.features.shape, [1797, 64])
        XCTAssertEqual(digits.classCount, 10)
        XCTAssertEqual(digits.classCounts.reduce(0, +), 1797)
        XCTAssert(digits.classCounts.allSatisfy { (170...190).contains($0) }, "\(digits.classCounts)")
        XCTAssertEqual(digits.features.max, 16)
        XCTAssertEqual(digits.features.min, 0)
        // The first row of the file: 0,0,5,13,9,1,0,0,… label 0.
        XCTAssertEqual(Array(digits.features.row(0).scalars.prefix(4)), [0, 0, 5, 13])
        XCTAssertEqual(digits.labels[0], 0)
    }

    func testMalformedDigitsGiveLineAndColumn() {
        let good = Array(repeating: "1", count: 64).joined(separator: ",") + ",3"
        let badPixel = Array(repeating: "1", count: 10).joined(separator: ",") + ",x" + String(repeating: ",1", count: 53) + ",3"
        XCTAssertThrowsError(try DigitsDataset.parse(Data((good + "\n" + badPixel + "\n").utf8), name: "d.csv")) {
            XCTAssertEqual("\($0)", "d.csv: line 2, column 21: pixel 11 'x' is not an integer in 0...16")
        }
        XCTAssertThrowsError(try DigitsDataset.parse(Data("1,2,3\n".utf8), name: "d.csv")) {
            XCTAssert("\($0)".hasPrefix("d.csv: line 1: expected 65"), "\($0)")
        }
        let badLabel = Array(repeating: "0", count: 64).joined(separator: ",") + ",12"
        XCTAssertThrowsError(try DigitsDataset.parse(Data(badLabel.utf8), name: "d.csv")) {
            XCTAssert("\($0)".contains("line 1, column 129: label '12'"), "\($0)")
        }
        XCTAssertThrowsError(try DigitsDataset.load(from: URL(fileURLWithPath: "/nonexistent/digits.csv.gz"))) {
            XCTAssert("\($0)".contains("does not exist"), "\($0)")
        }
        XCTAssertThrowsError(try DigitsDataset.restricted(try DigitsDataset.parse(Data(good.utf8), name: "d"), toClasses: 11)) {
            XCTAssert("\($0)".contains("10 classes; asked for 11"), "\($0)")
        }
    }

    func testStratifiedSplitIsDisjointCompleteAndBalanced() throws {
        var g = RandomStream(seed: 3)
        let data = SyntheticDataset.blobs(classes: 4, pointsPerClass: 50).generate(using: &g)
        var s = RandomStream(seed: 4)
        let split = try DatasetSplit.stratified(data, validationFraction: 0.2, testFraction: 0.2, using: &s)
        XCTAssertEqual(split.train.count + split.validation.count + split.test.count, 200)
        XCTAssertEqual(split.test.classCounts, [10, 10, 10, 10])
        XCTAssertEqual(split.validation.classCounts, [10, 10, 10, 10])
        var rows = Set<[Double]>()
        for part in [split.train, split.validation, split.test] {
            for i in 0..<part.count { rows.insert(part.features.row(i).scalars) }
        }
        XCTAssertEqual(rows.count, 200, "the parts are disjoint")
        var s2 = RandomStream(seed: 4)
        let small = try DatasetSplit.stratified(data, validationFraction: 0.2, testFraction: 0.2, trainCount: 21, using: &s2)
        XCTAssertEqual(small.train.count, 21)
        XCTAssert(small.train.classCounts.allSatisfy { (5...6).contains($0) }, "\(small.train.classCounts)")
        XCTAssertEqual(small.test, split.test, "capping the training set leaves the test set alone")
    }
}
