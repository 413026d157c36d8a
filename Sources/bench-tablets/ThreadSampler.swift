import Foundation

/// Where the server's threads are: samples /proc/PID/task/*/{comm,syscall} every `interval` seconds on its own
/// thread and reports, per thread name and state (the blocking syscall, or "running"), the average number of
/// threads found there. A poor man's off-CPU profile (perf is not available): "8 threads in fdatasync, 20 in
/// futex" says the chunk path waits on the disk and on locks, not on CPU.
final class ThreadSampler: @unchecked Sendable {
    // Safety: `counts`, `samples` and `stopping` are only touched with `lock` held.
    private let pid: Int32
    private let interval: Double
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var peaks: [String: Int] = [:]
    private var samples = 0
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    private static let names: [Int: String] = [
        0: "read", 1: "write", 3: "close", 7: "poll", 17: "pread64", 18: "pwrite64", 20: "writev", 23: "select",
        35: "nanosleep", 44: "sendto", 45: "recvfrom", 74: "fsync", 75: "fdatasync", 77: "ftruncate",
        82: "rename", 202: "futex", 230: "clock_nanosleep", 232: "epoll_wait", 257: "openat", 271: "ppoll",
        281: "epoll_pwait", 288: "accept4",
    ]

    /// 10 samples a second: at 100 a second, reading comm and syscall of 130+ threads cost the client a few % of
    /// the two cores it shares with the server (perf: dentry lookups, /proc revalidation), time the server under
    /// test then lacked.
    init(pid: Int32, interval: Double = 0.1) {
        self.pid = pid
        self.interval = interval
    }

    func start() {
        let thread = Thread { [self] in
            while !lock.withLock({ stopping }) {
                sampleOnce()
                usleep(useconds_t(interval * 1e6))
            }
            finished.signal()
        }
        thread.name = "bench-tablets.sampler"
        thread.start()
    }

    /// Stops sampling and returns "name: state avg (peak), …" lines, busiest first.
    func stop() -> [String] {
        lock.withLock { stopping = true }
        _ = finished.wait(timeout: .now() + 5)
        return lock.withLock {
            guard samples > 0 else { return [] }
            return counts.sorted { $0.value > $1.value }.prefix(14).map {
                String(format: "%@ %.1f (peak %d)", $0.key, Double($0.value) / Double(samples), peaks[$0.key] ?? 0)
            }
        }
    }

    private func sampleOnce() {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return }
        var now: [String: Int] = [:]
        for task in tasks {
            let base = "/proc/\(pid)/task/\(task)/"
            guard let comm = try? String(contentsOfFile: base + "comm", encoding: .utf8),
                  let syscall = try? String(contentsOfFile: base + "syscall", encoding: .utf8) else { continue }
            let first = syscall.split(separator: " ").first.map(String.init)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            let state: String
            if first == "running" { state = "running" } else if let number = Int(first) {
                state = Self.names[number] ?? "syscall\(number)"
            } else {
                state = first
            }
            now[comm.trimmingCharacters(in: .whitespacesAndNewlines) + " " + state, default: 0] += 1
        }
        lock.withLock {
            samples += 1
            for (key, value) in now {
                counts[key, default: 0] += value
                peaks[key] = max(peaks[key] ?? 0, value)
            }
        }
    }
}
