import Foundation
import Glibc

/// CPU time of this process and every live process it started (the Whisper worker runs in a child process, so
/// the benchmark's own CPU time alone would miss it). On a loaded machine CPU time is the stable measure; wall
/// time is reported next to it.
enum ProcessCPU {
    private static let ticksPerSecond: Double = {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? Double(ticks) : 100
    }()

    /// Seconds of user + system CPU used so far by this process (all threads) and its live descendants (with the
    /// children they have reaped). Descendants are read from /proc with 1/CLK_TCK resolution.
    static func treeSeconds() -> Double {
        var usage = rusage()
        var own = 0.0
        if getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 {
            own = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        var total = own
        var visited: Set<Int32> = []
        var pending = children(of: getpid())
        while let pid = pending.popLast() {
            guard visited.insert(pid).inserted else { continue }
            total += cpuSeconds(of: pid)
            pending += children(of: pid)
        }
        return total
    }

    /// The children of `pid`, from /proc/PID/task/*/children (empty when unreadable).
    private static func children(of pid: Int32) -> [Int32] {
        let taskDirectory = "/proc/\(pid)/task"
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: taskDirectory) else { return [] }
        var result: [Int32] = []
        for task in tasks {
            guard let text = try? String(contentsOfFile: "\(taskDirectory)/\(task)/children", encoding: .utf8) else {
                continue
            }
            result += text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return result
    }

    /// utime + stime + cutime + cstime of `pid` from /proc/PID/stat (0 when the process is gone).
    private static func cpuSeconds(of pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // After "pid (comm)": field 3 (state) is index 0, so utime (14) … cstime (17) are indexes 11…14.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 14 else { return 0 }
        let ticks = fields[11...14].compactMap { Double($0) }.reduce(0, +)
        return ticks / ticksPerSecond
    }
}
