import XCTest
import NNEngine
@testable import AugmentLab
@testable import BabysitLab
@testable import DropoutLab
@testable import Grading
@testable import InitStudy
@testable import RegularizeLab
@testable import SearchLab
@testable import NormalizeLab
@testable import LossesLab
@testable import NeuronsLab

/// The random streams the labs actually use, drawn together with the labs' own stream functions:
/// no two share a run of numbers, and sibling streams are uncorrelated.
final class StreamIndependenceTests: XCTestCase {
    /// A named stream and the positions drawn from it.
    struct Drawn {
        var name: String
        var stream: RandomStream
        /// Windows of 4 words start at these positions (multiples of 4).
        var starts: [UInt64]
    }

    /// The first `prefix` words, and `window` words at each multiple of `Tensor.randomChunkSize`
    /// below `count` (where the old positional split's chunk streams began).
    static func positions(prefix: Int, chunksOf count: Int = 0, window: Int = 16) -> [UInt64] {
        var starts = stride(from: 0, to: prefix, by: 4).map(UInt64.init)
        for chunk in stride(from: Tensor.randomChunkSize, to: count, by: Tensor.randomChunkSize) {
            starts += stride(from: chunk, to: chunk + window, by: 4).map(UInt64.init)
        }
        return starts
    }

