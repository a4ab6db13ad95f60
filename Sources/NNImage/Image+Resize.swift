import Foundation
import NNEngine

extension Image {
    /// The image resampled to `size` with `filter`.
    ///
    /// Separable: a horizontal pass then a vertical pass, each a 1-D convolution with
    /// `ResamplingCoefficients` (antialiased when downscaling).
    /// - Shapes: `[3, H, W]` → `[3, size.height, size.width]`.
    public func resized(to size: ImageSize, filter: ResamplingFilter = .bilinear) -> Image {
        resized(region: PixelRect(x: 0, y: 0, width: width, height: height), to: size, filter: filter)
    }

    /// The pixels of `region` resampled to `size`: a crop and a resize in one pass, as a random
    /// resized crop needs. Pixels just outside `region` still feed the border taps, like
    /// Pillow's `resize(box:)`.
    /// - Shapes: `[3, H, W]` → `[3, size.height, size.width]`.
    public func resized(region: PixelRect, to size: ImageSize, filter: ResamplingFilter = .bilinear) -> Image {
        precondition(region.fits(in: self.size), "resize region \(region) outside the \(width)×\(height) image")
        precondition(size.width > 0 && size.height > 0, "resize to an empty \(size)")
        let horizontal = ResamplingCoefficients(filter: filter, inputSize: width, start: region.x,
                                                length: region.width, outputSize: size.width)
        let vertical = ResamplingCoefficients(filter: filter, inputSize: height, start: region.y,
                                              length: region.height, outputSize: size.height)
        // Only the rows the vertical pass reads go through the horizontal pass.
        let rows = vertical.inputRange
        let (outW, outH) = (size.width, size.height)
        var middle = [Float](repeating: 0, count: rows.count * outW)
        var out = [Float](repeating: 0, count: 3 * outW * outH)
        pixels.withUnsafeBufferPointer { source in
            middle.withUnsafeMutableBufferPointer { mid in
                out.withUnsafeMutableBufferPointer { target in
                    horizontal.weights.withUnsafeBufferPointer { hw in
                        vertical.weights.withUnsafeBufferPointer { vw in
                            for c in 0..<3 {
                                let plane = source.baseAddress! + c * planeCount
                                for (r, y) in rows.enumerated() {
                                    let row = plane + y * width
                                    let midRow = mid.baseAddress! + r * outW
                                    for x in 0..<outW {
                                        let start = horizontal.first[x], n = horizontal.count[x]
                                        let w = hw.baseAddress! + x * horizontal.stride
                                        var sum: Float = 0
                                        for k in 0..<n { sum += row[start + k] * w[k] }
                                        midRow[x] = sum
                                    }
                                }
                                let targetPlane = target.baseAddress! + c * outW * outH
                                for y in 0..<outH {
                                    let start = vertical.first[y] - rows.lowerBound, n = vertical.count[y]
                                    let w = vw.baseAddress! + y * vertical.stride
                                    let targetRow = targetPlane + y * outW
                                    for x in 0..<outW { targetRow[x] = 0 }
                                    // Row-wise accumulation: the inner loop runs over contiguous
                                    // memory and vectorizes.
                                    for k in 0..<n {
                                        let weight = w[k]
                                        let midRow = mid.baseAddress! + (start + k) * outW
                                        for x in 0..<outW { targetRow[x] += weight * midRow[x] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Image(width: outW, height: outH, pixels: out)
    }
}
