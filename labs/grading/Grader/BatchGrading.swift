import Foundation
import NNEngine
import NNFiles
import NNRender

/// Grades a whole class: every roster student's submission, in parallel on all cores, each into
/// `<out>/students/<student>/` (results.json, feedback.md, feedback.json, feedback.png), then
/// `gradebook.csv`, `scores.png` and `scores.json` in `<out>/`. The students' folders are one level
/// down so that no ID (`gradebook.csv` is a valid one) can collide with the class's files.
///
/// A submission is looked for at `<dir>/<student>.json`, then `<dir>/<student>/submission.json`,
/// and read only if it is a regular file inside `<dir>` (never through a symbolic link).
/// Nothing one student sends can stop the batch: an unreadable or hostile file is graded 0 with
/// its reason, and a failure to write one student's files is recorded in the gradebook.
public struct BatchGrading {
    public let exercise: any Exercise
    public let grader: Grader
    public let key: CourseKey
    public var workers: Int

    public init(exercise: any Exercise, grader: Grader, key: CourseKey,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.exercise = exercise
        self.grader = grader
        self.key = key
        self.workers = Swift.max(1, workers)
    }

    /// Figures drawn per gnuplot process.
    static let figuresPerProcess = 50

    /// One student's line of the gradebook.
    public struct Entry: Sendable {
        public let student: StudentID
        public let score: Double
        public let maxScore: Double
        public let testScores: [Double]
        /// Why the student's files could not be written or the figure not drawn, if so.
        public let error: String?
        /// Why the submission could not be read at all (missing, malformed, too big), if so.
        public var submissionError: String? = nil
    }

    /// The submission file of `student` in `folder`. Existence is checked without following a
    /// link (`attributesOfItem` is `lstat`), so a link named `<student>.json` is found, and refused
    /// when read, rather than skipped.
    public static func submissionURL(for student: StudentID, in folder: URL) -> URL {
        let flat = folder.appendingPathComponent("\(student.value).json")
        if (try? FileManager.default.attributesOfItem(atPath: flat.path)) != nil { return flat }
        return folder.appendingPathComponent(student.value).appendingPathComponent("submission.json")
    }

    /// The folder of `student`'s feedback under a batch's output folder.
    public static func studentFolder(_ student: StudentID, in out: URL) -> URL {
        out.appendingPathComponent("students").appendingPathComponent(student.value)
    }

    /// A file or folder in the submissions folder that belongs to no roster student.
    public struct Unmatched: Sendable, Equatable {
        /// Its name, made safe to print.
        public let name: String
        /// The roster ID it matches when case is ignored, if one does.
        public let caseOnlyMatch: String?
    }