    /// Every stream of `lab all` at seed 0 (and a class of students), with what is drawn from it.
    static func labStreams() throws -> [Drawn] {
        var drawn: [Drawn] = []
        // init-study at its default size: the input, the upstream gradient, and six layers of
        // 4096² draws (their first words and every chunk boundary).
        let initConfiguration = InitStudyConfiguration()
        let initStreams = InitStudy.streams(seed: initConfiguration.seed, depth: initConfiguration.depth)
        let n = initConfiguration.width * initConfiguration.width
        drawn.append(Drawn(name: "init input", stream: initStreams.input, starts: positions(prefix: 4096)))
        drawn.append(Drawn(name: "init upstream", stream: initStreams.upstream, starts: positions(prefix: 4096)))
        for (l, stream) in initStreams.layers.enumerated() {
            drawn.append(Drawn(name: "init layer \(l + 1)", stream: stream, starts: positions(prefix: 4096, chunksOf: n)))
        }

        // dropout: data sets, every net's seeds and the streams those seeds name, the neuron,
        // the mask seed and the Monte Carlo passes.
        let dropout = DropoutLab.streams(seed: DropoutLabConfiguration().seed)
        for d in 0..<2 {
            let set = dropout.data.stream(.dataset(d))
            drawn.append(Drawn(name: "dropout dataset \(d) draw", stream: set.stream(.data), starts: positions(prefix: 1024)))
            drawn.append(Drawn(name: "dropout dataset \(d) split", stream: set.stream(.split), starts: positions(prefix: 1024)))
        }
        var seeds = dropout.jobSeeds
        let jobCount = 64
        drawn.append(Drawn(name: "dropout job seeds", stream: seeds, starts: positions(prefix: 2 * jobCount)))
        for job in 0..<jobCount {
            let initSeed = seeds.next(), trainingSeed = seeds.next()
            drawn.append(Drawn(name: "job \(job) init", stream: RandomStream(seed: initSeed, path: .initialization),
                               starts: positions(prefix: 256)))
            drawn.append(Drawn(name: "job \(job) masks", stream: Trainer.maskStream(seed: trainingSeed), starts: positions(prefix: 1024)))
            for epoch in 1...3 {
                drawn.append(Drawn(name: "job \(job) shuffle \(epoch)", stream: Trainer.shuffleStream(seed: trainingSeed, epoch: epoch),
                                   starts: positions(prefix: 64)))
            }
        }
        drawn.append(Drawn(name: "dropout neuron", stream: dropout.neuron, starts: positions(prefix: 256)))
        var maskSeedStream = dropout.maskSeed
        let maskSeed = maskSeedStream.next()
        drawn.append(Drawn(name: "dropout mask seed", stream: dropout.maskSeed, starts: positions(prefix: 4)))
        drawn.append(Drawn(name: "scaling masks", stream: RandomStream(seed: maskSeed), starts: positions(prefix: 1024)))
        for k in 0..<100 {
            drawn.append(Drawn(name: "MC pass \(k)", stream: RandomStream(seed: maskSeed &+ 1).stream(.sample(k)),
                               starts: positions(prefix: 256)))
        }

        // normalize: its purposes under its root, and the deep nets' seeds and the streams they name.
        let normalize = NormalizeLab.root(seed: NormalizeLabConfiguration().seed)
        for key in [StreamKey.split, .pictures, .sensitivity, .zigZag, .evaluationOrder] {
            drawn.append(Drawn(name: "normalize \(key)", stream: normalize.stream(key), starts: positions(prefix: 1024)))
        }
        for s in 0..<8 {
            drawn.append(Drawn(name: "normalize leak split \(s)", stream: normalize.stream(.leak).stream(StreamKey("leak split", index: s)),
                               starts: positions(prefix: 256)))
        }
        var normalizeSeeds = normalize.stream(StreamKey("job seeds"))
        drawn.append(Drawn(name: "normalize job seeds", stream: normalizeSeeds, starts: positions(prefix: 64)))
        for pair in 0..<12 {
            let initSeed = normalizeSeeds.next(), trainingSeed = normalizeSeeds.next()
            drawn.append(Drawn(name: "normalize pair \(pair) init", stream: RandomStream(seed: initSeed, path: .initialization), starts: positions(prefix: 256)))
            drawn.append(Drawn(name: "normalize pair \(pair) shuffle 1", stream: Trainer.shuffleStream(seed: trainingSeed, epoch: 1), starts: positions(prefix: 64)))
        }

        // augment: every sheet, and batch mode's copies.
        for (kind, stream) in AugmentStudy.streams(seed: 0) {
            drawn.append(Drawn(name: "sheet \(kind.rawValue)", stream: stream, starts: positions(prefix: 1024)))
        }
        let batch = AugmentBatch(pipeline: "flip", image: URL(fileURLWithPath: "/dev/null"), count: 100, seed: 0)
        for i in 0..<100 {
            drawn.append(Drawn(name: "batch copy \(i)", stream: batch.generator(for: i), starts: positions(prefix: 64)))
        }

        // search: the split, the folds, every trial's hyperparameter and seed streams, the grid's
        // shared seeds, and the streams the first trials' seeds name.
        let search = SearchConfiguration()
        let searchRoot = RandomStream(seed: search.seed)
        drawn.append(Drawn(name: "search split", stream: searchRoot.stream(.split), starts: positions(prefix: 1024)))
        drawn.append(Drawn(name: "search folds", stream: searchRoot.stream(.folds), starts: positions(prefix: 1024)))
        drawn.append(Drawn(name: "search grid seeds", stream: RandomStream(seed: search.seed, path: .gridSeeds), starts: positions(prefix: 4)))
        let trialCount = TrialPlan.stage1(search).count + search.fine + search.crossValidated * search.folds
        for i in 0..<trialCount {
            drawn.append(Drawn(name: "search trial \(i) sample", stream: RandomStream(seed: search.seed, path: StreamKey("trial", index: i), .sample),
                               starts: positions(prefix: 4)))
            drawn.append(Drawn(name: "search trial \(i) seeds", stream: RandomStream(seed: search.seed, path: StreamKey("trial", index: i), .seeds),
                               starts: positions(prefix: 4)))
        }
        for spec in TrialPlan.stage1(search).filter({ $0.kind == .coarse }).prefix(12) {
            drawn.append(Drawn(name: "search trial \(spec.index) init", stream: RandomStream(seed: spec.initSeed, path: .initialization),
                               starts: positions(prefix: 256)))
            for epoch in 1...3 {
                drawn.append(Drawn(name: "search trial \(spec.index) shuffle \(epoch)",
                                   stream: Trainer.shuffleStream(seed: spec.trainingSeed, epoch: epoch), starts: positions(prefix: 64)))
            }
        }
        // neurons: the "same value?" points, every small fit's weights, the spiral, and each speed
        // trial's seed with the initialization stream it names; losses: its sample and perceptron.
        let neurons = NeuronsLabConfiguration()
        let neuronsRoot = RandomStream(seed: neurons.seed)
        drawn.append(Drawn(name: "neurons xor", stream: neuronsRoot.stream(.xor), starts: positions(prefix: 2048)))
        drawn.append(Drawn(name: "neurons spiral", stream: neuronsRoot.stream(.spiral), starts: positions(prefix: 2048)))
        for i in 0..<(20 + neurons.approximationUnits.count) {
            drawn.append(Drawn(name: "neurons fit \(i)", stream: neuronsRoot.stream(.fit(i)), starts: positions(prefix: 256)))
        }
        for i in 0..<neurons.speedSeeds {
            let trial = neuronsRoot.stream(StreamKey("trial", index: i))
            drawn.append(Drawn(name: "neurons trial \(i)", stream: trial, starts: positions(prefix: 4)))
            drawn.append(Drawn(name: "neurons trial \(i) init", stream: RandomStream(seed: trial.word(at: 0), path: .initialization),
                               starts: positions(prefix: 1024)))
        }
        let lossesRoot = RandomStream(seed: LossesLabConfiguration().seed)
        drawn.append(Drawn(name: "losses sample", stream: lossesRoot.stream(.skewedSample), starts: positions(prefix: 2048)))
        drawn.append(Drawn(name: "losses perceptron", stream: lossesRoot.stream(.perceptron), starts: positions(prefix: 512)))

        // babysit: the split, the overfitting sample, the gradient-noise minibatches, and the one
        // initialization and one training seed every net of the run shares (with the streams they name).
        let babysit = BabysitSeeds(seed: BabysitConfiguration().seed)
        drawn.append(Drawn(name: "babysit data draw", stream: babysit.root.stream(.data).stream(.data), starts: positions(prefix: 1024)))
        drawn.append(Drawn(name: "babysit split", stream: babysit.root.stream(.data).stream(.split), starts: positions(prefix: 1024)))
        drawn.append(Drawn(name: "babysit overfit sample", stream: babysit.root.stream(.overfitSample), starts: positions(prefix: 256)))
        for state in 0..<2 {
            drawn.append(Drawn(name: "babysit gradient noise \(state)", stream: babysit.root.stream(.gradientNoise(state)), starts: positions(prefix: 1024)))
        }
        drawn.append(Drawn(name: "babysit init seed", stream: babysit.root.stream(.babysitInit), starts: positions(prefix: 4)))
        drawn.append(Drawn(name: "babysit training seed", stream: babysit.root.stream(.babysitTraining), starts: positions(prefix: 4)))
        drawn.append(Drawn(name: "babysit init", stream: RandomStream(seed: babysit.initialization, path: .initialization), starts: positions(prefix: 1024)))
        drawn.append(Drawn(name: "babysit masks", stream: Trainer.maskStream(seed: babysit.training), starts: positions(prefix: 256)))
        for epoch in 1...3 {
            drawn.append(Drawn(name: "babysit shuffle \(epoch)", stream: Trainer.shuffleStream(seed: babysit.training, epoch: epoch), starts: positions(prefix: 64)))
        }

        // regularize: the spiral and the digits split, the net seeds and the streams each net's seed
        // names (weights, augmented copies, shuffles), the bias-variance draws and the quadratic.
        let regularize = RegularizeConfiguration()
        let regularizeRoot = RandomStream(seed: regularize.seed)
        let planar = regularizeRoot.stream(StreamKey("planar"))
        drawn.append(Drawn(name: "regularize spiral train", stream: planar.stream(.data), starts: positions(prefix: 1024)))
        drawn.append(Drawn(name: "regularize spiral test", stream: planar.stream(.split), starts: positions(prefix: 1024)))
        drawn.append(Drawn(name: "regularize digits split", stream: regularizeRoot.stream(StreamKey("digits")).stream(.split), starts: positions(prefix: 1024)))
        let netSeeds = regularizeRoot.stream(StreamKey("net seeds"))
        drawn.append(Drawn(name: "regularize net seeds", stream: netSeeds, starts: positions(prefix: 4 * (1 + regularize.seeds))))
        let plan = RegularizePlan(regularize, seeds: netSeeds)
        for seed in Set(plan.jobs.map(\.job.seed)).sorted() {
            let net = RandomStream(seed: seed)
            drawn.append(Drawn(name: "regularize net \(seed) init", stream: net.stream(.initialization), starts: positions(prefix: 256)))
            drawn.append(Drawn(name: "regularize net \(seed) copies", stream: net.stream(.sample(0)), starts: positions(prefix: 1024)))
            let training = net.stream(.masks).word(at: 0)
            for epoch in 1...3 {
                drawn.append(Drawn(name: "regularize net \(seed) shuffle \(epoch)", stream: Trainer.shuffleStream(seed: training, epoch: epoch),
                                   starts: positions(prefix: 64)))
            }
        }
        let biasVariance = regularizeRoot.stream(StreamKey("bias variance"))
        drawn.append(Drawn(name: "regularize test inputs", stream: biasVariance.stream(.input), starts: positions(prefix: 256)))
        for n in Set([regularize.samplePoints] + regularize.sampleSizes).sorted() {
            for r in 0..<8 {
                drawn.append(Drawn(name: "regularize size \(n) draw \(r)", stream: biasVariance.stream(StreamKey("size", index: n)).stream(.sample(r)),
                                   starts: positions(prefix: 64)))
            }
        }
        drawn.append(Drawn(name: "regularize quadratic", stream: regularizeRoot.stream(StreamKey("quadratic")), starts: positions(prefix: 256)))

        // grading: every exercise for a class of 30 under the practice key.
        for exercise in ExerciseCatalog.all {
            for s in 0..<30 {
                let student = try StudentID(String(format: "s%03d", s))
                drawn.append(Drawn(name: "\(exercise.name) \(student)", stream: problemStream(exercise, student),
                                   starts: positions(prefix: 64)))
            }
        }
        return drawn
    }

