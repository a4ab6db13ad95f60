import CKernels
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
        // Only the rows and columns the passes read go through the horizontal pass.
        let rows = vertical.inputRange, columns = horizontal.inputRange
        let (outW, outH) = (size.width, size.height)
        let hFirst = horizontal.first.map { Int32($0) }, hCount = horizontal.count.map { Int32($0) }
        let vFirst = vertical.first.map { Int32($0 - rows.lowerBound) }, vCount = vertical.count.map { Int32($0) }
        // Every element is written by the kernels, so no buffer is zeroed first.
        var middle = [Float](unsafeUninitializedCapacity: rows.count * outW) { _, count in count = rows.count * outW }
        var scratch = [Float](unsafeUninitializedCapacity: 16 * (columns.count + outW)) { _, count in count = 16 * (columns.count + outW) }
        let out = [Float](unsafeUninitializedCapacity: 3 * outW * outH) { target, count in
            pixels.withUnsafeBufferPointer { source in
                for c in 0..<3 {
                    // Horizontal pass (sixteen rows per vector), then vertical (along contiguous rows):
                    // `nnlab_resample_horizontal` and `nnlab_resample_vertical`, SIMD on any x86-64.
                    nnlab_resample_horizontal(source.baseAddress! + c * planeCount + rows.lowerBound * width, width, rows.count,
                                              columns.lowerBound, columns.count, hFirst, hCount, horizontal.weights,
                                              horizontal.stride, outW, &middle, outW, &scratch)
                    nnlab_resample_vertical(middle, outW, vFirst, vCount, vertical.weights, vertical.stride, outH,
                                            target.baseAddress! + c * outW * outH)
                }
            }
            count = 3 * outW * outH
        }
        return Image(width: outW, height: outH, pixels: out)
    }
}
