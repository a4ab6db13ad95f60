import Foundation
import LabTestSupport
import XCTest

/// What the end-to-end search tests share: a tiny search's options, and comparing two output folders.
enum SearchFolders {
    /// A search of 23 trials of 8-unit nets trained for `epochs` epochs on 100 digits.
    static func tinySearch(epochs: Int = 2) -> [String] {
        ["--hidden", "8", "--epochs", "\(epochs)", "--train-count", "100", "--grid", "2", "--samples", "2", "--coarse", "3",
         "--fine", "2", "--folds", "2", "--cv-top", "2", "--ensemble", "2", "--seed", "5"]
    }

    /// Every regular file under `folder`, by path relative to it (hidden files left out).
    static func files(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil,
                                                          options: [.skipsHiddenFiles]) else { return [:] }
        for case let url as URL in walker {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[String(url.path.dropFirst(folder.path.count + 1))] = try? Data(contentsOf: url)
        }
        return result
    }

    /// Fails unless the two folders hold the same files with the same bytes.
    static func assertIdentical(_ a: URL, _ b: URL, file: StaticString = #filePath, line: UInt = #line) {
        let (x, y) = (files(a), files(b))
        XCTAssertEqual(x.keys.sorted(), y.keys.sorted(), "different files", file: file, line: line)
        XCTAssertGreaterThan(x.count, 10, "too few files to compare", file: file, line: line)
        for name in x.keys.sorted() where x[name] != y[name] {
            XCTFail("\(name) differs between \(a.path) and \(b.path)", file: file, line: line)
        }
    }

    /// (inode, modification time) of every trial file in `trials`.
    static func identities(_ trials: URL) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: trials.path)) ?? [] where name.hasSuffix(".json") && !name.hasPrefix(".") {
            var s = stat()
            guard stat(trials.appendingPathComponent(name).path, &s) == 0 else { continue }
            result[name] = [Double(s.st_ino), Double(s.st_mtim.tv_sec) + Double(s.st_mtim.tv_nsec) * 1e-9]
        }
        return result
    }
}