    /// The stream `Grader.problem` draws a student's problem from.
    static func problemStream(_ exercise: any Exercise, _ student: StudentID) -> RandomStream {
        RandomStream(seed: CourseKey.practice.seed(exercise: exercise.name, student: student), path: StreamKey("problem"))
    }

    func testGradingProblemStreamIsTheOneTheGraderUses() throws {
        for exercise in ExerciseCatalog.all {
            let student = try StudentID("s001")
            var stream = Self.problemStream(exercise, student)
            XCTAssertEqual(exercise.makeProblem(using: &stream), Grader.problem(exercise, student: student, key: .practice), exercise.name)
        }
    }

    struct Window: Hashable { var a, b, c, d: UInt64 }

    /// Every aligned window of 4 words across all the streams is distinct: no stream repeats
    /// another's numbers (nor its own), as the old positional split's chunk streams did.
    func testNoTwoLabStreamsShareARunOfNumbers() throws {
        let drawn = try Self.labStreams()
        var seen: [Window: String] = [:]
        var windows = 0, collisions: [String] = []
        for d in drawn {
            for start in d.starts {
                let w = Window(a: d.stream.word(at: start), b: d.stream.word(at: start + 1),
                               c: d.stream.word(at: start + 2), d: d.stream.word(at: start + 3))
                windows += 1
                if let other = seen.updateValue("\(d.name) @\(start)", forKey: w) { collisions.append("\(other) = \(d.name) @\(start)") }
            }
        }
        print("\(drawn.count) streams, \(windows) windows of 4 words: expected 0 collisions, observed \(collisions.count)")
        XCTAssertGreaterThan(drawn.count, 800)
        XCTAssertEqual(collisions, [])
        // Distinct streams have distinct keys.
        let keys = Set(drawn.map { "\($0.stream.key0) \($0.stream.key1)" })
        XCTAssertEqual(keys.count, drawn.count, "two lab streams share a key")
    }

