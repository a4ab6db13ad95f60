import Foundation
import NNFiles
import NNRender
import XCTest

/// What a lab's output folder holds, checked the way a reader would: every figure complete (and
/// every PNG decoded by libpng), every JSON naming a figure that is there, and all of them from
/// one run.
struct LabSet {
    /// Small configurations of every lab that draws figures, a second or so each.
    static let smallRuns: [(lab: String, arguments: [String])] = [
        ("neurons", ["neurons", "--units", "1,3", "--fit-steps", "20", "--xor-points", "20", "--seeds", "1", "--epochs", "1",
                     "--hidden", "4", "--depth", "1", "--dead-lr", "0.1,1"]),
        ("losses", ["losses", "--sample-size", "50", "--fit-steps", "20", "--examples", "10", "--grid", "11"]),
        ("init-study", ["init-study", "--width", "32", "--depth", "3", "--batch", "4", "--scheme", "xavier-tanh,small"]),
        ("optimizers", ["optimizers", "--function", "valley", "--steps", "20"]),
        ("dropout", ["dropout", "--dataset", "xor", "--keep", "1,0.5", "--hidden", "8", "--planar-hidden", "8", "--epochs", "2",
                     "--ensemble", "2", "--mc-samples", "4", "--grid", "10", "--train-count", "40"]),
        ("normalize", ["normalize", "--gaussian-points", "40", "--leak-splits", "2", "--leak-train-count", "20", "--depth", "2",
                       "--width", "4", "--epochs", "1", "--sweep-epochs", "1", "--sweep-lr", "0.01,0.1", "--batch-size", "8",
                       "--train-count", "40"]),
        ("regularize", ["regularize", "--units", "3", "--capacity-lambdas", "0.01", "--points-per-class", "10", "--planar-epochs", "2",
                        "--hidden", "4", "--train-count", "40", "--epochs", "1", "--batch-size", "8", "--lambdas", "0.001,0.01",
                        "--histogram-lambda", "0.01", "--max-norms", "1", "--copies", "1", "--seeds", "1", "--max-degree", "3",
                        "--sample-points", "8", "--sample-sizes", "8,16", "--draws", "4"]),
        ("babysit", ["babysit", "--dataset", "xor", "--hidden", "8", "--epochs", "2", "--batch-size", "16"]),
        ("search", ["search", "--hidden", "4", "--epochs", "1", "--train-count", "40", "--grid", "2", "--samples", "2", "--coarse", "3",
                    "--fine", "2", "--folds", "2", "--cv-top", "2", "--ensemble", "2"]),
        ("augment", ["augment", "--transform", "hflip", "--samples", "1"]),
        ("grading", ["exercise", "demo"]),
    ]

    let folder: URL

    /// The figure files (by extension) in the folder and its subfolders.
    var figures: [URL] { files.filter { ["png", "svg", "pdf", "gif"].contains($0.pathExtension) } }
    var jsons: [URL] { files.filter { $0.pathExtension == "json" } }

    var files: [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }

    /// Problems a reader would meet: incomplete figures, JSON naming a missing figure, figures of
    /// another run (the `seed` of every JSON's parameters must agree).
    func problems() -> [String] {
        var found: [String] = []
        for figure in figures {
            if let problem = FigureIntegrity.problem(with: figure) { found.append("\(figure.lastPathComponent): \(problem)") }
            // And libpng decodes every pixel of it.
            if figure.pathExtension == "png" {
                do { _ = try PNGImage(contentsOf: figure) } catch { found.append("\(figure.lastPathComponent): \(error)") }
            }
        }
        var seeds = Set<String>()
        for json in jsons {
            guard let data = try? Data(contentsOf: json),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                found.append("\(json.lastPathComponent): not a JSON object")
                continue
            }
            if let file = object[JSONOutput.figureFileKey] as? String,
               !FileManager.default.fileExists(atPath: json.deletingLastPathComponent().appendingPathComponent(file).path) {
                found.append("\(json.lastPathComponent) names \(file), which is missing")
            }
            if let seed = Self.seed(of: object) { seeds.insert(seed) }
        }
        if seeds.count > 1 { found.append("JSON from several runs: seeds \(seeds.sorted())") }
        return found
    }

    /// The seed every JSON of the set names.
    var seed: String? {
        jsons.lazy.compactMap { (try? Data(contentsOf: $0)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } }
            .compactMap(Self.seed(of:)).first
    }

    /// A JSON's seed: in its parameters, or at the top (augment).
    static func seed(of object: [String: Any]) -> String? {
        ((object["parameters"] as? [String: Any])?["seed"] ?? object["seed"]).map { "\($0)" }
    }

    /// Every file and folder under `root` that a finished run would not leave: temporaries (their
    /// names carry a PID), a staging folder's marker, and lock files.
    static func temporaries(under root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).map(\.lastPathComponent)
            .filter { StaleTemporaries.owner(ofTemporaryNamed: $0) != nil || $0 == ".complete" || ($0.hasPrefix(".") && $0.hasSuffix(".lock")) }
    }

    /// The temporaries under `root` that the run with process ID `pid` made: those whose name
    /// carries its PID, and lock files that name it as their holder. A run interrupted before it
    /// got to remove what an earlier, killed run left is answerable only for its own.
    static func temporaries(under root: URL, madeBy pid: pid_t) -> [String] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).compactMap { url -> String? in
            let name = url.lastPathComponent
            if let owner = StaleTemporaries.owner(ofTemporaryNamed: name) { return owner == pid ? name : nil }
            if name.hasPrefix("."), name.hasSuffix(".lock") {
                let holder = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                return holder == "\(pid)" ? name : nil
            }
            if name == ".complete" {
                let folder = url.deletingLastPathComponent().lastPathComponent
                return StaleTemporaries.owner(ofTemporaryNamed: folder) == pid ? name : nil
            }
            return nil
        }.sorted()
    }

    /// A hash of every file's name and bytes, to tell whether a set changed at all.
    var fingerprint: [String: Data] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path.replacingOccurrences(of: folder.path, with: ""), (try? Data(contentsOf: $0)) ?? Data()) })
    }
}
