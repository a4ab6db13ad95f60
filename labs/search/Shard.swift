import Foundation
import NNEngine

/// The part of a search one process runs: the trials whose index is ≡ `index` mod `count`
/// (`--shard I/N`, as a Slurm array task or one GNU parallel job).
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// The whole search, in one process.
    public static let whole = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N` with `0 ≤ I < N`.
    /// - Throws: `LabError` with one line saying what is wrong and what is expected.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw LabError("--shard '\(text)' is not I/N (shard I of N, counted from 0), e.g. --shard 0/4")
        }
        guard n >= 1 else { throw LabError("--shard '\(text)': the number of shards N must be at least 1, e.g. --shard 0/4") }
        guard i >= 0, i < n else {
            throw LabError("--shard '\(text)': the shard I must be 0 to \(n - 1) for N = \(n) (shards count from 0), e.g. --shard 0/\(n)")
        }
        self.init(index: i, count: n)
    }

    /// Whether trial `i` is this shard's.
    public func owns(_ i: Int) -> Bool { i % count == index }

    public var description: String { "\(index)/\(count)" }
}
