import Foundation
import NNEngine

// The engine section's rows for the random sampler: the sequential `normal()`, the parallel
// 4096² fill, the one-core kernels at every instruction-set level this CPU has (so one machine
// shows what baseline x86-64 and AVX2 CPUs run), and numpy's Philox with its ziggurat doing the
// same work. One-core rows are CPU time of the calling thread, which other programs on a shared
// machine do not inflate the way they inflate wall time.

/// The median CPU time of this thread over `repeats` runs of `work`, in seconds.
func medianThreadCPUTime(_ repeats: Int, _ work: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = now()
        work()
        times.append(now() - start)
    }
    return times.sorted()[times.count / 2]
}

/// Medians over `repeats` runs of `work` of the process's CPU time (user + sys, all threads, in
/// seconds), its minor page faults, and the wall time (seconds).
func medianProcessUsage(_ repeats: Int, _ work: () -> Void) -> (cpu: Double, faults: Int, wall: Double) {
    func usage() -> (cpu: Double, faults: Int) {
        var r = rusage()
        getrusage(RUSAGE_SELF_VALUE, &r)
        let seconds = Double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) + Double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6
        return (seconds, r.ru_minflt)
    }
    var cpus: [Double] = [], faults: [Int] = [], walls: [Double] = []
    for _ in 0..<repeats {
        let before = usage(), start = DispatchTime.now().uptimeNanoseconds
        work()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, after = usage()
        cpus.append(after.cpu - before.cpu)
        faults.append(after.faults - before.faults)
        walls.append(wall)
    }
    return (cpus.sorted()[repeats / 2], faults.sorted()[repeats / 2], walls.sorted()[repeats / 2])
}

/// `RUSAGE_SELF`, which Glibc imports as an enum case rather than the `Int32` `getrusage` takes.
private let RUSAGE_SELF_VALUE: Int32 = 0

func randomSamplerRows() {
    let n = 4096 * 4096
    var ziggurat = RandomStream(seed: 2), boxMuller = RandomStream(seed: 2)
    let zigguratTime = medianThreadCPUTime(3) { var s = 0.0; for _ in 0..<n { s += ziggurat.normal() }; precondition(s.isFinite) }
    let boxMullerTime = medianThreadCPUTime(3) { var s = 0.0; for _ in 0..<n { s += boxMuller.boxMullerNormal() }; precondition(s.isFinite) }
    row("normal draws, sequential normal() (1 core, CPU)", String(format: "%.2f ns/draw", zigguratTime / Double(n) * 1e9),
        String(format: "%.1f× faster than Box–Muller", boxMullerTime / zigguratTime))

    // The fills report the process's CPU time (user + sys, every thread) and page faults beside
    // the wall time: a fresh 128 MB block costs 32,768 page mappings, which wall time on a
    // busy machine hides.
    var generator = RandomStream(seed: 3)
    let fresh = medianProcessUsage(5) { _ = Tensor.randomNormal(shape: [4096, 4096], using: &generator) }
    row("randn 4096×4096 tensor (parallel, fresh memory)", String(format: "%.1f ms CPU", fresh.cpu * 1e3),
        String(format: "%.1f ms wall, %d page faults", fresh.wall * 1e3, fresh.faults))
    var reused = Tensor(zeros: [4096, 4096])
    let refill = medianProcessUsage(5) { reused.fillRandom(shape: [4096, 4096], from: NormalDistribution(), using: &generator) }
    row("randn 4096×4096 into existing storage (parallel)", String(format: "%.1f ms CPU", refill.cpu * 1e3),
        String(format: "%.1f ms wall, %d page faults", refill.wall * 1e3, refill.faults))

    // The C kernels on one core, per instruction-set level.
    let count = 1 << 22
    let key = RandomStream(seed: 4).key
    let words = UnsafeMutablePointer<UInt64>.allocate(capacity: count), normals = UnsafeMutablePointer<Double>.allocate(capacity: count)
    defer { words.deallocate(); normals.deallocate() }
    var normalNanoseconds: [Double] = []
    for level in RandomKernelLevel.allCases where level.rawValue <= RandomKernelLevel.current.rawValue {
        let wordTime = medianThreadCPUTime(3) { level.words(words, count: count, key: key, first: 0) }
        let normalTime = medianThreadCPUTime(3) { level.normals(normals, count: count, key: key, first: 0) }
        normalNanoseconds.append(normalTime / Double(count) * 1e9)
        row("  \(level.name) kernels, normals (1 core, CPU)", String(format: "%.2f ns/draw", normalNanoseconds.last!),
            String(format: "Philox4x64-10 words %.2f ns/word", wordTime / Double(count) * 1e9))
    }
    if let numpy = referenceNumber("numpy_random.py", [String(count)]) {
        let perDraw = numpy / Double(count) * 1e9
        row("  numpy Philox standard_normal (1 core, CPU)", String(format: "%.2f ns/draw", perDraw),
            String(format: "ratio NNLab/numpy = %.2f (best level)", normalNanoseconds.last! / perDraw))
    } else {
        row("  numpy Philox standard_normal", "unavailable", "python3 with numpy not found")
    }
}
