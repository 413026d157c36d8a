import Foundation

/// Seconds on CLOCK_MONOTONIC (never jumps with the wall clock).
func monotonicSeconds() -> Double {
    var spec = timespec()
    guard clock_gettime(CLOCK_MONOTONIC, &spec) == 0 else { fatalError("clock_gettime(CLOCK_MONOTONIC) failed") }
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// CPU seconds (user + system) this process has used.
func ownCPUSeconds() -> Double {
    var usage = rusage()
    guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Prints a line and flushes (stdout is fully buffered when piped).
func say(_ line: String) {
    print(line)
    fflush(nil)
}

/// Raises RLIMIT_NOFILE to its hard limit (1,000+ sockets need more than the default 1,024). Returns the new soft limit.
@discardableResult
func raiseFileLimit() throws -> UInt64 {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { throw BenchError.call("getrlimit") }
    if limit.rlim_cur < limit.rlim_max {
        limit.rlim_cur = limit.rlim_max
        guard setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { throw BenchError.call("setrlimit") }
    }
    return UInt64(limit.rlim_cur)
}
