import Foundation
import LabTestSupport
import XCTest

/// Every lab on a nearly full disk: a small run fits, then the same lab with another seed finds
/// too little room. It must say so in one line, exit non-zero, leave the first set byte for byte
/// and leave no temporaries. (init-study and augment: `FullDiskTests`; search: `SearchFullDiskTests`.)
final class EveryLabFullDiskTests: XCTestCase {
    /// One lab's case: its small run, the folder it writes under `--out`, the run that must fail,
    /// the disk's size (about 1.5 times what the small run takes, in tmpfs pages), and what part
    /// of the first run's space is left free for the second: half fails in a figure drawn by
    /// gnuplot, 0.8 (losses, regularize) in a JSON written by the lab (the figures come first),
    /// with room to spare for another seed's figures being a little smaller.
    struct Case {
        var lab: String
        var first: [String]
        var second: [String]
        var folder: String
        var diskSize: Int
        var leaving: Double
    }

    /// The labs' small runs (`LabSet.smallRuns`), then a class graded in batch mode, a student's problem and a Gradescope bundle.
    func cases(root: URL) throws -> [Case] {
        let sizes: [String: (Int, Double)] = [
            "neurons": (3584 << 10, 0.5), "losses": (2 << 20, 0.8), "optimizers": (2560 << 10, 0.5), "dropout": (1 << 20, 0.5),
            "normalize": (2 << 20, 0.5), "regularize": (2560 << 10, 0.8), "babysit": (2 << 20, 0.5), "grading": (1 << 20, 0.5),
        ]
        var cases = LabSet.smallRuns.compactMap { lab, arguments -> Case? in
            guard let (size, leaving) = sizes[lab] else { return nil }
            return Case(lab: lab, first: arguments, second: arguments + ["--seed", "1"], folder: lab, diskSize: size, leaving: leaving)
        }
        XCTAssertEqual(cases.count, sizes.count, "a lab of the table has no small run")
        // `lab grade`: one student, then a class of two (it has no seed: the class is what differs).
        let key = root.appendingPathComponent("course.key"), submissions = root.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        try Data("full-disk-secret\n".utf8).write(to: key)
        for student in ["alice", "bob"] { try Data("{}".utf8).write(to: submissions.appendingPathComponent("\(student).json")) }
        func roster(_ name: String, _ students: [String]) throws -> String {
            let url = root.appendingPathComponent(name)
            try Data((["student"] + students).map { $0 + "\n" }.joined().utf8).write(to: url)
            return url.path
        }
        let grade = ["grade", "dropout", "--submissions", submissions.path, "--course-key", key.path]
        cases.append(Case(lab: "grade", first: grade + ["--roster", try roster("one.csv", ["alice"])],
                          second: grade + ["--roster", try roster("two.csv", ["alice", "bob"])], folder: "dropout",
                          diskSize: 512 << 10, leaving: 0.5))
        // `lab exercise make`: one student's problem folder, then another's.
        let make = ["exercise", "make", "dropout", "--course-key", key.path]
        cases.append(Case(lab: "exercise make", first: make + ["--student", "dave"], second: make + ["--student", "erin"],
                          folder: "dropout", diskSize: 256 << 10, leaving: 0.5))
        // `lab gradescope`: a bundle of a tiny NNLab checkout, then one with another key.
        let source = root.appendingPathComponent("checkout")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("labs/grading"), withIntermediateDirectories: true)
        try Data("// swift-tools-version:5.9\n".utf8).write(to: source.appendingPathComponent("Package.swift"))
        try Data(String(repeating: "A lecture's exercise.\n", count: 400).utf8).write(to: source.appendingPathComponent("labs/grading/README.md"))
        let otherKey = root.appendingPathComponent("other.key")
        try Data("another-secret\n".utf8).write(to: otherKey)
        let bundle = ["gradescope", "dropout", "--source", source.path, "--course-key"]
        cases.append(Case(lab: "gradescope", first: bundle + [key.path], second: bundle + [otherKey.path],
                          folder: "dropout", diskSize: 256 << 10, leaving: 0.5))
        return cases
    }

    func testEveryLabOnANearlyFullDiskSaysSoAndKeepsTheEarlierSet() throws {
        try requireLabBinary()
        let root = try makeTemporaryFolder("full-disk-labs")
        for lab in try cases(root: root) {
            let disk = try SmallDisk(size: lab.diskSize, for: self)
            let out = disk.url.appendingPathComponent("out")
            let empty = try disk.available
            let first = try LabBinary.run(lab.first + ["--out", out.path])
            XCTAssertEqual(first.status, 0, "\(lab.lab): \(first.stderr)")
            let set = LabSet(folder: out.appendingPathComponent(lab.folder))
            let before = set.fingerprint
            XCTAssertFalse(before.isEmpty, lab.lab)
            let used = empty - (try disk.available)

            try disk.fill(leaving: Int(Double(used) * lab.leaving))
            let full = try LabBinary.run(lab.second + ["--out", out.path])
            assertFullDiskFailure(full, writingUnder: out, lab.lab)
            XCTAssertEqual(set.fingerprint, before, "\(lab.lab): the earlier set changed")
            XCTAssertEqual(set.problems(), [], lab.lab)
            XCTAssertEqual(LabSet.temporaries(under: disk.url), [], "\(lab.lab): temporaries left on the full disk")
            disk.unmount()
        }
    }
}

extension XCTestCase {
    /// Fails unless `run` ended as a full disk should: a non-zero exit and exactly one stderr line,
    /// `lab: error: no space left on device writing <a file under out>`.
    func assertFullDiskFailure(_ run: LabBinary.Run, writingUnder out: URL, _ what: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(run.status, 0, "\(what): a run that cannot fit succeeded", file: file, line: line)
        XCTAssertEqual(run.stderrLines.count, 1, "\(what): \(run.stderr)", file: file, line: line)
        XCTAssertTrue(run.stderr.hasPrefix("lab: error: no space left on device writing \(out.path)/"), "\(what): \(run.stderr)",
                      file: file, line: line)
    }
}
