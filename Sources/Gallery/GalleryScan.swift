import Foundation

/// Finds every figure under an output folder, pairs each with its JSON and captions it.
///
/// Each visible folder directly under the output folder is a section (a lab's folder, or one the
/// user made); every figure file below it, at any depth, is a figure. Hidden files and folders
/// (staging folders of runs in progress, locks, records) are skipped, and symbolic links are
/// not followed, so the page shows only what the labs' folders hold.
enum GalleryScan {
    static func sections(in root: URL) -> [GallerySection] {
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && isFolder(root.appendingPathComponent($0)) }
            .sorted { GallerySection.order($0) < GallerySection.order($1) }
            .compactMap { name -> GallerySection? in
                let folder = root.appendingPathComponent(name)
                let figures = figures(in: folder, path: [name])
                guard !figures.isEmpty else { return nil }
                return GallerySection(name: name, figures: figures, command: RunRecord.command(for: folder))
            }
    }

    /// The figures in `folder` (at `path` below the root) and its subfolders, in display order.
    private static func figures(in folder: URL, path: [String]) -> [GalleryFigure] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let files = names.filter { isRegularFile(folder.appendingPathComponent($0)) }
        // Each JSON names its figure (`figureFile`); one that does not pairs with the figure of its stem.
        var jsonOfFigure: [String: (name: String, data: Data)] = [:]
        for name in files where name.lowercased().hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { continue }
            let named = FigureJSON.decode(FigureFile.self, from: data)?.figureFile
            for figure in named.map({ [$0] }) ?? GalleryFigure.fileExtensions.map({ "\(stem(name)).\($0)" }) where jsonOfFigure[figure] == nil {
                jsonOfFigure[figure] = (name, data)
            }
        }
        var found: [GalleryFigure] = []
        for name in files where GalleryFigure.fileExtensions.contains((name as NSString).pathExtension.lowercased()) {
            let json = jsonOfFigure[name]
            let probe = json.flatMap { FigureJSON.decode(FigureKind.Probe.self, from: $0.data) }
            let kind = FigureKind(stem: stem(name), probe: probe)
            let caption = kind.caption(fileName: name, json: json?.data) { sibling in
                try? Data(contentsOf: folder.appendingPathComponent(sibling))
            }
            found.append(GalleryFigure(path: path + [name], json: json.map { path + [$0.name] }, kind: kind, caption: caption,
                                       size: ImageDimensions.read(folder.appendingPathComponent(name))))
        }
        found.sort { ($0.kind.order.rank, $0.kind.order.group, $0.path.last ?? "") < ($1.kind.order.rank, $1.kind.order.group, $1.path.last ?? "") }
        for name in names where isFolder(folder.appendingPathComponent(name)) {
            found += figures(in: folder.appendingPathComponent(name), path: path + [name])
        }
        return found
    }

    private struct FigureFile: Decodable { var figureFile: String }

    private static func stem(_ name: String) -> String { (name as NSString).deletingPathExtension }

    /// A real folder, not a link to one.
    private static func isFolder(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])).map { $0.isDirectory == true && $0.isSymbolicLink != true } ?? false
    }

    private static func isRegularFile(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])).map { $0.isRegularFile == true && $0.isSymbolicLink != true } ?? false
    }
}
