import NNEngine

/// The neurons lab's stream purposes (see `StreamKey`): every random number of the lab comes from
/// `RandomStream(seed:)` followed by one of these paths, so each experiment draws the same numbers
/// whichever others run and however many cores there are.
extension StreamKey {
    /// The XOR points of figures 2 and 3.
    static let xor = StreamKey("xor")
    /// Initial weights of fit `i` (figures 2–4).
    static func fit(_ i: Int) -> StreamKey { StreamKey("fit", index: i) }
    /// The spiral of figure 5.
    static let spiral = StreamKey("spiral")
    /// Training seed `i` of figure 5 (init and shuffles come from it, see `Trainer`).
    static func trial(_ i: Int) -> StreamKey { StreamKey("trial", index: i) }
}
