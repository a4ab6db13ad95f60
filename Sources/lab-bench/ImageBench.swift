import Foundation
import NNFiles
import NNImage

// The machine in the table's header, and the PNG writer against Pillow's.

/// "AMD EPYC 9R14 (AVX-512 kernels), load 1.2": the CPU's model name from /proc/cpuinfo, the
/// instruction set NNImage's kernels use on it, and the 1-minute load average, so that tables
/// from different machines can be told apart.
func machineDescription() -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    return "\(model), \(ImageKernels.simdLevel) image kernels, load average \(load)"
}

/// `NNLAB_IMAGE_SIMD=sse2` (or `avx2`, `avx-512`) makes the image kernels use that instruction
/// set, to measure on one machine what a CPU without the wider ones gets.
func chooseImageKernels() {
    guard let name = ProcessInfo.processInfo.environment["NNLAB_IMAGE_SIMD"] else { return }
    guard let level = ["sse2": 0, "avx2": 1, "avx-512": 2, "avx512": 2][name.lowercased()] else {
        FileHandle.standardError.write(Data("lab-bench: error: NNLAB_IMAGE_SIMD '\(name)' is not one of sse2, avx2, avx-512\n".utf8))
        exit(64)
    }
    ImageKernels.use(level: level)
}

/// The CPU time of the calling thread, in seconds: unlike wall time it does not count the time
/// other processes on a shared machine take the core away.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The median CPU time of `repeats` runs of `work` on this thread, in seconds.
func medianCPUTime(_ repeats: Int, _ work: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = threadCPUTime()
        try work()
        times.append(threadCPUTime() - start)
    }
    return times.sorted()[times.count / 2]
}

/// PNG save of one augmented 224×224 copy: NNLab's encoder (`PNGImage.pngData`) against Pillow's
/// default save (zlib level 6, adaptive filter) of the same pixels, both in CPU time to memory.
func pngSaveRows(_ image: Image, scratch: URL) throws {
    let png = image.pngImage()
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<40 {
        let start = threadCPUTime()
        bytes = try png.pngData().count
        times.append(threadCPUTime() - start)
    }
    let ms = times.sorted()[times.count / 2] * 1e3
    row("PNG save, \(png.width)×\(png.height) augmented copy", String(format: "%.2f ms CPU", ms), "\(bytes) bytes (Average filter, libdeflate level 1)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let file = scratch.appendingPathComponent("png-save.png")
    try png.write(to: file)
    if let pillow = referenceNumbers("pillow_png.py", [file.path]), pillow.count == 2 {
        row("  Pillow save, same pixels (level 6)", String(format: "%.2f ms CPU", pillow[0]),
            String(format: "%.0f bytes; NNLab %.1f× faster (goal ≥ 2), size %+.1f%%", pillow[1], pillow[0] / ms,
                   (Double(bytes) / pillow[1] - 1) * 100))
    } else {
        row("  Pillow save, same pixels (level 6)", "unavailable", "python3 with Pillow not found (pip install pillow)")
    }
}
