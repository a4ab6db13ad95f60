import Foundation
import NNEngine

/// Offline augmentation of 8×8 digits: label-preserving transforms and input noise (the cook
/// book, 003 deck: "Adding Gaussian noise to the input", "apply invariant transformations:
/// shift, rotate, scale").
enum DigitJitter {
    /// The largest rotation, in degrees, and the largest shift, in pixels. Small on purpose: an
    /// 8×8 digit rotated by 30° or shifted by 2 pixels loses strokes at the border, and "be
    /// careful not to change class semantics" (6 → 9).
    static let maxRotation = 8.0
    static let maxShift = 0.5
    static let scaleRange = 0.95...1.05

    /// One raw digit (64 pixels 0…16, row by row) rotated by θ, scaled by s and shifted by
    /// (dx, dy) about the image centre, resampled bilinearly; outside the image is blank (0).
    static func warp(_ pixels: ArraySlice<Double>, rotation degrees: Double, scale s: Double, dx: Double, dy: Double) -> [Double] {
        let side = 8
        let base = pixels.startIndex
        let theta = degrees * .pi / 180
        let (c, sn) = (cos(theta), sin(theta))
        let centre = Double(side - 1) / 2
        var out = [Double](repeating: 0, count: side * side)
        func pixel(_ x: Int, _ y: Int) -> Double {
            (0..<side).contains(x) && (0..<side).contains(y) ? pixels[base + y * side + x] : 0
        }
        for y in 0..<side {
            for x in 0..<side {
                // The inverse map: where the output pixel comes from in the input.
                let u = Double(x) - centre - dx, v = Double(y) - centre - dy
                let sx = (c * u + sn * v) / s + centre
                let sy = (-sn * u + c * v) / s + centre
                let x0 = Int(floor(sx)), y0 = Int(floor(sy))
                let fx = sx - Double(x0), fy = sy - Double(y0)
                out[y * side + x] = (1 - fx) * (1 - fy) * pixel(x0, y0) + fx * (1 - fy) * pixel(x0 + 1, y0)
                    + (1 - fx) * fy * pixel(x0, y0 + 1) + fx * fy * pixel(x0 + 1, y0 + 1)
            }
        }
        return out
    }

    /// The raw digits of `data` [N, 64] followed by `copies − 1` randomly transformed copies of
    /// each, copy by copy: [copies·N, 64], labels repeated. The originals stay: the transforms
    /// blur (bilinear resampling of 8×8 pixels), and a net trained only on blurred digits
    /// meets sharp ones at validation.
    static func transformed(_ data: Dataset, copies: Int, using stream: inout RandomStream) -> Dataset {
        let n = data.count
        var scalars: [Double] = []
        scalars.reserveCapacity(copies * n * 64)
        scalars += data.features.scalars
        for _ in 1..<Swift.max(copies, 1) {
            for i in 0..<n {
                let rotation = (2 * uniform(&stream) - 1) * maxRotation
                let scale = scaleRange.lowerBound + (scaleRange.upperBound - scaleRange.lowerBound) * uniform(&stream)
                let dx = (2 * uniform(&stream) - 1) * maxShift, dy = (2 * uniform(&stream) - 1) * maxShift
                scalars += warp(data.features.scalars[(i * 64)..<((i + 1) * 64)], rotation: rotation, scale: scale, dx: dx, dy: dy)
            }
        }
        return Dataset(features: Tensor(shape: [copies * n, 64], scalars: scalars),
                       labels: Array(repeating: data.labels, count: copies).flatMap { $0 }, classCount: data.classCount)
    }

    /// The normalized digits `data` followed by `copies − 1` copies with Gaussian noise of std
    /// `sigma` added to every pixel: [copies·N, D].
    static func noisy(_ data: Dataset, copies: Int, sigma: Double, using stream: inout RandomStream) -> Dataset {
        var scalars: [Double] = []
        scalars.reserveCapacity(copies * data.features.count)
        scalars += data.features.scalars
        for _ in 1..<Swift.max(copies, 1) {
            for v in data.features.scalars { scalars.append(v + sigma * stream.normal()) }
        }
        return Dataset(features: Tensor(shape: [copies * data.count, data.featureCount], scalars: scalars),
                       labels: Array(repeating: data.labels, count: copies).flatMap { $0 }, classCount: data.classCount)
    }

    /// A uniform draw in [0, 1) from 53 random bits.
    static func uniform(_ stream: inout RandomStream) -> Double {
        Double(stream.next() >> 11) * 0x1p-53
    }
}
