import Foundation

/// The gallery as one HTML page: a table of contents, then a section per lab with a card per
/// figure. Self-contained (inline CSS, no script, no font or file from the network), so it opens
/// from disk on a machine without a network; links are relative, so the folder can be moved or
/// served as it is. Every piece of text is escaped (`HTMLText`).
struct GalleryPage {
    var sections: [GallerySection]
    /// The output folder, as the user named it, for the heading.
    var root: String

    var html: String {
        let count = sections.reduce(0) { $0 + $1.figures.count }
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>NNLab figures</title>
            <style>\(GalleryStyle.css)</style>
            </head>
            <body>
            <header>
            <h1>NNLab figures</h1>
            <p class="lead">\(count) figure\(count == 1 ? "" : "s") in \(HTMLText.escape(root)), each with the lecture point it makes, \
            the numbers behind it and the command that draws it again. Rebuilt whenever a lab finishes.</p>

            """
        if sections.isEmpty {
            page += "<p>No figures yet: run <code>lab all</code>.</p>\n"
        } else {
            page += "<nav aria-label=\"Contents\"><h2>Contents</h2><ol>\n"
            for (index, section) in sections.enumerated() {
                page += "<li><a href=\"#lab-\(index + 1)\">\(HTMLText.escape(section.name))</a> "
                    + "<span class=\"count\">\(section.figures.count)</span></li>\n"
            }
            page += "</ol></nav>\n"
        }
        page += "</header>\n<main>\n"
        for (index, section) in sections.enumerated() { page += self.section(section, id: "lab-\(index + 1)") }
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    private func section(_ section: GallerySection, id: String) -> String {
        var html = "<section id=\"\(id)\">\n<h2>\(HTMLText.escape(section.name))</h2>\n"
        let command = section.command.map(RunRecord.shellLine)
        if let command {
            html += "<p class=\"made\">Made by <code>\(HTMLText.escape(command))</code></p>\n"
        } else {
            html += "<p class=\"made\">The command that made this folder is not recorded (it was written by hand, by another "
                + "command, or by a run stopped as it finished).</p>\n"
        }
        html += "<div class=\"grid\">\n"
        for figure in section.figures { html += card(figure, command: command) }
        return html + "</div>\n</section>\n"
    }

    private func card(_ figure: GalleryFigure, command: String?) -> String {
        let caption = figure.caption
        let name = figure.path.joined(separator: "/")
        let link = HTMLText.link(figure.path)
        var html = "<figure class=\"card\(figure.isWide ? " wide" : "")\(figure.isPanorama ? " panorama" : "")\">\n"
        switch figure.display {
        case .image:
            let size = figure.size.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
            html += "<a class=\"picture\" href=\"\(link)\"><img src=\"\(link)\" alt=\"\(HTMLText.escape(caption.title))\"\(size)></a>\n"
        case .link:
            html += "<a class=\"picture document\" href=\"\(link)\">PDF figure: open \(HTMLText.escape(figure.path.last ?? ""))</a>\n"
        }
        html += "<figcaption>\n<h3>\(HTMLText.escape(caption.title))</h3>\n"
        html += "<p class=\"point\">\(HTMLText.escape(caption.lecturePoint))"
        if let deck = caption.deck { html += " <span class=\"deck\">(\(HTMLText.escape(deck.title)))</span>" }
        html += "</p>\n"
        if let finding = caption.finding { html += "<p class=\"finding\">\(HTMLText.escape(finding))</p>\n" }
        if !caption.numbers.isEmpty {
            html += "<dl class=\"numbers\">\n"
            for number in caption.numbers {
                html += "<div><dt>\(HTMLText.escape(number.name))</dt><dd>\(HTMLText.escape(number.value))</dd></div>\n"
            }
            html += "</dl>\n"
        }
        html += "<p class=\"files\"><a href=\"\(link)\">\(HTMLText.escape(name))</a>"
        if let json = figure.json {
            html += " · <a href=\"\(HTMLText.link(json))\">\(HTMLText.escape(json.last ?? ""))</a>"
        } else {
            html += " · no JSON"
        }
        html += "</p>\n"
        if let command { html += "<pre class=\"command\"><code>\(HTMLText.escape(command))</code></pre>\n" }
        return html + "</figcaption>\n</figure>\n"
    }
}
