import NNEngine

/// An ordered list of named tensors: a problem's inputs, a reference answer, or a submission.
///
/// Order matters for determinism (files and messages list keys as the exercise declares them),
/// so this is an array of pairs with a lookup, not a dictionary.
public struct NamedArrays: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public var value: Tensor
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public init(_ pairs: [(String, Tensor)]) {
        for (name, value) in pairs { self[name] = value }
    }

    /// The tensor called `name`; setting replaces it in place or appends it.
    public subscript(name: String) -> Tensor? {
        get { entries.first { $0.name == name }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(name: name, value: newValue))
            }
        }
    }

    /// The tensor called `name`; a missing input is a programming error in the exercise.
    public func require(_ name: String) -> Tensor {
        guard let t = self[name] else { preconditionFailure("no array named \(name)") }
        return t
    }

    /// A scalar input `[]` or `[1]` as a number.
    public func scalar(_ name: String) -> Double { require(name).scalars[0] }

    /// An input holding class labels or other integers.
    public func integers(_ name: String) -> [Int] { require(name).scalars.map { Int($0) } }

    public var names: [String] { entries.map(\.name) }

    /// These arrays with `other`'s entries replacing or added to them.
    public func merging(_ other: NamedArrays) -> NamedArrays {
        var merged = self
        for entry in other.entries { merged[entry.name] = entry.value }
        return merged
    }
}

extension Tensor {
    /// A rank-0 tensor holding one number, written to JSON as a bare number.
    static func scalar(_ x: Double) -> Tensor { Tensor(shape: [], scalars: [x]) }
}