    /// Every entry of `folder` (`<id>.json` or `<id>/`) whose ID is not on the roster, sorted by
    /// name: a misspelled or miscased file would otherwise be silently ignored and score 0.
    public static func unmatchedSubmissions(in folder: URL, roster: Roster) -> [Unmatched] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let ids = Set(roster.students.map(\.value))
        var lowercased: [String: String] = [:]
        for id in roster.students { lowercased[id.value.lowercased()] = id.value }
        return names.sorted().compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
            guard !ids.contains(stem) else { return nil }
            return Unmatched(name: SafeText.terminal(name, limit: 80), caseOnlyMatch: lowercased[stem.lowercased()])
        }
    }

    /// Grades every student; `progress(done, total)` is called after each (from worker threads).
    public func run(roster: Roster, submissions: URL, out: URL, renderer: FigureRenderer,
                    progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [Entry] {
        try AtomicFile.makeDirectory(out)
        let students = roster.students
        let box = EntryBox(count: students.count)
        let (exercise, grader, key, workers) = (self.exercise, self.grader, self.key, self.workers)
        Parallel.run(workers: workers) { worker in
            var jobs: [(figure: any Figure, url: URL)] = []
            var owners: [Int] = []
            for index in stride(from: worker, to: students.count, by: workers) {
                let student = students[index]
                let report = grader.grade(exercise, student: student, key: key,
                                          submission: Self.submissionURL(for: student, in: submissions), within: submissions)
                var failure: String?
                do {
                    let job = try FeedbackReport.write(report, exercise: exercise, to: Self.studentFolder(student, in: out),
                                                       renderer: renderer)
                    jobs.append(job)
                    owners.append(index)
                } catch {
                    failure = "\(error)"
                }
                box.set(index, Entry(student: student, score: report.score, maxScore: report.maxScore,
                                     testScores: report.tests.map(\.score), error: failure,
                                     submissionError: report.fileError))
                progress(box.finish(), students.count)
            }
            // One gnuplot process per worker and chunk of figures: one per figure would cost ~80 ms of
            // start-up each, one for all of them holds every figure's data in one script.
            for start in stride(from: 0, to: jobs.count, by: Self.figuresPerProcess) {
                let end = Swift.min(start + Self.figuresPerProcess, jobs.count)
                do { try renderer.render(Array(jobs[start..<end])) } catch {
                    for index in owners[start..<end] { box.annotate(index, "feedback.png not drawn: \(error)") }
                }
            }
        }
        let entries = box.entries.map { $0! }
        try writeGradebook(entries, to: out.appendingPathComponent("gradebook.csv"))
        try writeScores(entries, to: out, renderer: renderer)
        return entries
    }

    func writeGradebook(_ entries: [Entry], to url: URL) throws {
        var csv = (["student", "score", "max_score"] + exercise.outputs.map(\.key) + ["problem"]).joined(separator: ",") + "\n"
        for entry in entries {
            // The problem column: why the submission was unreadable, or why its feedback was not written.
            // It quotes the student's file (a parse error shows the offending character), so it and the
            // ID go through `SafeText.csvCell`: quoted, no control characters, no leading `= + - @`.
            let problem = [entry.submissionError, entry.error].compactMap { $0 }.joined(separator: "; ")
            let fields = [SafeText.csvCell(entry.student.value), FeedbackText.points(entry.score), FeedbackText.points(entry.maxScore)]
                + entry.testScores.map(FeedbackText.points)
                + [problem.isEmpty ? "" : SafeText.csvCell(problem, limit: 300)]
            csv += fields.joined(separator: ",") + "\n"
        }
        try AtomicFile.write(Data(csv.utf8), to: url)
    }

    /// The numbers behind scores.png.
    struct ScoresData: Codable {
        var exercise: String
        var maxScore: Double
        var students: Int
        var mean: Double
        var median: Double
        var histogram: Histogram
    }

    func writeScores(_ entries: [Entry], to folder: URL, renderer: FigureRenderer) throws {
        let scores = entries.map(\.score)
        let maxScore = exercise.points
        let histogram = Histogram(scores, bins: 20, lower: 0, upper: maxScore)
        let sorted = scores.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let mean = scores.reduce(0, +) / Double(scores.count)
        try JSONOutput.write(ScoresData(exercise: exercise.name, maxScore: maxScore, students: scores.count, mean: mean,
                                        median: median, histogram: histogram),
                             to: folder.appendingPathComponent("scores.json"), figure: renderer.url(for: "scores", in: folder))
        let figure = HistogramGrid(title: "\(exercise.name): scores of \(scores.count) students (mean \(String(format: "%.2f", mean)), median \(FeedbackText.points(median)))",
                                   xLabel: "score (of \(FeedbackText.points(maxScore)))",
                                   panels: [HistogramGrid.Panel(title: "", histogram: histogram)])
        try renderer.render([(figure, renderer.url(for: "scores", in: folder))])
    }
}

/// The entries being filled by the workers, each index written by exactly one worker, under a lock.
private final class EntryBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var entries: [BatchGrading.Entry?]
    private var done = 0

    init(count: Int) { entries = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ entry: BatchGrading.Entry) {
        lock.lock(); defer { lock.unlock() }
        entries[index] = entry
    }

    func annotate(_ index: Int, _ message: String) {
        lock.lock(); defer { lock.unlock() }
        guard let e = entries[index] else { return }
        entries[index] = BatchGrading.Entry(student: e.student, score: e.score, maxScore: e.maxScore, testScores: e.testScores,
                                            error: e.error ?? message, submissionError: e.submissionError)
    }

    func finish() -> Int {
        lock.lock(); defer { lock.unlock() }
        done += 1
        return done
    }
}
