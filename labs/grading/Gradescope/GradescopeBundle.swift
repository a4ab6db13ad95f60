import Foundation
import NNEngine
import NNFiles
import NNRender

/// The autograder bundle for one exercise, written by `lab gradescope <exercise>`: zip the folder's
/// contents and upload it as a Gradescope "Autograder" (Ubuntu 22.04 base image).
///
///     setup.sh          installs the Swift toolchain and NNLab's libraries, builds `lab` (once per image)
///     run_autograder    grades /autograder/submission/*.json for the student in the metadata
///     course.key        the course key (the bundle is visible to instructors only)
///     course.json       the course file, if one was given
///     nnlab/            NNLab's sources, built by setup.sh
public enum GradescopeBundle {
    /// The Swift release setup.sh installs (swift.org's Ubuntu 22.04 build): the one NNLab is built and tested with.
    public static let swiftVersion = "6.3.1"

    /// Writes the bundle into `folder`, copying NNLab's package from `source` (the folder holding
    /// Package.swift). - Throws: `LabError` if `source` is not an NNLab checkout or a file cannot be written.
    public static func write(exercise: any Exercise, keyFile: URL, courseFile: URL?, source: URL, to folder: URL) throws {
        // Everything is checked before anything is written.
        try check(keyFile: keyFile, courseFile: courseFile, source: source)
        let key = try InputFile.read(keyFile, what: "course key", limit: CourseKey.maxFileSize + 2, links: .follow)
        try AtomicFile.makeDirectory(folder)
        try AtomicFile.write(key, to: folder.appendingPathComponent("course.key"))
        if let courseFile {
            try AtomicFile.write(try InputFile.read(courseFile, what: "course file", limit: 1 << 20, links: .follow),
                                 to: folder.appendingPathComponent("course.json"))
        }
        try copyPackage(from: source, to: folder.appendingPathComponent("nnlab"))
        try writeScript(setupScript(), to: folder.appendingPathComponent("setup.sh"))
        try writeScript(runScript(exercise: exercise, withCourse: courseFile != nil), to: folder.appendingPathComponent("run_autograder"))
    }

    /// Checks the key, the course file and that `source` is an NNLab checkout.
    /// - Throws: `LabError` with one line.
    public static func check(keyFile: URL, courseFile: URL?, source: URL) throws {
        _ = try CourseKey(contentsOf: keyFile)
        if let courseFile { _ = try CourseFile(contentsOf: courseFile) }
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent("Package.swift").path),
              FileManager.default.fileExists(atPath: source.appendingPathComponent("labs/grading").path) else {
            throw LabError("\(source.path) is not an NNLab checkout (no Package.swift and labs/grading); give --source")
        }
    }

    static func writeScript(_ text: String, to url: URL) throws {
        try AtomicFile.write(Data(text.utf8), to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    /// The package without build products, outputs, version control, or the bundle itself (when
    /// the bundle is written inside the source folder, a second run must not copy the first).
    static func copyPackage(from source: URL, to destination: URL) throws {
        let skipped: Set<String> = [".build", ".git", ".swiftpm", "output"]
        if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
        try AtomicFile.makeDirectory(destination)
        let target = destination.resolvingSymlinksInPath().standardizedFileURL.path
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where !skipped.contains(name) {
            let child = source.appendingPathComponent(name).resolvingSymlinksInPath().standardizedFileURL.path
            if target == child || target.hasPrefix(child + "/") { continue }
            // Through `AtomicFile`: a full disk is the one-line "no space left on device writing …".
            try AtomicFile.copyTree(source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
        }
    }

    /// setup.sh: Gradescope runs it as root in /autograder/source when it builds the image.
    static func setupScript() -> String {
        """
        #!/usr/bin/env bash
        # Builds NNLab's `lab` for the autograder (Gradescope runs this once, as root, on Ubuntu 22.04).
        set -euo pipefail
        cd "$(dirname "$0")"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # Swift's runtime needs (swift.org's list for Ubuntu 22.04), then NNLab's libraries (Makefile PACKAGES).
        apt-get install -y -qq --no-install-recommends ca-certificates curl binutils git gnupg2 libc6-dev \\
            libcurl4-openssl-dev libedit2 libgcc-11-dev libpython3-dev libsqlite3-0 libstdc++-11-dev libxml2-dev \\
            libz3-dev pkg-config tzdata unzip zlib1g-dev libpng-dev gnuplot-nox libopenblas-dev liblapacke-dev libdeflate-dev
        SWIFT=swift-\(swiftVersion)-RELEASE
        if [ ! -x /opt/swift/usr/bin/swift ]; then
          curl -fsSL "https://download.swift.org/swift-\(swiftVersion)-release/ubuntu2204/$SWIFT/$SWIFT-ubuntu22.04.tar.gz" -o /tmp/swift.tar.gz
          mkdir -p /opt/swift
          tar -xzf /tmp/swift.tar.gz -C /opt/swift --strip-components=1
          rm /tmp/swift.tar.gz
        fi
        export PATH=/opt/swift/usr/bin:$PATH
        (cd nnlab && swift build -c release --product lab)
        ./nnlab/.build/release/lab --version

        """
    }

    /// run_autograder: Gradescope copies it to /autograder/run_autograder and runs it per submission.
    /// `NNLAB_AUTOGRADER_ROOT` replaces /autograder and `NNLAB_LAB` the built `lab`, for testing.
    static func runScript(exercise: any Exercise, withCourse: Bool) -> String {
        """
        #!/usr/bin/env bash
        # Grades the uploaded JSON for `\(exercise.name)`: the student's problem is regenerated from the course key
        # for the SID in submission_metadata.json; results/results.json is what Gradescope shows.
        set -uo pipefail
        ROOT="${NNLAB_AUTOGRADER_ROOT:-/autograder}"
        LAB="${NNLAB_LAB:-$ROOT/source/nnlab/.build/release/lab}"
        exec "$LAB" gradescope run \(exercise.name) --root "$ROOT" --course-key "$ROOT/source/course.key"\(withCourse ? " --course \"$ROOT/source/course.json\"" : "")

        """
    }
}
