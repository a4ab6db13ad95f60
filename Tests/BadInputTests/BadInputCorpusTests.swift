import Foundation
import LabTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The bad-input corpus: flags, pipeline strings and files that once crashed, hung, read without
/// end or were silently taken, run through the built `lab`. Each must end with exactly one line
/// on stderr (`lab: error: ...`), a non-zero exit, no trap or stack dump, and no change to an
/// earlier good output folder that it names as `--out`.
final class BadInputCorpusTests: XCTestCase {
    /// One bad invocation: why it is in the corpus, and its arguments (`--out` is added).
    struct Case {
        var why: String
        var arguments: [String]
        /// Whether the case names the good output folder as `--out` (false for `--out` cases).
        var usesOut = true
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let photo = root.appendingPathComponent("labs/data/chelsea.png").path
    static let digits = root.appendingPathComponent("labs/data/digits.csv.gz").path

    /// The cases that need no file made for them.
    static let flags: [Case] = [
        // Ranges built from the user's numbers trapped (`Range requires lowerBound <= upperBound`).
        Case(why: "negative noise std", arguments: ["augment", "--pipeline", "noise:-1", "--image", photo, "--count", "1"]),
        Case(why: "crop scale above 1", arguments: ["augment", "--pipeline", "rrc:224:5", "--image", photo, "--count", "1"]),
        Case(why: "erase maximum below its 2% minimum", arguments: ["augment", "--pipeline", "erase:0.01", "--image", photo, "--count", "1"]),
        Case(why: "a line break in the pipeline", arguments: ["augment", "--pipeline", "flip\ncrop:224", "--image", photo, "--count", "1"]),
        Case(why: "a tab in the pipeline", arguments: ["augment", "--pipeline", "flip\tcrop:224", "--image", photo, "--count", "1"]),
        Case(why: "empty pipeline", arguments: ["augment", "--pipeline", "", "--image", photo, "--count", "1"]),
        Case(why: "empty step", arguments: ["augment", "--pipeline", "flip,,crop:2", "--image", photo, "--count", "1"]),
        Case(why: "huge crop", arguments: ["augment", "--pipeline", "crop:99999999999999999999", "--image", photo, "--count", "1"]),
        Case(why: "NaN rotation", arguments: ["augment", "--pipeline", "rotate:nan", "--image", photo, "--count", "1"]),
        Case(why: "bare probability", arguments: ["augment", "--pipeline", "@", "--image", photo, "--count", "1"]),
        Case(why: "empty one-of", arguments: ["augment", "--pipeline", "|", "--image", photo, "--count", "1"]),
        Case(why: "scale range reversed", arguments: ["augment", "--pipeline", "scale:2:1", "--image", photo, "--count", "1"]),
        Case(why: "batch mode with a figure format", arguments: ["augment", "--pipeline", "flip", "--image", photo, "--count", "1", "--format", "xyz"]),
        Case(why: "batch mode with svg", arguments: ["augment", "--pipeline", "flip", "--image", photo, "--count", "1", "--format", "svg"]),
        Case(why: "batch mode with a figure size", arguments: ["augment", "--pipeline", "flip", "--image", photo, "--count", "1", "--size", "1x1"]),
        Case(why: "zero copies", arguments: ["augment", "--pipeline", "flip", "--image", photo, "--count", "0"]),
        Case(why: "empty transform list", arguments: ["augment", "--transform", ""]),
        Case(why: "missing image", arguments: ["augment", "--image", "/nonexistent/cat.png"]),
        Case(why: "a device as the image", arguments: ["augment", "--image", "/dev/zero"]),
        Case(why: "a folder as the image", arguments: ["augment", "--image", "/"]),
        Case(why: "a gzip file as the image", arguments: ["augment", "--image", digits]),
        // Overflow while formatting its own "too large" message.
        Case(why: "width 2e13", arguments: ["init-study", "--width", "20000000000000"]),
        Case(why: "width 0", arguments: ["init-study", "--width", "0"]),
        Case(why: "over the memory limit", arguments: ["init-study", "--width", "16384", "--depth", "3"]),
        Case(why: "empty scheme", arguments: ["init-study", "--scheme", ""]),
        Case(why: "empty scheme item", arguments: ["init-study", "--scheme", "small,,large"]),
        Case(why: "unknown scheme", arguments: ["init-study", "--scheme", "tiny"]),
        Case(why: "bad initializer", arguments: ["init-study", "--init", "normal:abc"]),
        Case(why: "empty initializer", arguments: ["init-study", "--init", ""]),
        Case(why: "empty activation", arguments: ["init-study", "--activation", ""]),
        Case(why: "zero bins", arguments: ["init-study", "--bins", "0"]),
        Case(why: "unknown format", arguments: ["init-study", "--format", "xyz"]),
        Case(why: "tiny size", arguments: ["init-study", "--size", "1x1"]),
        Case(why: "empty optimizer", arguments: ["optimizers", "--optimizer", ""]),
        Case(why: "optimizer with an empty colon", arguments: ["optimizers", "--optimizer", "adam:"]),
        Case(why: "empty optimizer item", arguments: ["optimizers", "--optimizer", "sgd,,adam"]),
        Case(why: "empty function", arguments: ["optimizers", "--function", ""]),
        Case(why: "unknown function", arguments: ["optimizers", "--function", "sphere"]),
        Case(why: "zero steps", arguments: ["optimizers", "--steps", "0"]),
        Case(why: "NaN learning rate", arguments: ["optimizers", "--lr", "nan"]),
        Case(why: "one-coordinate start", arguments: ["optimizers", "--start", "1"]),
        Case(why: "clip without a value", arguments: ["optimizers", "--clip", "value:"]),
        Case(why: "empty units", arguments: ["regularize", "--units", ""]),
        Case(why: "NaN λ", arguments: ["regularize", "--lambdas", "nan"]),
        Case(why: "histogram λ not in the sweep", arguments: ["regularize", "--histogram-lambda", "0.2"]),
        Case(why: "too few points for the degree", arguments: ["regularize", "--sample-points", "5"]),
        Case(why: "a folder as the regularize data file", arguments: ["regularize", "--data-file", "/"]),
        Case(why: "empty keep", arguments: ["dropout", "--keep", ""]),
        Case(why: "keep 0", arguments: ["dropout", "--keep", "0"]),
        Case(why: "empty keep item", arguments: ["dropout", "--keep", "1,,0.5"]),
        Case(why: "a million classes", arguments: ["dropout", "--dataset", "spiral", "--classes", "1000000"]),
        Case(why: "empty hidden", arguments: ["dropout", "--hidden", ""]),
        Case(why: "empty units item", arguments: ["neurons", "--units", "1,,3"]),
        Case(why: "a million-unit fit", arguments: ["neurons", "--units", "1000000"]),
        Case(why: "NaN learning rate", arguments: ["neurons", "--lr", "nan"]),
        Case(why: "a grid of 10¹⁰ weights", arguments: ["losses", "--grid", "100000"]),
        Case(why: "infinite surface range", arguments: ["losses", "--range", "inf"]),
        Case(why: "hidden not a number", arguments: ["dropout", "--hidden", "48,x"]),
        Case(why: "zero epochs", arguments: ["dropout", "--epochs", "0"]),
        Case(why: "a device as the data file", arguments: ["dropout", "--data-file", "/dev/zero"]),
        Case(why: "a folder as the data file", arguments: ["dropout", "--data-file", "/"]),
        Case(why: "missing data file", arguments: ["dropout", "--data-file", "/nonexistent/digits.csv"]),
        Case(why: "a PNG as the data file", arguments: ["dropout", "--data-file", photo]),
        Case(why: "an lr range upside down", arguments: ["babysit", "--lr-range", "1,1e-3"]),
        Case(why: "a schedule that does not parse", arguments: ["babysit", "--schedule", "cosine:10,twice"]),
        Case(why: "a batch larger than the data", arguments: ["babysit", "--batch-size", "100000"]),
        Case(why: "more regularize training digits than the split leaves", arguments: ["regularize", "--train-count", "1000"]),
        Case(why: "a regularize batch larger than the training digits", arguments: ["regularize", "--batch-size", "301"]),
        Case(why: "more search training digits than the split leaves", arguments: ["search", "--train-count", "2000"]),
        Case(why: "a search batch larger than the training digits", arguments: ["search", "--batch-size", "100000"]),
        Case(why: "no shards", arguments: ["search", "--shard", "0/0"]),
        Case(why: "shard past the count", arguments: ["search", "--shard", "3/2"]),
        Case(why: "negative shard", arguments: ["search", "--shard=-1/2"]),
        Case(why: "shard not numbers", arguments: ["search", "--shard", "a/b"]),
        Case(why: "zero search epochs", arguments: ["search", "--epochs", "0"]),
        Case(why: "more cross-validated than trials", arguments: ["search", "--cv-top", "1000"]),
        Case(why: "merge of a missing folder", arguments: ["search", "merge", "/nonexistent/shard0"]),
        Case(why: "normalize: zero Gaussian points", arguments: ["normalize", "--gaussian-points", "0"]),
        Case(why: "normalize: one leak split (no spread)", arguments: ["normalize", "--leak-splits", "1"]),
        Case(why: "normalize: zero depth", arguments: ["normalize", "--depth", "0"]),
        Case(why: "normalize: negative width", arguments: ["normalize", "--width=-4"]),
        Case(why: "normalize: zero epochs", arguments: ["normalize", "--epochs", "0"]),
        Case(why: "normalize: a batch of one (batch norm needs two)", arguments: ["normalize", "--batch-size", "1"]),
        Case(why: "normalize: zero target accuracy", arguments: ["normalize", "--target-accuracy", "0"]),
        Case(why: "normalize: NaN learning rate", arguments: ["normalize", "--lr", "nan"]),
        Case(why: "normalize: NaN in the sweep", arguments: ["normalize", "--sweep-lr", "0.1,nan"]),
        Case(why: "normalize: NaN target accuracy", arguments: ["normalize", "--target-accuracy", "nan"]),
        Case(why: "normalize: negative learning rate", arguments: ["normalize", "--lr=-0.1"]),
        Case(why: "normalize: infinite learning rate", arguments: ["normalize", "--lr", "inf"]),
        Case(why: "normalize: 2e20 Gaussian points", arguments: ["normalize", "--gaussian-points", "200000000000000000000"]),
        Case(why: "normalize: a net too wide", arguments: ["normalize", "--width", "99999"]),
        Case(why: "normalize: 64 layers of 4096", arguments: ["normalize", "--depth", "64", "--width", "4096"]),
        Case(why: "normalize: a batch larger than the training digits", arguments: ["normalize", "--batch-size", "100000"]),
        Case(why: "normalize: more leak digits than a split leaves", arguments: ["normalize", "--leak-train-count", "5000"]),
        Case(why: "normalize: empty sweep", arguments: ["normalize", "--sweep-lr", ""]),
        Case(why: "normalize: empty sweep item", arguments: ["normalize", "--sweep-lr", "0.1,,1"]),
        Case(why: "normalize: sweep rate not a number", arguments: ["normalize", "--sweep-lr", "0.1,x"]),
        Case(why: "normalize: empty activation", arguments: ["normalize", "--activation", ""]),
        Case(why: "normalize: a non-saturating activation", arguments: ["normalize", "--activation", "relu"]),
        Case(why: "normalize: an optimizer β of NaN", arguments: ["normalize", "--optimizer", "adam:nan"]),
        Case(why: "normalize: unknown optimizer", arguments: ["normalize", "--optimizer", "rocket"]),
        Case(why: "normalize: a folder as the data file", arguments: ["normalize", "--data-file", "/"]),
        Case(why: "unknown subcommand", arguments: ["train"]),
        Case(why: "unknown flag", arguments: ["init-study", "--colour", "red"]),
        Case(why: "empty --out", arguments: ["init-study", "--out", ""], usesOut: false),
        Case(why: "blank --out", arguments: ["optimizers", "--out", "  "], usesOut: false),
    ]

