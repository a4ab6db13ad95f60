import Foundation
import NNEngine
import NNFiles
import NNRender

/// The figures of every lab under an output folder as one web page, `<out>/index.html`: each figure
/// with its caption (lecture point, deck, key numbers from its JSON), links to the image and the
/// JSON, and the command that draws it again.
///
/// The page is rebuilt from whatever lab folders are under `<out>` whenever a lab finishes, so
/// running one lab keeps the others' sections. It is written like a lab's set: under a lock on
/// the output folder (two labs finishing together write one after the other, and the last one
/// scans after both swaps), into a staging folder, then renamed into place (`OutputFolder` with
/// `.addedFiles`), so a browser never loads half a page.
public enum Gallery {
    /// The page's file name in the output folder.
    public static let fileName = "index.html"

    /// Rebuilds `<root>/index.html` from the lab folders under `root`; returns its URL.
    /// - Throws: `LabError` if the page cannot be written.
    @discardableResult
    public static func rebuild(in root: URL) throws -> URL {
        // Quietly: a page takes milliseconds, so another lab's page is not worth a "waiting" line.
        let output = try OutputFolder(root, scope: .addedFiles, note: { _ in })
        try output.replace { staging in
            let page = GalleryPage(sections: GalleryScan.sections(in: output.url), root: output.url.lastPathComponent + "/")
            try AtomicFile.write(Data(page.html.utf8), to: staging.appendingPathComponent(fileName))
        }
        return output.url.appendingPathComponent(fileName)
    }

    /// Rebuilds the page of `<out>` after a command wrote into `folder` (`<out>/<name>`) without
    /// replacing it whole (one student's feedback in an exercise's folder), so no command is
    /// recorded for the folder. A failure is a warning on stderr, as in `labFinished`.
    public static func rebuild(afterWriting folder: URL,
                               warn: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        do {
            try rebuild(in: folder.deletingLastPathComponent())
        } catch {
            warn("lab: warning: the gallery \(folder.deletingLastPathComponent().appendingPathComponent(fileName).path) "
                 + "was not updated: \((error as? LabError)?.message ?? "\(error)")")
        }
    }

    /// What a lab calls once its folder `folder` (`<out>/<lab>`) is in place, while it still
    /// holds the folder's lock: records `command` beside the folder (`RunRecord`) and rebuilds the
    /// page of `<out>`. The figures are written by then, so a failure here is a warning on
    /// stderr, not a failed run.
    public static func labFinished(folder: URL, command: [String],
                                   warn: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        do {
            try RunRecord.write(command, for: folder)
            try rebuild(in: folder.deletingLastPathComponent())
        } catch {
            warn("lab: warning: the gallery \(folder.deletingLastPathComponent().appendingPathComponent(fileName).path) "
                 + "was not updated: \((error as? LabError)?.message ?? "\(error)")")
        }
    }
}
