/// Breaks a figure's title into lines that fit its width: gnuplot never wraps, and a finding
/// written into a title ran off both edges of the image.
enum TitleWrap {
    /// About how many characters of the figure's font fit across `size`: a character of DejaVu
    /// Sans is ~0.55 em wide on average, and cairo draws a point as 4/3 pixel; 0.6 em leaves a
    /// margin for wide letters.
    static func characters(across size: FigureSize) -> Int {
        Swift.max(20, Int(Double(size.width) / (0.6 * Double(size.fontSize) * 4 / 3)))
    }

    /// `text` with each of its lines broken at spaces into lines of at most `limit` characters (a
    /// word longer than that stays whole, on a line of its own).
    static func wrapped(_ text: String, limit: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if current.isEmpty { current = String(word); continue }
                if current.count + 1 + word.count > limit {
                    lines.append(current)
                    current = String(word)
                } else {
                    current += " " + word
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// `title` wrapped to fit a figure of `size`.
    static func fitted(_ title: String, to size: FigureSize) -> String {
        wrapped(title, limit: characters(across: size))
    }
}
