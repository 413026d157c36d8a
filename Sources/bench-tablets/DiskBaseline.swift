import Foundation

/// The disk's own ceiling for the chunk path, measured in the same run: `threads` threads, each appending to its
/// own file in the data directory exactly like the vault appends a chunk (open → pwrite one segment → fdatasync →
/// close), as fast as they can for `seconds`. Concurrent fdatasyncs share journal commits, so the rate grows with
/// the number of threads while the latency of each stays near one flush.
enum DiskBaseline {
    struct Result {
        let threads: Int
        let perSecond: Double
        let latency: Percentiles
    }

    /// Final class so each thread can hand its latencies back; written before the semaphore is signalled and
    /// read after the wait (the semaphore orders them), hence `@unchecked Sendable`.
    private final class Samples: @unchecked Sendable {
        var milliseconds: [Float] = []
        var error: BenchError?
    }

    static func measure(directory: String, threads: Int, seconds: Double, segmentBytes: Int = 8_000 + 28) throws -> Result {
        let done = DispatchSemaphore(value: 0)
        let deadline = monotonicSeconds() + seconds
        var all: [Samples] = []
        for index in 0..<threads {
            let samples = Samples()
            all.append(samples)
            let path = directory + "/disk-baseline-\(index)"
            let thread = Thread {
                defer { done.signal() }
                let segment = [UInt8](repeating: 0x5A, count: segmentBytes)
                var offset = 0
                while monotonicSeconds() < deadline && samples.milliseconds.count < 1_000_000 {
                    let start = monotonicSeconds()
                    let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
                    guard fd >= 0 else { samples.error = BenchError.call("open"); return }
                    let written = segment.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) }
                    guard written == segmentBytes else { samples.error = BenchError.call("pwrite"); close(fd); return }
                    guard fdatasync(fd) == 0 else { samples.error = BenchError.call("fdatasync"); close(fd); return }
                    guard close(fd) == 0 else { samples.error = BenchError.call("close"); return }
                    offset += segmentBytes
                    samples.milliseconds.append(Float((monotonicSeconds() - start) * 1000))
                }
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        for _ in 0..<threads {
            guard done.wait(timeout: .now() + seconds + 60) == .success else {
                throw BenchError(.protocolViolation, "disk baseline threads did not finish")
            }
        }
        for index in 0..<threads { unlink(directory + "/disk-baseline-\(index)") }
        if let error = all.compactMap(\.error).first { throw error }
        let merged = all.flatMap(\.milliseconds)
        return Result(threads: threads, perSecond: Double(merged.count) / seconds, latency: Percentiles(merged))
    }
}
