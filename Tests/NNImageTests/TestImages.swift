import NNEngine
@testable import NNImage

/// Small deterministic images the tests share.
enum TestImages {
    /// Every value distinct: `v = (c · W · H + y · W + x + 1) / (3 W H + 1)`, so any misplaced pixel shows.
    static func ramp(width: Int, height: Int) -> Image {
        let n = 3 * width * height
        return Image(width: width, height: height, pixels: (0..<n).map { Float($0 + 1) / Float(n + 1) })
    }

    /// Seeded uniform noise.
    static func noise(width: Int, height: Int, seed: UInt64 = 7) -> Image {
        var generator = RandomStream(seed: seed)
        return Image(width: width, height: height, pixels: (0..<(3 * width * height)).map { _ in Float(generator.uniform()) })
    }

    /// A checkerboard of `cell`-pixel squares, 0 and 1.
    static func checkerboard(width: Int, height: Int, cell: Int) -> Image {
        var image = Image(width: width, height: height, red: 0, green: 0, blue: 0)
        for c in 0..<3 { for y in 0..<height { for x in 0..<width where (x / cell + y / cell) % 2 == 1 { image[c, x, y] = 1 } } }
        return image
    }

    /// A photo-like image: smooth colour gradients with some correlated colour, 64×48.
    static func gradient() -> Image {
        var image = Image(width: 64, height: 48, red: 0, green: 0, blue: 0)
        for y in 0..<48 {
            for x in 0..<64 {
                let t = Float(x) / 63, s = Float(y) / 47
                image[0, x, y] = 0.2 + 0.6 * t
                image[1, x, y] = 0.1 + 0.5 * t + 0.3 * s
                image[2, x, y] = 0.7 - 0.4 * s
            }
        }
        return image
    }
}
