import CZlib
import Foundation

/// Reading gzip-compressed files through zlib (RFC 1952), for the data sets shipped as `.csv.gz`.
///
/// The file is read with `InputFile` (a regular file, at most `limit` bytes: never `/dev/zero`
/// or a FIFO) and inflated from memory with its own limit on the decompressed size, so a small
/// "gzip bomb" (1 MB that inflates to 1 GB) is refused as soon as its output passes the limit,
/// not after it has filled memory.
public enum GzipFile {
    /// The largest file read, compressed or plain: 64 MiB.
    public static let fileLimit = 64 << 20
    /// The largest decompressed size: 64 MiB, about 330 000 rows of 65 numbers, whose features
    /// then take ~170 MB as float64. The shipped digits decompress to ~530 KB.
    public static let decompressedLimit = 64 << 20

    /// The decompressed bytes of the gzip file at `url`. A file that does not start with the gzip
    /// magic bytes is returned as is, so a plain `.csv` reads too (as zlib's `gzread` does).
    /// - Parameter what: what the file is, for messages.
    /// - Throws: `LabError` (one line) if the file is missing, not a regular file, over either
    ///   limit, or its compressed stream is corrupt or cut short.
    public static func read(_ url: URL, what: String = "data file",
                            fileLimit: Int = Self.fileLimit, decompressedLimit: Int = Self.decompressedLimit) throws -> Data {
        let data = try InputFile.read(url, what: what, limit: fileLimit)
        return try decompress(data, name: "\(what) \(url.path)", limit: decompressedLimit)
    }

    /// `data` inflated if it starts with the gzip magic bytes `1f 8b`, else `data` itself.
    /// Concatenated gzip members are inflated one after another, as `gunzip` does.
    /// - Throws: `LabError` naming `name` for a corrupt or truncated stream, or output past `limit`.
    public static func decompress(_ data: Data, name: String, limit: Int) throws -> Data {
        guard data.count >= 2, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b else {
            guard data.count <= limit else { throw LabError("\(name) is over the limit of \(InputFile.formatBytes(limit))") }
            return data
        }
        var output = Data()
        var stream = z_stream()
        // 15 + 16: a 32 KiB window and a gzip (not zlib) header.
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw LabError("cannot decompress \(name): zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[0..<produced])
                guard output.count <= limit else {
                    throw LabError("\(name) decompresses to more than \(InputFile.formatBytes(limit)), the limit")
                }
                switch status {
                case Z_STREAM_END:
                    // Another member follows, or trailing bytes that are not gzip (ignored, as gunzip warns).
                    guard stream.avail_in >= 2, stream.next_in[0] == 0x1f, stream.next_in[1] == 0x8b else { return }
                    inflateReset(&stream)
                case Z_OK:
                    // No progress with input left means the stream cannot go on.
                    if produced == 0 && stream.avail_in == 0 {
                        throw LabError("\(name) is not valid gzip: the compressed data ends early (truncated file?)")
                    }
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw LabError("\(name) is not valid gzip: the compressed data ends early (truncated file?)")
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    throw LabError("\(name) is not valid gzip: \(reason)")
                }
            }
        }
        return output
    }
}
