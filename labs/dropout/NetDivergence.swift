import Foundation
import NNEngine

/// A net whose training loss became NaN or ∞: which net, and where. The lab still draws every
/// figure, from each diverged net's best epoch before it broke (its initial weights if it broke in
/// the first epoch), and says so in the figures, the JSON and the terminal.
public struct NetDivergence: Codable, Equatable, Sendable {
    /// The net in words: "digits, p = 0.5, inverted dropout".
    public var net: String
    /// The step at which the loss broke, and what it became.
    public var outcome: TrajectoryOutcome
    /// Epochs completed before it.
    public var completedEpochs: Int

    /// One line: "digits, p = 0.5: loss became NaN at step 13 (after 1 epoch): learning rate too high?".
    public var message: String {
        "\(net): " + outcome.message.replacingOccurrences(
            of: ":", with: " (after \(completedEpochs) epoch\(completedEpochs == 1 ? "" : "s")):", options: [], range: outcome.message.range(of: ":"))
    }
}
