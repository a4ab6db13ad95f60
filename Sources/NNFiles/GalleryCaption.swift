/// The caption a figure's JSON carries for the gallery (the `"caption"` key, read by the gallery's
/// `FigureJSON.Described`): the lecture's claim, the deck it comes from (000–004), what this run
/// measured, its key numbers, and the figure's rank within its lab (0 first).
public struct GalleryCaption: Encodable, Sendable {
    /// One number worth reading off the figure: "best lr" = "0.1".
    public struct Number: Encodable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var lecturePoint: String
    public var deck: String
    public var finding: String
    public var numbers: [Number]
    public var rank: Int

    public init(lecturePoint: String, deck: String, finding: String, numbers: [Number], rank: Int) {
        self.lecturePoint = lecturePoint
        self.deck = deck
        self.finding = finding
        self.numbers = numbers
        self.rank = rank
    }
}

/// One figure's JSON with a gallery caption: its title, seed, caption, the run's parameters and
/// the plotted numbers (`results`).
public struct CaptionedFigureDocument<Parameters: Encodable, Body: Encodable>: Encodable {
    public var figure: String
    public var seed: UInt64
    public var caption: GalleryCaption
    public var parameters: Parameters
    public var results: Body

    public init(figure: String, seed: UInt64, caption: GalleryCaption, parameters: Parameters, results: Body) {
        self.figure = figure
        self.seed = seed
        self.caption = caption
        self.parameters = parameters
        self.results = results
    }
}
