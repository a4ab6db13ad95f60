import Dispatch
import Foundation
import AugmentLab
import Grading
import DropoutLab
import NormalizeLab
import InitStudy
import NNEngine
import Optimizers
import NNImage

// `make bench`: the engine's timings as a table. Times are medians of several runs; the machines
// are shared and noisy, so the table leads with ratios (against numpy with OpenBLAS doing the same
// work, and against the lab's time budget) rather than bare seconds.

/// The median wall time of `repeats` runs of `work`, in seconds.
func median(_ repeats: Int, _ work: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

/// Runs a command, returning its wall time, or nil if it could not run or failed.
func timeCommand(_ executable: String, _ arguments: [String]) -> Double? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The number a reference script in `Sources/lab-bench/` prints (a time or a rate), or nil when
/// python3 or its library (numpy, Pillow) is missing or the script fails.
func referenceNumber(_ script: String, _ arguments: [String], environment: [String: String] = [:]) -> Double? {
    referenceNumbers(script, arguments, environment: environment).flatMap { $0.count == 1 ? $0[0] : nil }
}

/// The numbers, separated by spaces, that a reference script prints, or nil as for `referenceNumber`.
func referenceNumbers(_ script: String, _ arguments: [String], environment: [String: String] = [:]) -> [Double]? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = environment.map { "\($0)=\($1)" } + ["python3", "Sources/lab-bench/\(script)"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let numbers = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).map { Double($0) }
    return numbers.isEmpty || numbers.contains(nil) ? nil : numbers.map { $0! }
}

var rows: [(String, String, String)] = []
func row(_ name: String, _ value: String, _ note: String = "") {
    rows.append((name, value, note))
    print(name.padding(toLength: 50, withPad: " ", startingAt: 0) + value.padding(toLength: 18, withPad: " ", startingAt: 0) + note)
}

/// The sections to run: those named on the command line (`lab-bench training dropout`), or all.
let sectionNames = ["engine", "init-study", "optimizers", "augment", "png", "grading", "training", "dropout",
                    "babysit",
                    "regularize",
                    "search",
                    "normalize",
                    "neurons", "losses"]
let chosen = Array(CommandLine.arguments.dropFirst())
if let unknown = chosen.first(where: { !sectionNames.contains($0) }) {
    FileHandle.standardError.write(Data("lab-bench: error: unknown section '\(unknown)'; choose from \(sectionNames.joined(separator: ", "))\n".utf8))
    exit(64)
}

/// Runs `body` when the section `name` was chosen.
func section(_ name: String, _ body: () throws -> Void) rethrows {
    precondition(sectionNames.contains(name))
    if chosen.isEmpty || chosen.contains(name) { try body() }
}

print("NNLab engine benchmarks (\(ProcessInfo.processInfo.activeProcessorCount) cores; medians)")
chooseImageKernels()
print(machineDescription())
print(String(repeating: "-", count: 100))

section("engine") {
    var generator = RandomStream(seed: 1)
    let weight = Tensor.randomNormal(shape: [4096, 4096], using: &generator)
    for m in [16, 256] {
        let x = Tensor.randomNormal(shape: [m, 4096], using: &generator)
        let seconds = median(5) { _ = Tensor.matmul(x, weight) }
        row("dgemm \(m)×4096×4096", String(format: "%.1f GFLOP/s", 2 * Double(m) * 4096 * 4096 / seconds / 1e9))
    }

    randomSamplerRows()
    let histogramTime = median(3) { _ = weight.histogram(bins: 60, lower: -4, upper: 4) }
    row("histogram of 4096×4096", String(format: "%.1f ms", histogramTime * 1e3))
    let stdTime = median(3) { _ = weight.standardDeviation }
    row("std of 4096×4096", String(format: "%.1f ms", stdTime * 1e3))
}

let lab = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lab").path
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-bench-\(ProcessInfo.processInfo.processIdentifier)")
defer { try? FileManager.default.removeItem(at: scratch) }

/// The median wall time of 3 runs of `lab arguments`, or nil if it failed every time.
func labWallTime(_ arguments: [String]) -> Double? {
    let walls = (0..<3).compactMap { _ in timeCommand(lab, arguments) }.sorted()
    return walls.isEmpty ? nil : walls[walls.count / 2]
}

try section("init-study") {
    let configuration = InitStudyConfiguration()
    let computeTime = try median(3) { _ = try InitStudy.run(configuration, schemes: Scheme.builtIn) }
    row("init-study compute, \(Scheme.builtIn.count) schemes (fwd+bwd+stats)", String(format: "%.2f s", computeTime))
    weightGradientSummaryRow()
    if let numpy = referenceNumber("numpy_init_study.py", ["4096", "6", "16", String(Scheme.builtIn.count)]) {
        row("  numpy + OpenBLAS, same work", String(format: "%.2f s", numpy),
            String(format: "ratio NNLab/numpy = %.2f (goal ≤ 1.1)", computeTime / numpy))
    } else {
        row("  numpy + OpenBLAS, same work", "unavailable", "python3 with numpy not found")
    }

    if let wall = labWallTime(["init-study", "--out", scratch.path]) {
        row("lab init-study, whole run (with rendering)", String(format: "%.2f s", wall),
            String(format: "%.2f of the 5 s budget; rendering+I/O %.0f%%", wall / 5, max(0, wall - computeTime) / wall * 100))
    } else {
        row("lab init-study, whole run", "failed", "is gnuplot installed? run make figures")
    }
}

