/// Text that came from someone else (a submission's key names, a roster line, a file name, a
/// parse error quoting the file) made safe for where it is shown.
///
/// - terminal: no control character reaches the screen. ESC starts escape sequences that can
///   move the cursor, rewrite earlier lines or set the window title; BEL rings; CR and LF forge
///   new lines; U+202E and the other bidirectional overrides reorder what is read. Each becomes
///   `?`, and the text is cut to `limit` characters with `…`.
/// - markdown: the same, with the characters Markdown acts on (`| * _ ` [ ] < > #` …) escaped
///   by a backslash, so a key name cannot break a table or inject a link or HTML.
/// - CSV cell: the same, quoted where needed (RFC 4180, quotes doubled), and a cell that starts with
///   `= + - @`, a tab or CR gets a leading `'` (OWASP's CSV-injection rule), so a spreadsheet
///   shows it as text instead of running it as a formula.
public enum SafeText {
    /// The longest name or message shown by default.
    public static let defaultLimit = 200

    /// Whether `scalar` is a control or a bidirectional-override character.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// `text` without control characters (each becomes `?`), cut to `limit` characters.
    public static func terminal(_ text: String, limit: Int = defaultLimit) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { out.append("…"); break }
            out.append(isUnsafe(scalar) ? "?" : scalar)
            count += 1
        }
        return String(out)
    }

    /// `text` safe inside Markdown, including a table cell.
    public static func markdown(_ text: String, limit: Int = defaultLimit) -> String {
        var out = ""
        for c in terminal(text, limit: limit) {
            if "\\`*_{}[]<>()#+!|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// `text` as one CSV cell that a spreadsheet shows as text: quoted when it holds a comma, a
    /// quote or was defused with `'` (OWASP: prefix, then quote), plain otherwise (`s001`).
    public static func csvCell(_ text: String, limit: Int = defaultLimit) -> String {
        var cell = terminal(text, limit: limit)
        var defused = false
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell; defused = true }
        guard defused || cell.contains(",") || cell.contains("\"") else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
