import Foundation
import NNEngine
import NNFiles

/// The trial files of a search on disk: finding them, reading them back, checking them.
public enum TrialStore {
    /// The trials folder of a search's output folder: `<folder>/trials`.
    public static func trialsFolder(in searchFolder: URL) -> URL { searchFolder.appendingPathComponent("trials") }

    /// The finished trials of search `c` in `folder`, by index: every file that decodes, names
    /// this search and holds its configuration. Others (cut short, edited, another search's) are
    /// not finished trials; the run redoes them.
    static func finished(in folder: URL, _ c: SearchConfiguration) -> [Int: TrialRecord] {
        let id = c.identity
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var done: [Int: TrialRecord] = [:]
        for name in names.sorted() where TrialRecord.isTrialFile(name) && name.hasPrefix(id) {
            guard let record = TrialRecord.read(folder.appendingPathComponent(name)), record.search == id,
                  record.configuration == c, name == TrialRecord.fileName(search: id, index: record.trial.index) else { continue }
            done[record.trial.index] = record
        }
        return done
    }

    /// The trials folder a `lab search merge` argument names: an output folder (`DIR/search/trials`),
    /// a search folder (`DIR/trials`), or a trials folder itself.
    static func resolve(_ dir: URL) throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LabError("\(dir.path) is not a folder; give the --out folder of each shard, e.g. lab search merge output")
        }
        for candidate in [dir.appendingPathComponent("search/trials"), dir.appendingPathComponent("trials")] {
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return dir
    }

    /// A search's trials gathered from the folders `dirs` (see `resolve`), with the file each came from.
    public struct Gathered {
        public var configuration: SearchConfiguration
        public var records: [Int: TrialRecord]
        public var files: [Int: URL]
    }

    /// Reads every trial file in `dirs`.
    /// - Throws: `LabError` when a folder has no trial files, a file does not decode or does not
    ///   match its name, the folders hold more than one search, or one trial differs between folders.
    public static func gather(_ dirs: [URL]) throws -> Gathered {
        var found: [(url: URL, record: TrialRecord, bytes: Data)] = []
        for dir in dirs {
            let folder = try resolve(dir)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter(TrialRecord.isTrialFile).sorted()
            guard !names.isEmpty else {
                throw LabError("no trial files in \(dir.path) (looked for \(folder.path)/*-trial-*.json); run lab search --out \(dir.path) first")
            }
            for name in names {
                let url = folder.appendingPathComponent(name)
                let bytes = (try? Data(contentsOf: url)) ?? Data()
                guard let record = TrialRecord.decode(bytes), name == TrialRecord.fileName(search: record.search, index: record.trial.index),
                      record.search == record.configuration.identity else {
                    throw LabError("\(url.path) is not a complete trial file; delete it and run its shard again to redo the trial")
                }
                found.append((url, record, bytes))
            }
        }
        let searches = Dictionary(grouping: found, by: \.record.search)
        guard searches.count == 1, let (id, entries) = searches.first else {
            let list = searches.keys.sorted().map { id in
                "\(id) (in \(Set(searches[id]!.map { $0.url.deletingLastPathComponent().path }).sorted().joined(separator: ", ")))"
            }
            throw LabError("the folders hold trials of \(searches.count) different searches: \(list.joined(separator: "; ")); merge the folders of one search")
        }
        var records: [Int: TrialRecord] = [:], files: [Int: URL] = [:], contents: [Int: Data] = [:]
        for (url, record, bytes) in entries {
            // Compared as bytes: a diverged trial's NaN loss is never equal to itself as a number.
            if let other = contents[record.trial.index] {
                guard other == bytes else {
                    throw LabError("trial \(record.trial.index) of search \(id) differs between \(files[record.trial.index]!.path) and \(url.path)")
                }
                continue
            }
            records[record.trial.index] = record
            files[record.trial.index] = url
            contents[record.trial.index] = bytes
        }
        return Gathered(configuration: entries[0].record.configuration, records: records, files: files)
    }

    /// The trials of search `c` alone in `folder` (a one-machine run, which ignores other searches' files).
    public static func gather(search c: SearchConfiguration, in folder: URL) -> Gathered {
        let records = finished(in: folder, c)
        return Gathered(configuration: c, records: records,
                        files: records.mapValues { folder.appendingPathComponent(TrialRecord.fileName(search: $0.search, index: $0.trial.index)) })
    }

    /// "3, 7, 11 and 2 more": the first few of `indices`.
    static func list(_ indices: [Int], shown: Int = 12) -> String {
        let head = indices.prefix(shown).map(String.init).joined(separator: ", ")
        return indices.count > shown ? "\(head) and \(indices.count - shown) more" : head
    }
}
