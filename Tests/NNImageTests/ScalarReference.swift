import NNEngine
@testable import NNImage

/// The plain Swift loops the C kernels replaced, kept verbatim as the reference each kernel must
/// equal bit for bit (`ImageKernelTests`).
enum ScalarReference {
    static func resized(_ image: Image, region: PixelRect, to size: ImageSize, filter: ResamplingFilter) -> Image {
        let (width, planeCount) = (image.width, image.planeCount)
        let horizontal = ResamplingCoefficients(filter: filter, inputSize: image.width, start: region.x,
                                                length: region.width, outputSize: size.width)
        let vertical = ResamplingCoefficients(filter: filter, inputSize: image.height, start: region.y,
                                              length: region.height, outputSize: size.height)
        let rows = vertical.inputRange
        let (outW, outH) = (size.width, size.height)
        var middle = [Float](repeating: 0, count: rows.count * outW)
        var out = [Float](repeating: 0, count: 3 * outW * outH)
        for c in 0..<3 {
            for (r, y) in rows.enumerated() {
                for x in 0..<outW {
                    let start = horizontal.first[x], n = horizontal.count[x]
                    var sum: Float = 0
                    for k in 0..<n { sum += image.pixels[c * planeCount + y * width + start + k] * horizontal.weights[x * horizontal.stride + k] }
                    middle[r * outW + x] = sum
                }
            }
            for y in 0..<outH {
                let start = vertical.first[y] - rows.lowerBound, n = vertical.count[y]
                let target = c * outW * outH + y * outW
                for x in 0..<outW { out[target + x] = 0 }
                for k in 0..<n {
                    let weight = vertical.weights[y * vertical.stride + k]
                    for x in 0..<outW { out[target + x] += weight * middle[(start + k) * outW + x] }
                }
            }
        }
        return Image(width: outW, height: outH, pixels: out)
    }

    static func brightness(_ image: Image, _ factor: Float) -> Image {
        var out = image
        for i in out.pixels.indices { out.pixels[i] = min(max(out.pixels[i] * factor, 0), 1) }
        return out
    }

    static func contrast(_ image: Image, _ factor: Float) -> Image {
        let mean = image.meanLuma
        var out = image
        for i in out.pixels.indices { out.pixels[i] = min(max(mean + factor * (out.pixels[i] - mean), 0), 1) }
        return out
    }

    static func saturation(_ image: Image, _ factor: Float) -> Image {
        let n = image.planeCount
        var p = image.pixels
        for i in 0..<n {
            let (r, g, b) = (p[i], p[n + i], p[2 * n + i])
            let y = lumaWeights.r * r + lumaWeights.g * g + lumaWeights.b * b
            p[i] = min(max(y + factor * (r - y), 0), 1)
            p[n + i] = min(max(y + factor * (g - y), 0), 1)
            p[2 * n + i] = min(max(y + factor * (b - y), 0), 1)
        }
        return Image(width: image.width, height: image.height, pixels: p)
    }

    static func flipped(_ image: Image, _ axis: FlipAxis) -> Image {
        let (w, h) = (image.width, image.height)
        var out = image.pixels
        for c in 0..<3 {
            for y in 0..<h {
                let sourceRow = c * w * h + (axis == .vertical ? h - 1 - y : y) * w, targetRow = c * w * h + y * w
                for x in 0..<w { out[targetRow + x] = image.pixels[sourceRow + (axis == .horizontal ? w - 1 - x : x)] }
            }
        }
        return Image(width: w, height: h, pixels: out)
    }

    static func bytes(_ image: Image) -> [UInt8] {
        let plane = image.planeCount
        var bytes = [UInt8](repeating: 0, count: 3 * plane)
        for i in 0..<plane {
            for c in 0..<3 { bytes[i * 3 + c] = UInt8(min(max(image.pixels[c * plane + i], 0), 1) * 255 + 0.5) }
        }
        return bytes
    }
}
