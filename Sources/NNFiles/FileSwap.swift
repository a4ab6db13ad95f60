import Foundation

/// Swaps two paths in one atomic step: after it, each name refers to what the other did, and no
/// process ever sees either name missing.
enum FileSwap {
    /// Swaps `a` and `b` (both must exist, on one file system); `false` if the system or the file
    /// system cannot, in which case neither is touched.
    static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
        // glibc declares renameat2 only with _GNU_SOURCE, which Swift's Glibc module does not
        // define, so it is looked up by name (glibc 2.28 and later; Linux 3.15 and later).
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
        let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE, <linux/fs.h>
        return renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, exchangeFlag) == 0
        #else
        return renamex_np(a.path, b.path, UInt32(RENAME_SWAP)) == 0
        #endif
    }
}
