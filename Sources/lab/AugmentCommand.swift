import ArgumentParser
import AugmentLab
import Foundation
import NNEngine
import NNImage
import NNRender

/// `lab augment`: contact sheets of every data augmentation the lectures name, on real photos,
/// each sample captioned with its parameters; or, with --pipeline, augmented copies of a photo.
struct AugmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "augment",
        abstract: "Data augmentation: contact sheets of every transform, with replayable parameters.",
        discussion: """
            Sheets: \(SheetKind.allCases.map(\.rawValue).joined(separator: ", ")).
            Batch mode: --pipeline "flip,crop:224,jitter:0.4" --image in.png --count 100 --out dir/ writes \
            augmented copies and a JSON of their parameters into dir/, using every core.
            Pipeline steps (',' between steps, '|' for one-of, '@p' for random apply): \
            \(Augmentation.pipelineSyntax.joined(separator: ", ")).
            """)

    @Option(help: "Photo to transform, a PNG of at most 256 MiB and 16 megapixels (default: the bundled cat); a second --image replaces the coffee that mixup and cutmix mix in.")
    var image: [String] = []

    @Option(name: .customLong("transform"), help: "Sheets to draw, comma-separated or repeated (default: all).")
    var transforms: [String] = []

    @Option(help: "Random samples per sheet, beside the original.")
    var samples: Int?

    @Option(help: "Batch mode: the pipeline applied to --image, e.g. \"flip,crop:224,jitter:0.4\".")
    var pipeline: String?

    @Option(help: "Batch mode: how many augmented copies to write.")
    var count: Int?

    @OptionGroup var common: CommonOptions

    func run() throws {
        if let pipeline { return try runBatch(pipeline) }
        guard count == nil else { throw LabError("--count needs --pipeline (batch mode)") }
        guard image.count <= 2 else { throw LabError("--image is given \(image.count) times; at most 2 (the photo and the one mixed in)") }
        let names = try CommaList.items(transforms, option: "--transform", example: "hflip,random-resized-crop")
        var sheets = try names.map(SheetKind.init(parsing:))
        if sheets.isEmpty { sheets = SheetKind.allCases }
        let configuration = AugmentConfiguration(image: image.first.map { URL(fileURLWithPath: $0) },
                                                 partner: image.count > 1 ? URL(fileURLWithPath: image[1]) : nil,
                                                 sheets: sheets, samples: samples ?? 8, seed: common.seed)
        let inputs = try AugmentStudy.loadInputs(configuration)
        let renderer = try common.renderer()
        let result = try AugmentStudy.run(configuration, inputs: inputs)
        let output = try common.output(for: "augment")
        let folder = output.url
        let urls = try output.replace { try AugmentReport.write(result, to: $0, renderer: renderer) }
        print(AugmentReport.table(result))
        print("wrote \(urls.count) figures, each with its JSON, to \(folder.path)/")
    }

    func runBatch(_ pipeline: String) throws {
        guard transforms.isEmpty, samples == nil else { throw LabError("--transform and --samples are for the sheets; batch mode (--pipeline) takes --count") }
        guard image.count == 1 else { throw LabError("batch mode (--pipeline) needs exactly one --image") }
        // Batch mode writes PNG copies at the size the pipeline gives them; --format and --size
        // shape the sheets' figures, and taking them silently would suggest they had an effect.
        guard try FigureFormat(parsing: common.format) == .png else {
            throw LabError("batch mode (--pipeline) writes PNG copies; --format \(common.format) is for the sheets")
        }
        guard common.size == nil else {
            throw LabError("batch mode (--pipeline) keeps the size the pipeline gives (e.g. crop:224); --size is for the sheets")
        }
        let batch = AugmentBatch(pipeline: pipeline, image: URL(fileURLWithPath: image[0]), count: count ?? 100, seed: common.seed)
        let folder = try common.outFolder()
        let manifest = try batch.write(to: folder)
        print("wrote \(manifest.count) augmented copies of \(manifest.image) and their parameters to \(folder.path)/")
    }
}
