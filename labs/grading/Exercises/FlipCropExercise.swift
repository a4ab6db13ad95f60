import NNEngine
import NNRender

/// Exercise `flip-crop`: the data augmentation of the 001 and 004 decks on a small supplied RGB
/// image, a horizontal flip and a crop of the flipped image (Krizhevsky et al. 2012).
///
/// Inputs: `image` [H, W, 3] (integers 0…255, rows top to bottom), `top`, `left`, `height`,
/// `width`. Outputs: `flipped` [H, W, 3] with `flipped[i, j] = image[i, W−1−j]`, and
/// `crop = flipped[top : top+height, left : left+width]` [height, width, 3].
public struct FlipCropExercise: Exercise {
    public init() {}
    public let name = "flip-crop"
    public let title = "Data augmentation: horizontal flip and crop"
    public let lecture = "001 data augmentation"
    public var integerInputs: Set<String> { ["top", "left", "height", "width"] }

    public let outputs = [OutputSpec("flipped", "the image mirrored left to right", points: 1),
                          OutputSpec("crop", "the crop of the flipped image", points: 1)]

    public var instructions: String {
        """
        `image` is an RGB image as an array [H, W, 3] (row 0 is the top, column 0 the left, channels R, G, B).

        - `flipped`: the image mirrored left to right, `flipped[i, j, c] = image[i, W − 1 − j, c]` (numpy: `image[:, ::-1]`).
        - `crop`: the window of `flipped` with its top-left corner at row `top`, column `left`, of `height` rows and
          `width` columns: `flipped[top:top+height, left:left+width]`.

        Keep the channels in R, G, B order.
        """
    }

    public func makeProblem(using g: inout RandomStream) -> NamedArrays {
        let h = ProblemDraws.integer(5...7, using: &g), w = ProblemDraws.integer(6...8, using: &g)
        let image = Tensor(shape: [h, w, 3], scalars: (0..<(h * w * 3)).map { _ in Double(g.next() % 256) })
        let height = ProblemDraws.integer(2...(h - 2), using: &g), width = ProblemDraws.integer(2...(w - 3), using: &g)
        let top = ProblemDraws.integer(1...(h - height), using: &g), left = ProblemDraws.integer(1...(w - width), using: &g)
        return NamedArrays([("image", image), ("top", .scalar(Double(top))), ("left", .scalar(Double(left))),
                            ("height", .scalar(Double(height))), ("width", .scalar(Double(width)))])
    }

    /// `out[i, j, c] = image[map(i, j, c)]` for an output of `shape`.
    static func remap(_ image: Tensor, shape: [Int], _ source: (Int, Int, Int) -> (Int, Int, Int)) -> Tensor {
        let (w, c) = (image.shape[1], image.shape[2])
        var out: [Double] = []
        out.reserveCapacity(shape.reduce(1, *))
        for i in 0..<shape[0] {
            for j in 0..<shape[1] {
                for k in 0..<shape[2] {
                    let (si, sj, sk) = source(i, j, k)
                    out.append(image.scalars[(si * w + sj) * c + sk])
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    static func flip(_ image: Tensor, horizontal: Bool = true) -> Tensor {
        let (h, w) = (image.shape[0], image.shape[1])
        return remap(image, shape: image.shape) { horizontal ? ($0, w - 1 - $1, $2) : (h - 1 - $0, $1, $2) }
    }

    static func crop(_ image: Tensor, top: Int, left: Int, height: Int, width: Int) -> Tensor {
        remap(image, shape: [height, width, image.shape[2]]) { ($0 + top, $1 + left, $2) }
    }

    func window(_ i: NamedArrays) -> (top: Int, left: Int, height: Int, width: Int) {
        (Int(i.scalar("top")), Int(i.scalar("left")), Int(i.scalar("height")), Int(i.scalar("width")))
    }

    public func reference(for inputs: NamedArrays) -> NamedArrays {
        let flipped = Self.flip(inputs.require("image"))
        let w = window(inputs)
        return NamedArrays([("flipped", flipped), ("crop", Self.crop(flipped, top: w.top, left: w.left, height: w.height, width: w.width))])
    }

    public func mistakes(for inputs: NamedArrays) -> [Mistake] {
        let image = inputs.require("image")
        let w = window(inputs)
        let vertical = Self.flip(image, horizontal: false)
        let channels = Self.remap(Self.flip(image), shape: image.shape) { ($0, $1, 2 - $2) }
        let flipped = Self.flip(image)
        var mistakes = [
            Mistake(.formula, hint: "flipped is mirrored top to bottom: a horizontal flip reverses the columns (axis 1)",
                    answers: NamedArrays([("flipped", vertical),
                                          ("crop", Self.crop(vertical, top: w.top, left: w.left, height: w.height, width: w.width))])),
            Mistake(.formula, hint: "flipped reverses the channels too (RGB → BGR): reverse only axis 1",
                    key: "flipped", value: channels),
            Mistake(.formula, hint: "crop is taken from the original image: crop the flipped one",
                    key: "crop", value: Self.crop(image, top: w.top, left: w.left, height: w.height, width: w.width)),
        ]
        // `flipped[left:left+width, top:top+height]`, when that window exists at all.
        if w.left + w.width <= image.shape[0], w.top + w.height <= image.shape[1], w.height != w.width || w.top != w.left {
            mistakes.append(Mistake(.transposed, hint: "crop swaps rows and columns: the window is [top:top+height, left:left+width]",
                                    key: "crop", value: Self.crop(flipped, top: w.left, left: w.top, height: w.width, width: w.height)))
        }
        return mistakes
    }

    /// The image itself, then `flipped` and `crop` as the reference has them and as submitted,
    /// with the crop window outlined on `flipped`: a flip the wrong way or a window in the wrong
    /// place is plain to see, where a scatter of 0…255 values shows only noise.
    public func picture(inputs: NamedArrays, reference: NamedArrays, submission: NamedArrays) -> Picture? {
        let w = window(inputs)
        return .images(input: inputs.require("image"), outputs: [
            Picture.ImageOutput(name: "flipped", reference: reference.require("flipped"), student: submission["flipped"],
                                window: PixelWindow(top: w.top, left: w.left, height: w.height, width: w.width),
                                windowLabel: "the crop's window"),
            Picture.ImageOutput(name: "crop", reference: reference.require("crop"), student: submission["crop"]),
        ])
    }
}
