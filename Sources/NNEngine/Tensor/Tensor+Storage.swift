import CKernels

extension Tensor {
    /// Blocks of at least this many bytes get their pages mapped up front by
    /// `uninitializedScalars`. 32 MB is the mmap threshold `nnlab_keep_freed_memory` sets: glibc
    /// serves such blocks from a fresh mapping, whose every page would otherwise fault on first
    /// touch, while smaller ones come from the heap, mostly already mapped.
    static let populatedStorageBytes = 32 << 20

    /// Storage for `count` elements that the caller overwrites in full before reading any.
    ///
    /// A large block is a fresh mapping. Writing it page by page from the fill's threads costs a
    /// page fault per 4 KB page, and two threads faulting pages of one mapping at once contend
    /// in the kernel (measured: a 4096² normal fill on 2 threads spent ~45 ms CPU more in fresh
    /// memory than in reused storage, against ~10 ms on one thread). So the pages are mapped
    /// first, in one `madvise(MADV_POPULATE_WRITE)` call from this thread, and the fill then
    /// touches mapped memory only. Where the call is unsupported the pages fault as before.
    static func uninitializedScalars(count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            let bytes = count * MemoryLayout<Double>.stride
            if bytes >= populatedStorageBytes, let base = buffer.baseAddress {
                nnlab_populate_for_writing(base, bytes)
            }
            initialized = count
        }
    }
}
