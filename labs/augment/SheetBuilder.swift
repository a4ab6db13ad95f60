import NNImage

/// Collects a sheet's tiles and JSON samples side by side, so the two can never disagree.
struct SheetBuilder {
    var kind: SheetKind
    var seed: UInt64
    var inputs: [String]
    var tiles: [ContactSheet.Tile] = []
    var samples: [SheetData.Sample] = []
    var columns: Int?
    var findings: [String] = []
    var tileSide: Int?
    /// How the samples were drawn, when not independently (mixup's stratified λ).
    var sampling: String?

    init(kind: SheetKind, seed: UInt64, inputs: [String]) {
        self.kind = kind
        self.seed = seed
        self.inputs = inputs
    }

    mutating func addOriginal(_ image: Image) {
        add(image, caption: "original \(image.size)") { _ in }
    }

    /// Adds a tile and its JSON record; `fill` sets the record's parameters.
    mutating func add(_ image: Image, caption: String, pixelated: Bool = false, fill: (inout SheetData.Sample) -> Void) {
        var sample = SheetData.Sample(index: samples.count, caption: caption, size: image.size)
        fill(&sample)
        samples.append(sample)
        tiles.append(ContactSheet.Tile(image: image, caption: caption, pixelated: pixelated))
    }

    var sheet: ContactSheet {
        let n = tiles.count
        var side = 1
        while side * side < n { side += 1 }
        let columns = self.columns ?? side
        let tileSide = self.tileSide ?? (n > 16 ? 170 : 230)
        let data = SheetData(sheet: kind.rawValue, figure: kind.title, lecturePoint: kind.lecturePoint, seed: seed,
                             findings: findings, inputs: inputs, samples: samples, sampling: sampling)
        return ContactSheet(kind: kind, title: kind.title, tiles: tiles, columns: columns, tileSide: tileSide, data: data)
    }
}