    func testEveryBadInputGetsOneLineAndLeavesTheGoodOutputAlone() throws {
        try requireLabBinary()
        let folder = try makeTemporaryFolder("bad-input")
        let good = folder.appendingPathComponent("good")
        // A good run first, whose files no bad run may touch.
        let first = try LabBinary.run(["init-study", "--depth", "2", "--width", "16", "--batch", "4", "--scheme", "xavier-tanh",
                                       "--out", good.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try Self.snapshot(good)
        XCTAssertFalse(before.isEmpty)

        var cases = Self.flags
        cases += try fileCases(in: folder)
        for bad in cases {
            let arguments = bad.arguments + (bad.usesOut ? ["--out", good.path] : [])
            let run = try LabBinary.run(arguments)
            let context = "\(bad.why): lab \(bad.arguments.joined(separator: " ")): \(run.stderr)"
            XCTAssertNotEqual(run.status, 0, context)
            XCTAssertEqual(run.stderrLines.count, 1, "exactly one line on stderr: \(context)")
            XCTAssert(run.stderr.hasPrefix("lab: error: "), context)
            for sign in ["Fatal error", "Backtrac", "Stack dump", "Signal ", "Thread 0", "AddressSanitizer"] {
                XCTAssertFalse(run.stderr.contains(sign) || run.stdout.contains(sign), "\(sign): \(context)")
            }
        }
        XCTAssertEqual(try Self.snapshot(good), before, "a bad run changed the good output folder")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["bomb.csv.gz", "fifo", "good", "huge.png", "truncated.csv.gz"], "a bad run left files beside it")
    }

    /// Cases that need a file made for them: a FIFO (which once hung), a gzip bomb (which once
    /// filled memory) and a truncated gzip file.
    func fileCases(in folder: URL) throws -> [Case] {
        let fifo = folder.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // 70 MiB of zeros, over the 64 MiB decompressed limit, compresses to ~70 KB.
        let bomb = folder.appendingPathComponent("bomb.csv.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "head -c 73400320 /dev/zero | gzip -c > '\(bomb.path)'"]
        try gzip.run()
        gzip.waitUntilExit()
        XCTAssertEqual(gzip.terminationStatus, 0, "gzip is needed to make the bomb")
        // A PNG header claiming 2³²−1 × 2³²−1 pixels: the product once overflowed Int.
        let huge = folder.appendingPathComponent("huge.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
                  0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 2, 0, 0, 0, 0, 0, 0, 0]).write(to: huge)
        let truncated = folder.appendingPathComponent("truncated.csv.gz")
        try Data(try Data(contentsOf: URL(fileURLWithPath: Self.digits)).prefix(3000)).write(to: truncated)
        return [
            Case(why: "a FIFO as the data file", arguments: ["dropout", "--data-file", fifo]),
            Case(why: "a FIFO as the image", arguments: ["augment", "--image", fifo]),
            Case(why: "a FIFO as the batch image", arguments: ["augment", "--pipeline", "flip", "--image", fifo, "--count", "1"]),
            Case(why: "a gzip bomb as the data file", arguments: ["dropout", "--data-file", bomb.path]),
            Case(why: "a FIFO as the normalize data file", arguments: ["normalize", "--data-file", fifo]),
            Case(why: "a truncated gzip normalize data file", arguments: ["normalize", "--data-file", truncated.path]),
            Case(why: "a truncated gzip data file", arguments: ["dropout", "--data-file", truncated.path]),
            Case(why: "a PNG header of 2⁶⁴ pixels", arguments: ["augment", "--image", huge.path]),
            Case(why: "a PNG header of 2⁶⁴ pixels in batch mode", arguments: ["augment", "--pipeline", "flip", "--image", huge.path, "--count", "1"]),
        ]
    }

    /// Every file under `folder` (hidden ones too), by relative path, with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            let full = base + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }
}
