import Foundation
import NNFiles

/// One trial's file, `<search>-trial-<index>.json` under `<out>/search/trials/`: the search it
/// belongs to (its identity and whole configuration, so that a merge needs nothing else), what
/// was trained and what it measured. Written atomically once the trial has finished, so that its
/// presence, once it decodes and matches, means the trial is done.
public struct TrialRecord: Codable, Equatable, Sendable {
    public var search: String
    public var configuration: SearchConfiguration
    public var trial: TrialSpec
    public var result: TrialResult

    /// The file name of trial `index` of search `search`: `3fa2…-trial-0042.json`.
    public static func fileName(search: String, index: Int) -> String {
        "\(search)-trial-\(String(format: "%04d", index)).json"
    }

    /// Whether `name` looks like a trial file.
    static func isTrialFile(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.hasSuffix(".json") && name.contains("-trial-")
    }

    /// The record in `url`, or nil if it does not decode (a file cut short, edited, or not ours).
    static func read(_ url: URL) -> TrialRecord? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return decode(data)
    }

    /// The record in `data`, or nil. NaN and ±∞ (a diverged trial's loss) are read back from the
    /// strings `JSONOutput` writes for them.
    static func decode(_ data: Data) -> TrialRecord? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(TrialRecord.self, from: data)
    }

    /// Writes the record atomically (temporary file, then rename) into `folder`.
    func write(into folder: URL) throws {
        try JSONOutput.write(self, to: folder.appendingPathComponent(Self.fileName(search: search, index: trial.index)))
    }
}
