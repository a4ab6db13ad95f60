import Foundation
import NNEngine
import NNFiles
import NNImage
import NNRender

/// The standalone mode, `lab augment --pipeline … --image in.png --count N --out dir/`: N
/// augmented copies of one photo for use elsewhere, with a JSON of every copy's parameters.
///
/// Sample `i` draws from its own keyed stream (`sample i` of the seed), so the output is the
/// same for any number of threads.
/// Work is spread over every core; files go to a hidden staging folder and are moved into place
/// only when every copy succeeded, so a failure or an interrupt leaves no partial set.
public struct AugmentBatch: Sendable {
    public var pipeline: String
    public var image: URL
    public var count: Int
    public var seed: UInt64
    public var threads: Int

    /// At most this many copies in one run.
    public static let countLimit = 100_000

    public init(pipeline: String, image: URL, count: Int, seed: UInt64, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pipeline = pipeline
        self.image = image
        self.count = count
        self.seed = seed
        self.threads = max(1, threads)
    }

    /// What the JSON beside the copies holds.
    public struct Manifest: Codable, Sendable {
        public struct Copy: Codable, Sendable {
            public var file: String
            public var width: Int
            public var height: Int
            public var parameters: TransformRecord
        }
        public var lab = "augment"
        public var mode = "batch"
        public var pipeline: String
        public var image: String
        public var seed: UInt64
        public var count: Int
        public var copies: [Copy]
    }

    /// The stream of copy `index`: `sample index` of the seed's stream.
    public func generator(for index: Int) -> RandomStream {
        RandomStream(seed: seed, path: .sample(index))
    }

    /// Parses the pipeline and reads the photo: every user error surfaces here, before any output.
    public func prepare() throws -> (augmentation: Augmentation, image: Image) {
        guard (1...Self.countLimit).contains(count) else { throw LabError("count must be within 1...\(Self.countLimit), got \(count)") }
        let augmentation = try Augmentation(parsingPipeline: pipeline)
        let input = try Image(contentsOf: image)
        // Copy 0 is computed once up front, so a pipeline that cannot apply to this photo (a crop
        // larger than it) fails before the output folder is touched.
        var first = generator(for: 0)
        _ = try augmentation.sample(input, using: &first)
        return (augmentation, input)
    }

    /// Writes the copies and `<stem>-augment.json` into `folder`; returns the manifest.
    ///
    /// The folder is the user's, so the run adds its files and leaves everything else alone
    /// (`OutputFolder.Scope.addedFiles`): the copies are written into a staging folder inside it,
    /// locked against another run, and moved in only when every copy succeeded.
    public func write(to folder: URL) throws -> Manifest {
        let (augmentation, input) = try prepare()
        let output = try OutputFolder(folder, scope: .addedFiles)
        let stem = image.deletingPathExtension().lastPathComponent
        let digits = max(4, String(count).count)
        let names = (0..<count).map { "\(stem)-\(String(repeating: "0", count: max(0, digits - String($0 + 1).count)))\($0 + 1).png" }
        return try output.replace { staging in
            let results = ResultBox(count: count)
            let workers = min(threads, count)
            // Each worker takes the next copy not yet taken, so a core that other processes share
            // does not hold up the run with a fixed share of the copies (each copy has its own
            // stream, so the output does not depend on which worker made it).
            Parallel.run(workers: workers) { _ in
                while let index = results.claim(below: count) {
                    do {
                        var generator = self.generator(for: index)
                        let (out, record) = try augmentation.sample(input, using: &generator)
                        try out.pngImage().write(to: staging.appendingPathComponent(names[index]))
                        results.set(index, .init(file: names[index], width: out.width, height: out.height, parameters: record))
                    } catch {
                        results.fail(error)
                    }
                }
            }
            if let error = results.error { throw error }
            let manifest = Manifest(pipeline: pipeline, image: image.lastPathComponent, seed: seed, count: count,
                                    copies: results.copies.map { $0! })
            try JSONOutput.write(manifest, to: staging.appendingPathComponent("\(stem)-augment.json"))
            return manifest
        }
    }
}

/// The workers' results, written under a lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var copies: [AugmentBatch.Manifest.Copy?]
    private(set) var error: Error?
    private var next = 0
    init(count: Int) { copies = Array(repeating: nil, count: count) }
    /// The next index below `count` no worker has taken, or nil when all are taken or one failed.
    func claim(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard error == nil, next < count else { return nil }
        next += 1
        return next - 1
    }
    func set(_ index: Int, _ copy: AugmentBatch.Manifest.Copy) { lock.lock(); copies[index] = copy; lock.unlock() }
    func fail(_ error: Error) { lock.lock(); if self.error == nil { self.error = error }; lock.unlock() }
}
