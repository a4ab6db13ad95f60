import Foundation

/// Tiny PNG files in the colour types `PNGImage` must convert, as base64.
///
/// Made with Python's standard library only (zlib and struct, no PIL): the 8-byte signature, an
/// IHDR chunk, a PLTE (and tRNS) chunk for palettes, one IDAT holding `zlib.compress` of the rows
/// each prefixed with filter byte 0, and IEND; every chunk with its `zlib.crc32`.
enum PNGFixtures {
    /// 3×2, 8-bit greyscale (colour type 0): rows [0, 128, 255] and [10, 20, 30].
    static let grey8 = "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAAAAAC4HznGAAAAEElEQVR4nGNgaPjPwCUiBwAIZwG8nGc1oAAAAABJRU5ErkJggg=="
    /// 2×2, 8-bit palette (colour type 3), palette red, green, blue: rows [0, 1] and [2, 0].
    static let palette = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAMAAABFaP0WAAAACVBMVEX/AAAA/wAAAP8tSs2KAAAADklEQVR4nGNgYGRgYgAAAA4ABMaIfPgAAAAASUVORK5CYII="
    /// 2×1, palette red, green with tRNS [128] (red half transparent): indices [0, 1].
    static let paletteWithTransparency = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAMAAADD/I+4AAAABlBMVEX/AAAA/wDSh+9xAAAAAXRSTlOArV5bRgAAAAtJREFUeJxjYGAEAAAEAAK/ej9KAAAAAElFTkSuQmCC"
    /// 2×1, 16-bit RGB (colour type 2), no gAMA chunk: (65535, 0, 32896) and (0x1234, 0xABCD, 0x00FF).
    static let rgb16 = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABEAIAAAAr0DSeAAAAFUlEQVR4nGP4/5+BoaFByGT1WYb/ACX4Bbx88gg6AAAAAElFTkSuQmCC"

    static func data(_ base64: String) -> Data { Data(base64Encoded: base64)! }
}
