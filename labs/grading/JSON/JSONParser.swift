/// A strict RFC 8259 JSON parser for untrusted submissions, written out so that it can report the
/// line and column of every error and refuse deep nesting before it costs stack.
///
/// Beyond the grammar it rejects, each with its own message: nesting deeper than `maxDepth`;
/// Python's non-standard `NaN`, `Infinity` and `-Infinity` tokens (what `json.dump` writes for
/// `float('nan')`); numbers that overflow a double (`1e999`); duplicate keys in an object;
/// anything after the top-level value. It never evaluates anything: a submission is data.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted. A 4-D tensor inside the submission
    /// object needs 5; 64 leaves room for any honest file and keeps recursion shallow.
    public var maxDepth: Int
    /// The most values (numbers, strings, literals, arrays, objects) a document may hold. Counted
    /// as they are read, so a file of a million tiny arrays stops at the limit instead of
    /// building them all; the default is far above any exercise's outputs.
    public var maxValues: Int

    public init(maxDepth: Int = 64, maxValues: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxValues = maxValues
    }

    /// Parses a whole document. - Throws: `JSONParseError` with line and column.
    public func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var cursor = Cursor(bytes: bytes, maxDepth: maxDepth, maxValues: maxValues)
        cursor.skipWhitespace()
        let value = try cursor.value(depth: 0)
        cursor.skipWhitespace()
        if cursor.index < bytes.count { throw cursor.error("unexpected text after the JSON value") }
        return value
    }

    /// The reading position, advanced byte by byte; line and column are derived on error only.
    struct Cursor {
        let bytes: [UInt8]
        let maxDepth: Int
        let maxValues: Int
        var index = 0
        var values = 0

        func error(_ message: String, at position: Int? = nil) -> JSONParseError {
            let end = Swift.min(position ?? index, bytes.count)
            var line = 1, column = 1
            for i in 0..<end {
                if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            }
            return JSONParseError(message, line: line, column: column)
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard let c = current else { throw error("unexpected end of file: expected a value") }
            values += 1
            if values > maxValues { throw error("more than \(maxValues) values in the file") }
            switch c {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "a"): throw nonFinite()
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "N"), UInt8(ascii: "I"), UInt8(ascii: "i"): throw nonFinite()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("unexpected character '\(printable(c))': expected a value")
            }
        }

        func printable(_ c: UInt8) -> String {
            (0x20..<0x7F).contains(c) ? String(UnicodeScalar(c)) : "\\u{\(String(c, radix: 16))}"
        }

        func nonFinite() -> JSONParseError {
            error("NaN and Infinity are not numbers in JSON (Python writes them for float('nan') and float('inf')); "
                  + "your computation produced a non-finite value")
        }

        mutating func literal(_ word: String) throws {
            let start = index
            for expected in word.utf8 {
                guard current == expected else { throw error("invalid literal: expected '\(word)'", at: start) }
                index += 1
            }
        }

        mutating func object(depth: Int) throws -> JSONValue {
            if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
            index += 1
            var pairs: [(key: String, value: JSONValue)] = []
            var seen = Set<String>()
            skipWhitespace()
            if current == UInt8(ascii: "}") { index += 1; return .object(pairs) }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                let keyStart = index
                let key = try string()
                if !seen.insert(key).inserted { throw error("duplicate key \"\(key)\"", at: keyStart) }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
                index += 1
                skipWhitespace()
                pairs.append((key, try value(depth: depth)))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return .object(pairs)
                case nil: throw error("unexpected end of file: unclosed object")
                default: throw error("expected ',' or '}' in object")
                }
            }
        }

        mutating func array(depth: Int) throws -> JSONValue {
            if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") { index += 1; return .array(elements) }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return .array(elements)
                case nil: throw error("unexpected end of file: unclosed array")
                default: throw error("expected ',' or ']' in array")
                }
            }
        }

        /// A number in JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        mutating func number() throws -> Double {
            let start = index
            func digits() -> Int {
                var n = 0
                while let c = current, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { index += 1; n += 1 }
                return n
            }
            if current == UInt8(ascii: "-") {
                index += 1
                if current == UInt8(ascii: "I") { throw nonFinite() }
            }
            if current == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { throw error("invalid number", at: start) }
            if current == UInt8(ascii: ".") {
                index += 1
                if digits() == 0 { throw error("invalid number: digits must follow '.'", at: start) }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                if digits() == 0 { throw error("invalid number: digits must follow the exponent", at: start) }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let x = Double(text), x.isFinite else {
                throw error("number \(text.prefix(40)) is out of the range of a double", at: start)
            }
            return x
        }

        mutating func string() throws -> String {
            let start = index
            index += 1
            var scalars = String.UnicodeScalarView()
            var run = index
            func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
            while true {
                guard let c = current else { throw error("unexpected end of file: unclosed string", at: start) }
                if c == UInt8(ascii: "\"") { flush(index); index += 1; return String(scalars) }
                if c < 0x20 { throw error("control character in a string") }
                if c != UInt8(ascii: "\\") { index += 1; continue }
                flush(index)
                index += 1
                guard let e = current else { throw error("unexpected end of file in an escape", at: start) }
                index += 1
                switch e {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let unit = try hex4()
                    // Surrogate pairs encode one scalar; a lone surrogate becomes U+FFFD.
                    if (0xD800..<0xDC00).contains(unit), current == UInt8(ascii: "\\"),
                       index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            // Only now is `low − 0xDC00` known not to underflow.
                            scalars.append(UnicodeScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
                        } else {
                            // A high surrogate not followed by a low one: U+FFFD, and the second
                            // escape stands for itself (itself U+FFFD if it is a surrogate too).
                            scalars.append("\u{FFFD}")
                            scalars.append(UnicodeScalar(low) ?? "\u{FFFD}")
                        }
                    } else {
                        scalars.append(UnicodeScalar(unit) ?? "\u{FFFD}")
                    }
                default: throw error("invalid escape '\\\(printable(e))' in a string", at: index - 2)
                }
                run = index
            }
        }

        mutating func hex4() throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let c = current, let digit = Int(String(UnicodeScalar(c)), radix: 16) else {
                    throw error("invalid \\u escape: expected four hex digits")
                }
                value = value * 16 + UInt32(digit)
                index += 1
            }
            return value
        }
    }
}
