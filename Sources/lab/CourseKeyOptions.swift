import ArgumentParser
import Foundation
import Grading

/// The course key option shared by `exercise make` and `grade`.
struct CourseKeyOptions: ParsableArguments {
    @Option(name: .customLong("course-key"), help: "File with the course's secret key; without it a public practice key is used.")
    var courseKey: String?

    func load() throws -> CourseKey {
        guard let courseKey else {
            FileHandle.standardError.write(Data("lab: note: no --course-key, using the public practice key\n".utf8))
            return .practice
        }
        return try CourseKey(contentsOf: URL(fileURLWithPath: courseKey))
    }
}
