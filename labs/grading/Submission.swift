import Foundation
import NNEngine

/// A student's submission as read: for each expected output, a tensor or the reason it cannot
/// be graded; or, if the file as a whole is unusable, why.
///
/// Reading is strict and never executes anything: the file is checked against the size limit
/// before it is read, parsed by `JSONParser` (depth limit, line and column on errors, no NaN),
/// and each value is checked to be a rectangular array of numbers of the expected shape.
public struct Submission: Sendable {
    /// Per output key: the array, or a one-line reason it is unusable.
    public let arrays: [String: Result<Tensor, Problem>]
    /// Set when nothing in the file can be graded (too big, malformed, not an object).
    public let fileError: String?
    /// Top-level keys that no output asked for, in file order.
    public let unexpectedKeys: [String]

    /// Why one value cannot be graded.
    public enum Problem: Error, Sendable, Equatable {
        case missing
        case wrongType(String)
        case wrongShape(got: [Int], value: Tensor?)

        public var message: String {
            switch self {
            case .missing: return "missing"
            case .wrongType(let what): return what
            case .wrongShape(let got, _): return "got shape \(got)"
            }
        }
    }

    /// Reads `url` for an exercise whose outputs have `shapes`, under `course`'s limits.
    ///
    /// Only a regular file is read (no FIFO, device or folder), and never through a symbolic
    /// link (`InputFile`, `.refuse`): a link in a class's submissions folder could point at any
    /// file the grader can read. With `folder`, the file's real location must also be inside it,
    /// so a linked sub-folder (`subs/alice -> /etc`) is refused too. Messages name the file only,
    /// never the grader's paths.
    public static func read(_ url: URL, expecting shapes: [(key: String, shape: [Int])], course: CourseFile,
                            within folder: URL? = nil) -> Submission {
        if let folder, !isInside(url, folder: folder) {
            return failed("\(url.lastPathComponent) is outside the submissions folder (a symbolic link?); only files in it are read",
                          shapes)
        }
        let data: Data
        do {
            data = try InputFile.read(url, what: "submission", limit: course.maxSubmissionBytes, links: .refuse)
        } catch let error as LabError {
            return failed(error.message.replacingOccurrences(of: url.path, with: url.lastPathComponent), shapes)
        } catch {
            return failed("cannot read \(url.lastPathComponent)", shapes)
        }
        return parse([UInt8](data), expecting: shapes, course: course)
    }

    /// Whether the folder holding `url` is, after resolving every link, `folder` or inside it.
    static func isInside(_ url: URL, folder: URL) -> Bool {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let parent = url.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        return parent == root || parent.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The UTF-8 byte order mark some Windows editors put first; RFC 8259 allows a reader to skip it.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Parses submission bytes (see `read`).
    public static func parse(_ bytes: [UInt8], expecting shapes: [(key: String, shape: [Int])], course: CourseFile) -> Submission {
        guard bytes.count <= course.maxSubmissionBytes else {
            return failed("submission is \(bytes.count) bytes, over the \(course.maxSubmissionBytes)-byte limit", shapes)
        }
        // A UTF-16 file (Windows "Unicode") starts with FF FE or FE FF: say so rather than "unexpected character".
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return failed("the file is UTF-16: save it as UTF-8 (json.dump in Python writes UTF-8)", shapes)
        }
        let body = bytes.starts(with: byteOrderMark) ? Array(bytes.dropFirst(3)) : bytes
        let document: JSONValue
        do {
            document = try JSONParser(maxDepth: course.maxDepth, maxValues: course.maxElements).parse(body)
        } catch let error as JSONParseError {
            return failed("malformed JSON at \(error)", shapes)
        } catch {
            return failed("malformed JSON: \(error)", shapes)
        }
        guard case .object(let pairs) = document else {
            return failed("the submission must be a JSON object with one key per output, got \(document.typeName)", shapes)
        }
        var arrays: [String: Result<Tensor, Problem>] = [:]
        for (key, shape) in shapes {
            guard let value = document[key] else { arrays[key] = .failure(.missing); continue }
            arrays[key] = tensor(from: value, expecting: shape, maxElements: course.maxElements)
        }
        let expected = Set(shapes.map(\.key))
        return Submission(arrays: arrays, fileError: nil, unexpectedKeys: pairs.map(\.key).filter { !expected.contains($0) })
    }

    static func failed(_ message: String, _ shapes: [(key: String, shape: [Int])]) -> Submission {
        var arrays: [String: Result<Tensor, Problem>] = [:]
        for (key, _) in shapes { arrays[key] = .failure(.wrongType(message)) }
        return Submission(arrays: arrays, fileError: message, unexpectedKeys: [])
    }

    /// A rectangular nested array of numbers as a tensor, checked against `shape`. A scalar may
    /// come as a bare number or a one-element array.
    static func tensor(from value: JSONValue, expecting shape: [Int], maxElements: Int = CourseFile().maxElements)
        -> Result<Tensor, Problem> {
        var dims: [Int] = []
        var probe = value
        while case .array(let items) = probe {
            dims.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        // The shape is read off the first element of each level, so a 141-byte file of 33 nested
        // pairs claims 2^33 elements (and 40 levels of 3 overflow Int). Multiply with overflow
        // checks and compare with the limit before anything is allocated: a real array of that
        // size could not have passed the parser's value count, so this one is ragged or too big.
        var count = 1
        for d in dims {
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, product <= maxElements else {
                return .failure(.wrongType("expected an array of numbers of shape \(shape): the first elements describe a shape "
                                           + "\(dims.prefix(8))\(dims.count > 8 ? "…" : "") of more than \(maxElements) elements"))
            }
            count = product
        }
        var scalars: [Double] = []
        scalars.reserveCapacity(count)
        var failure: String?
        func walk(_ v: JSONValue, _ axis: Int, _ path: [Int]) {
            guard failure == nil else { return }
            let at = path.isEmpty ? "" : " at index \(path)"
            if axis == dims.count {
                if case .number(let x) = v { scalars.append(x) } else {
                    failure = "expected a number\(at), got \(v.typeName)"
                }
                return
            }
            guard case .array(let items) = v else { failure = "ragged array: expected an array\(at), got \(v.typeName)"; return }
            guard items.count == dims[axis] else {
                failure = "ragged array: \(items.count) elements\(at) where the first has \(dims[axis])"; return
            }
            for (i, item) in items.enumerated() { walk(item, axis + 1, path + [i]) }
        }
        walk(value, 0, [])
        if let failure {
            return .failure(.wrongType("expected an array of numbers of shape \(shape): \(failure)"))
        }
        if dims == shape { return .success(Tensor(shape: dims, scalars: scalars)) }
        if shape.isEmpty, dims == [1] { return .success(Tensor(shape: [], scalars: scalars)) }
        return .failure(.wrongShape(got: dims, value: Tensor(shape: dims, scalars: scalars)))
    }
}

extension Submission {
    /// A parsed JSON value as a tensor of `shape`. - Throws: the `Problem` if it is not one.
    public static func tensor(_ value: JSONValue, shape: [Int]) throws -> Tensor {
        try tensor(from: value, expecting: shape).get()
    }
}
