import Foundation

/// Text and links made safe for HTML: everything the page shows comes from file names, JSON and
/// command lines, any of which may hold `<`, `&` or quotes.
enum HTMLText {
    /// `text` with `& < > " '` as character references, safe in element content and in quoted
    /// attribute values alike.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A relative URL to the file at `components` below the page's folder: each component
    /// percent-encoded (so `#`, `?`, `:` and spaces in names stay part of the path), then escaped
    /// for an attribute value.
    static func link(_ components: [String]) -> String {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let path = components.map { $0.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }.joined(separator: "/")
        // A first component like `a:b` would read as a URL scheme; `./` keeps it a path.
        return escape("./" + path)
    }
}