    /// Pearson's r between uniform draws of sibling streams, at lag 0, 1 and one fill chunk (the
    /// old split's shift). Under independence r ≈ N(0, 1/n), so |r| < k/√n with k = 5 fails by
    /// chance with probability 6e-7 per pair.
    func testSiblingStreamsAreUncorrelated() {
        let n = 1 << 17, k = 5.0
        let tolerance = k / Double(n).squareRoot()
        let initStreams = InitStudy.streams(seed: 0, depth: 6)
        let sheets = AugmentStudy.streams(seed: 0)
        var pairs: [(String, RandomStream, RandomStream)] = [("input/upstream", initStreams.input, initStreams.upstream)]
        for l in 0..<5 { pairs.append(("layer \(l + 1)/\(l + 2)", initStreams.layers[l], initStreams.layers[l + 1])) }
        for e in 1...3 { pairs.append(("shuffle \(e)/\(e + 1)", Trainer.shuffleStream(seed: 7, epoch: e), Trainer.shuffleStream(seed: 7, epoch: e + 1))) }
        pairs.append(("masks/shuffle 1", Trainer.maskStream(seed: 7), Trainer.shuffleStream(seed: 7, epoch: 1)))
        pairs.append(("sheet hflip/vflip", sheets[.hflip]!, sheets[.vflip]!))
        for (name, a, b) in pairs {
            for lag in [0, 1, Tensor.randomChunkSize] {
                let x = (0..<n).map { unit(a.word(at: UInt64($0 + lag))) }
                let y = (0..<n).map { unit(b.word(at: UInt64($0))) }
                let r = pearson(x, y)
                print("\(name), lag \(lag): expected |r| < \(tolerance), observed r = \(r)")
                XCTAssertLessThan(abs(r), tolerance, "\(name) lag \(lag)")
            }
        }
    }

    func unit(_ word: UInt64) -> Double { Double(word >> 11) * 0x1.0p-53 }

    func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        return sxy / (sxx * syy).squareRoot()
    }
}
