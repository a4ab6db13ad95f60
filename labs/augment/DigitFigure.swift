import Foundation
import NNEngine
import NNImage

/// The "don't change the class" figure: a handwritten 6 of the UCI digits rotated by 180° reads
/// as a 9, while small rotations keep it a 6.
///
/// Every tile is classified by its nearest neighbour (Euclidean over the 64 intensities, among
/// all 1797 digits but the source), so the figure states with data what a transform turned the
/// digit into. Over every 6 in the set it counts how many rotated copies are nearest to a 9, and
/// shows the first 6 for which that happens (the 8×8 digits are coarse, so not all do).
enum DigitFigure {
    static func build(into builder: inout SheetBuilder) throws {
        let url = try BundledData.require(BundledData.digits)
        let digits = try Digit.load(url)
        let sixes = digits.filter { $0.label == 6 }
        guard !sixes.isEmpty, let nine = digits.first(where: { $0.label == 9 }) else { throw LabError("\(url.path) has no 6 or no 9") }
        let upsideDown = AffineWarp.Parameters(degrees: 180, fill: .constant(1))
        let small = [AffineWarp.Parameters(degrees: 15, fill: .constant(1)), AffineWarp.Parameters(degrees: -15, fill: .constant(1))]
        var nines = 0, stillSix = 0
        var chosen: Digit?
        for six in sixes {
            let label = nearest(upsideDown.apply(to: six.image), among: digits, excluding: six.row)
            if label == 9 { nines += 1; if chosen == nil { chosen = six } }
            stillSix += small.filter { nearest($0.apply(to: six.image), among: digits, excluding: six.row) == 6 }.count
        }
        let six = chosen ?? sixes[0]
        let ninePercent = 100 * Double(nines) / Double(sixes.count)
        let sixPercent = 100 * Double(stillSix) / Double(2 * sixes.count)
        builder.inputs = ["\(url.lastPathComponent): the 6 of row \(six.row + 1) and the 9 of row \(nine.row + 1), 8×8, intensities 0-16"]
        builder.findings = [
            "\(nines) of the \(sixes.count) sixes (\(short(ninePercent))%), rotated by 180°, are nearest to a 9: the transform changed the class",
            "\(stillSix) of \(2 * sixes.count) sixes rotated by ±15° (\(short(sixPercent))%) are still nearest to a 6: small rotations keep it",
        ]
        let source = six.image
        let variants: [(String, Image, TransformRecord?)] = [
            ("a 6 (row \(six.row + 1))", source, nil),
            ("rotated 180°", upsideDown.apply(to: source), .affine(upsideDown)),
            ("rotated +15°", small[0].apply(to: source), .affine(small[0])),
            ("rotated −15°", small[1].apply(to: source), .affine(small[1])),
            ("flipped left-right", source.flipped(.horizontal), .flip(Flip.Parameters(axis: .horizontal, flipped: true))),
            ("a real 9 (row \(nine.row + 1))", nine.image, nil),
        ]
        for (index, (name, image, record)) in variants.enumerated() {
            let label = nearest(image, among: digits, excluding: index == 5 ? nine.row : six.row)
            var caption = "\(name)\nnearest digit: \(label)"
            if index == 1 { caption += " (\(short(ninePercent))% of 6s)" }
            builder.add(image, caption: caption, pixelated: true) {
                $0.transform = record
                $0.label = label
            }
        }
        builder.columns = 3
    }

    /// The label of the digit closest to `image` (read back as intensities `16 · (1 − v)`).
    static func nearest(_ image: Image, among digits: [Digit], excluding row: Int) -> Int {
        let x = image.pixels[0..<64].map { Double(1 - $0) * 16 }
        var best = (distance: Double.infinity, label: -1)
        for digit in digits where digit.row != row {
            var d = 0.0
            for i in 0..<64 {
                let e = x[i] - Double(digit.pixels[i])
                d += e * e
            }
            if d < best.distance { best = (d, digit.label) }
        }
        return best.label
    }
}
