import NNEngine

/// Writes the problem files students read: inputs as nested arrays (so that `np.array(value)`
/// gives the right shape), numbers in shortest round-trip form, integral values without `.0` so
/// that class labels load as integers. Keys stay in the given order: byte-identical output.
enum JSONWriter {
    /// `x` as a JSON number. Integral values below 2⁵³ print as integers; others in Swift's
    /// shortest form that reads back to the same double (which JSON accepts, e.g. `1e-05`).
    static func number(_ x: Double) -> String {
        precondition(x.isFinite, "JSON has no literal for \(x)")
        if x == x.rounded(), abs(x) < 9.007_199_254_740_992e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A tensor as nested arrays, one nesting level per axis; a scalar `[]` as a bare number.
    static func tensor(_ t: Tensor) -> String {
        func nest(_ axis: Int, _ offset: Int) -> String {
            if axis == t.rank { return number(t.scalars[offset]) }
            let stride = t.shape[(axis + 1)...].reduce(1, *)
            let items = (0..<t.shape[axis]).map { nest(axis + 1, offset + $0 * stride) }
            return "[" + items.joined(separator: axis == t.rank - 1 ? ", " : ",\n" + String(repeating: " ", count: 5 + axis)) + "]"
        }
        return nest(0, 0)
    }

    /// A string literal with JSON escapes.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// An object with one key per line, values already rendered as JSON.
    static func object(_ pairs: [(String, String)], indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        let lines = pairs.map { "\(pad)\(string($0.0)): \($0.1)" }
        return "{\n" + lines.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "}"
    }
}
