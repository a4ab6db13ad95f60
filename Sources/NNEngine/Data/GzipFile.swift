import CZlib
import Foundation

/// Reading gzip-compressed files through zlib (RFC 1952), for the data sets shipped as `.csv.gz`.
public enum GzipFile {
    /// The decompressed bytes of the gzip file at `url`. A file that is not gzip-compressed is
    /// returned as is (zlib's transparent mode), so a plain `.csv` reads too.
    /// - Throws: `LabError` if the file is missing, unreadable or its compressed stream is corrupt.
    public static func read(_ url: URL) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LabError("data file \(url.path) does not exist")
        }
        guard let file = gzopen(url.path, "rb") else {
            throw LabError("cannot open data file \(url.path)")
        }
        defer { gzclose(file) }
        var data = Data()
        // 256 KiB chunks: the shipped digits decompress to ~530 KB, read in three calls.
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "error \(code)"
                throw LabError("data file \(url.path) is not valid gzip: \(message)")
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<Int(n)])
        }
        return data
    }
}
