import Foundation
import NNEngine

/// The grading policy of a course, read from a JSON course file (every field optional):
///
///     { "bands": [{"maxRelativeError": 1e-4, "credit": 1, "label": "correct"}, …],
///       "elementFloor": 1e-3, "maxSubmissionBytes": 1048576, "maxDepth": 64,
///       "maxElements": 131072, "deadline": "2025-12-01T23:59:00Z", "revealReferenceAfterDeadline": true }
///
/// Defaults: the lectures' bands (`ScoreBand.lectureDefaults`), `τ = 1e-3` (see `RelativeError`),
/// 1 MiB per submission, nesting depth 64, 131 072 values, reference values never shown.
public struct CourseFile: Codable, Equatable, Sendable {
    public var bands: [ScoreBand]
    /// `τ` in `RelativeError`; 0 gives CS231n's measure exactly.
    public var elementFloor: Double
    /// Submissions larger than this are rejected before parsing.
    public var maxSubmissionBytes: Int
    public var maxDepth: Int
    /// The most JSON values a submission may hold (and so the most elements of any array),
    /// counted while parsing, before the arrays are built.
    public var maxElements: Int
    /// After this instant, and only if `revealReferenceAfterDeadline`, feedback shows reference values.
    public var deadline: Date?
    public var revealReferenceAfterDeadline: Bool

    public init(bands: [ScoreBand] = ScoreBand.lectureDefaults, elementFloor: Double = 1e-3,
                maxSubmissionBytes: Int = 1 << 20, maxDepth: Int = 64, maxElements: Int = 1 << 17, deadline: Date? = nil,
                revealReferenceAfterDeadline: Bool = false) {
        self.bands = bands
        self.elementFloor = elementFloor
        self.maxSubmissionBytes = maxSubmissionBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.deadline = deadline
        self.revealReferenceAfterDeadline = revealReferenceAfterDeadline
    }

    enum CodingKeys: String, CodingKey {
        case bands, elementFloor, maxSubmissionBytes, maxDepth, maxElements, deadline, revealReferenceAfterDeadline
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CourseFile()
        bands = try c.decodeIfPresent([ScoreBand].self, forKey: .bands) ?? d.bands
        elementFloor = try c.decodeIfPresent(Double.self, forKey: .elementFloor) ?? d.elementFloor
        maxSubmissionBytes = try c.decodeIfPresent(Int.self, forKey: .maxSubmissionBytes) ?? d.maxSubmissionBytes
        maxDepth = try c.decodeIfPresent(Int.self, forKey: .maxDepth) ?? d.maxDepth
        maxElements = try c.decodeIfPresent(Int.self, forKey: .maxElements) ?? d.maxElements
        deadline = try c.decodeIfPresent(Date.self, forKey: .deadline)
        revealReferenceAfterDeadline = try c.decodeIfPresent(Bool.self, forKey: .revealReferenceAfterDeadline) ?? false
    }

    /// Reads and validates a course file. - Throws: `LabError` with a one-line reason.
    public init(contentsOf url: URL) throws {
        let data = try InputFile.read(url, what: "course file", limit: 1 << 20, links: .follow)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { self = try decoder.decode(CourseFile.self, from: data) } catch {
            throw LabError("course file \(url.path) is not valid: \(error.localizedDescription); see labs/grading/README.md")
        }
        try validate()
    }

    /// Checks the bands and limits. - Throws: `LabError`.
    public func validate() throws {
        for band in bands {
            guard band.maxRelativeError.isFinite, band.maxRelativeError >= 0, (0...1).contains(band.credit) else {
                throw LabError("course file band '\(band.label)': maxRelativeError must be ≥ 0 and credit within 0...1")
            }
        }
        guard elementFloor.isFinite, (0..<1).contains(elementFloor) else { throw LabError("course file elementFloor must be in [0, 1)") }
        guard (1...(1 << 30)).contains(maxSubmissionBytes) else { throw LabError("course file maxSubmissionBytes must be within 1...2^30") }
        guard (2...512).contains(maxDepth) else { throw LabError("course file maxDepth must be within 2...512") }
        guard (1...(1 << 24)).contains(maxElements) else { throw LabError("course file maxElements must be within 1...2^24") }
    }

    /// Whether reference values may be shown at `now`.
    public func revealsReference(at now: Date) -> Bool {
        guard revealReferenceAfterDeadline, let deadline else { return false }
        return now >= deadline
    }
}
