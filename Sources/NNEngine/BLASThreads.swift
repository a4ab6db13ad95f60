import COpenBLAS

/// OpenBLAS's own thread pool. Big products (the init study's 4096² matrices) gain from it; the
/// small products of training an MLP on minibatches do not, and when several nets train at once,
/// one per core, BLAS threads on top of them only contend (measured: the dropout lab ran 3.5×
/// slower with both pools active on 2 cores, most of the extra time spent in the kernel).
public enum BLASThreads {
    /// The number of threads OpenBLAS uses for one call.
    public static var count: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(Swift.max(1, newValue))) }
    }

    /// Runs `work` with OpenBLAS single-threaded, then restores the previous count: for code that
    /// parallelizes over independent tasks itself.
    public static func singleThreaded<T>(_ work: () throws -> T) rethrows -> T {
        let previous = count
        count = 1
        defer { count = previous }
        return try work()
    }
}