// lab optimizers: the trajectories alone, then the whole run with its 17 figures (5 animated
// GIFs of 60 frames), against the 10 s budget.
try section("optimizers") {
    let optimizersCompute = try median(3) { _ = try OptimizersStudy.run(OptimizersConfiguration()) }
    row("optimizers compute, 5 functions × 8 optimizers", String(format: "%.1f ms", optimizersCompute * 1e3),
        "every trajectory and the SGD learning-rate sweep")
    if let wall = labWallTime(["optimizers", "--out", scratch.path]) {
        row("lab optimizers, whole run (with GIFs)", String(format: "%.2f s", wall),
            String(format: "%.2f of the 10 s budget; rendering+I/O %.0f%%", wall / 10, max(0, wall - optimizersCompute) / wall * 100))
    } else {
        row("lab optimizers, whole run", "failed", "is gnuplot installed? run make figures")
    }
}

// lab augment: the standard training pipeline (random resized crop 224, flip, colour jitter 0.4) on
// the bundled cat, single-threaded, against Pillow doing the same operations (pillow_augment.py).
section("augment") {
    do {
        let cat = try Image(contentsOf: BundledData.cat)
        let pipeline = try SheetKind.standardPipeline()
        let perRun = 300
        var stream = RandomStream(seed: 4)
        // In this thread's CPU time, as pillow_augment.py measures Pillow: on a shared machine the
        // wall time counts whoever else had the core.
        let seconds = try medianCPUTime(5) { for _ in 0..<perRun { _ = try pipeline.sample(cat, using: &stream) } }
        let rate = Double(perRun) / seconds
        row("augment: standard pipeline, 1 core (CPU time)", String(format: "%.0f images/s", rate), "451×300 → 224×224, float32")
        if let pillow = referenceNumber("pillow_augment.py", [BundledData.cat.path, String(perRun)]) {
            row("  Pillow, same operations, 1 core (CPU time)", String(format: "%.0f images/s", pillow),
                String(format: "ratio NNLab/Pillow = %.2f (goal ≥ 1.5)", rate / pillow))
        } else {
            row("  Pillow, same operations, 1 core", "unavailable", "python3 with Pillow not found (pip install pillow)")
        }
        // Batch mode: the same pipeline, PNG encoding and writing included, on 1 core and on all.
        let count = 200
        var batchRates: [Int: Double] = [:]
        for threads in [1, ProcessInfo.processInfo.activeProcessorCount] where batchRates[threads] == nil {
            let folder = scratch.appendingPathComponent("batch-\(threads)")
            let batch = AugmentBatch(pipeline: "rrc:224,flip,jitter:0.4", image: BundledData.cat, count: count, seed: 0, threads: threads)
            let wall = try median(3) { _ = try batch.write(to: folder) }
            batchRates[threads] = Double(count) / wall
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        row("augment batch mode (with PNG writing), 1 core", String(format: "%.0f images/s", batchRates[1]!))
        // A shared machine's other work takes the second core: say how busy it was.
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
        row("augment batch mode (with PNG writing), \(cores) cores", String(format: "%.0f images/s", batchRates[cores]!),
            String(format: "%.2f× the 1-core rate", batchRates[cores]! / batchRates[1]!) + " (load average \(load))")
    } catch {
        row("augment benchmarks", "failed", "\(error)")
    }
}

// PNG writing: one augmented 224×224 copy of the cat, NNLab's encoder against Pillow's save.
section("png") {
    do {
        var stream = RandomStream(seed: 5)
        let copy = try SheetKind.standardPipeline().sample(try Image(contentsOf: BundledData.cat), using: &stream).image
        try pngSaveRows(copy, scratch: scratch)
    } catch {
        row("PNG save", "failed", "\(error)")
    }
}

// Grading: a generated class of 300 graded in one batch, with every student's results.json,
// feedback.md and feedback.png, the gradebook and the histogram. Half the class hands in what
// real classes do (correct, float32, each typical mistake, truncated, NaN, 10 000-deep nesting,
// wrong types, oversized, missing), half the hostile corpus (`HostileClass`: 2^33 and 3^40
// claimed elements, factors 1e20 and 1e-19, ±1.7e308, BOM, UTF-16, 200 000 values, escape
// sequences in keys, links out of the folder, a FIFO), with IDs colliding with the outputs.
try section("grading") {
    for exerciseName in ["batchnorm", "beale-adam"] {
        let classFolder = scratch.appendingPathComponent("class-\(exerciseName)")
        let exercise = try ExerciseCatalog.named(exerciseName)
        let keyFile = classFolder.appendingPathComponent("course.key")
        try FileManager.default.createDirectory(at: classFolder, withIntermediateDirectories: true)
        try Data("bench-course-key".utf8).write(to: keyFile)
        let roster = try HostileClass.write(exercise, count: 300, key: try CourseKey(contentsOf: keyFile), to: classFolder)
        if let wall = labWallTime(["grade", exerciseName, "--submissions", classFolder.appendingPathComponent("submissions").path,
                                   "--roster", roster.path, "--course-key", keyFile.path,
                                   "--out", classFolder.appendingPathComponent("grades").path]) {
            row("grade \(exerciseName), 300 hostile+valid (2 cores)", String(format: "%.2f s", wall),
                String(format: "%.2f of the 10 s budget; %.1f ms per student", wall / 10, wall / 300 * 1e3))
        } else {
            row("lab grade \(exerciseName), class of 300", "failed", "is gnuplot installed? run make figures")
        }
    }
}

// Training engine: throughput of the 64-256-256-10 MLP on the digits (batch 64, Adam), against the
// same network in numpy, and the whole `lab dropout` against its 60 s budget.
try section("training") {
    let digitsFile = DropoutLabConfiguration.defaultDigitsFile
    if let digits = try? DigitsDataset.load(from: digitsFile) {
        let standardized = digits.replacingFeatures(try Preprocessing.standardization.fit(digits.features)(digits.features))
        let epochs = 5
        func trainingRate(blasThreads: Int) throws -> Double {
            let previous = BLASThreads.count
            BLASThreads.count = blasThreads
            defer { BLASThreads.count = previous }
            let seconds = try median(3) {
                var g = RandomStream(seed: 3)
                let model = Sequential.mlp(inputs: 64, hidden: [256, 256], outputs: 10, using: &g)
                _ = try Trainer.train(model, on: standardized, configuration: TrainingConfiguration(
                    epochs: epochs, batchSize: 64, optimizer: OptimizerConfiguration(kind: .adam(), learningRate: 1e-3), seed: 4))
            }
            return Double(epochs * standardized.count) / seconds
        }
        let defaultThreads = BLASThreads.count
        let single = try trainingRate(blasThreads: 1)
        let threaded = try trainingRate(blasThreads: defaultThreads)
        let best = max(single, threaded)
        row("train 64-256-256-10 MLP, digits, batch 64, Adam", String(format: "%.0f samples/s", best),
            String(format: "BLAS 1 thread %.0f/s, %d threads %.0f/s", single, defaultThreads, threaded))
        let numpyDefault = referenceNumber("numpy_training.py", [digitsFile.path, String(epochs)])
        let numpySingle = referenceNumber("numpy_training.py", [digitsFile.path, String(epochs)], environment: ["OPENBLAS_NUM_THREADS": "1"])
        if let numpyBest = [numpyDefault, numpySingle].compactMap({ $0 }).max() {
            row("  numpy + OpenBLAS, same network", String(format: "%.0f samples/s", numpyBest),
                String(format: "ratio NNLab/numpy = %.2f (goal ≥ 1; numpy at its best of 1 or all BLAS threads)", best / numpyBest))
        } else {
            row("  numpy + OpenBLAS, same network", "unavailable", "python3 with numpy not found")
        }
        // PyTorch CPU in float64 with the same number of threads as the engine's best rate.
        let threads = best == single ? 1 : defaultThreads
        if let torch = referenceNumber("torch_training.py", [digitsFile.path, String(epochs), String(threads)],
                                       environment: ["OMP_NUM_THREADS": String(threads)]) {
            row("  PyTorch CPU float64, same network", String(format: "%.0f samples/s", torch),
                String(format: "ratio NNLab/torch = %.2f (goal ≥ 1; %d thread%@ each)", best / torch, threads, threads == 1 ? "" : "s"))
        } else {
            row("  PyTorch CPU float64, same network", "unavailable",
                "torch not importable (pip install torch), or torch_training.py failed: run it to see why")
        }
    } else {
        row("train 64-256-256-10 MLP, digits", "skipped", "digits file not found at \(digitsFile.path)")
    }
}

section("dropout") {
    if let wall = labWallTime(["dropout", "--out", scratch.path]) {
        row("lab dropout, whole run (with rendering)", String(format: "%.1f s", wall), String(format: "%.2f of the 60 s budget", wall / 60))
    } else {
        row("lab dropout, whole run", "failed", "is gnuplot installed? run make figures")
    }
}

try section("babysit") { try babysitBench() }
try section("regularize") { try regularizeBench() }
section("search") { searchBench() }
try section("normalize") { try normalizeBench(lab: labWallTime, scratch: scratch) }
section("neurons") { neuronsBench() }

section("losses") { lossesBench() }
