/// What the gallery prints under a figure: what it plots, the lecture point it makes and the deck
/// that makes it, what this run's numbers show, and a few of those numbers.
struct FigureCaption: Equatable, Sendable {
    /// What is plotted (the JSON's own `figure` description, or the file name).
    var title: String
    /// The lecture's claim the figure reproduces.
    var lecturePoint: String
    /// The deck the claim comes from; nil for a figure NNLab does not know.
    var deck: LectureDeck?
    /// What this run's numbers show, in the lab's words (a verdict, a finding), if it says.
    var finding: String?
    /// A few numbers read from the JSON.
    var numbers: [KeyNumber]
}
