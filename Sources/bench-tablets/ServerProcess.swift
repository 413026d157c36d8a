import Foundation

/// The server child: spawned from this same executable, measured through /proc.
final class ServerProcess {
    let process = Process()
    let port: UInt16
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()

    /// Starts `bench-tablets server DIRECTORY` and waits (at most `timeout` seconds) for its `PORT n` line.
    init(directory: String, connections: Int, logPath: String, timeout: Double = 60) throws {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["server", directory, "--connections", String(connections)]
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        guard FileManager.default.createFile(atPath: logPath, contents: nil),
              let log = FileHandle(forWritingAtPath: logPath) else {
            throw BenchError(.serverStart, "cannot create \(logPath)")
        }
        process.standardError = log
        try process.run()
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        var line: [UInt8] = []
        let deadline = monotonicSeconds() + timeout
        var found: UInt16?
        while found == nil {
            let left = deadline - monotonicSeconds()
            guard left > 0, process.isRunning else {
                process.terminate()
                throw BenchError(.serverStart, "the server did not report its port (see \(logPath))")
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000))
            if ready < 0 && errno != EINTR { throw BenchError.call("poll") }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count <= 0 { continue }
            if byte == UInt8(ascii: "\n") {
                let text = String(decoding: line, as: UTF8.self)
                if text.hasPrefix("PORT "), let value = UInt16(text.dropFirst(5)) { found = value }
                line.removeAll()
            } else if line.count < 256 {
                line.append(byte)
            }
        }
        port = found!
    }

    var pid: Int32 { process.processIdentifier }

    /// Fields of /proc/PID/status in kB (VmRSS, VmHWM) or counts (Threads).
    func status(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }

    /// User + system CPU seconds the server has used (all threads), from /proc/PID/stat.
    func cpuSeconds() -> Double {
        let (user, system) = cpuSplit()
        return user + system
    }

    /// User and system CPU seconds the server has used (all threads).
    func cpuSplit() -> (user: Double, system: Double) {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return (0, 0) }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return (0, 0) }
        let tick = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user / tick, system / tick)
    }

    /// Closes the server's stdin (graceful stop) and waits up to `timeout` seconds, then kills it.
    func stop(timeout: Double = 30) {
        try? stdinPipe.fileHandleForWriting.close()
        let deadline = monotonicSeconds() + timeout
        while process.isRunning && monotonicSeconds() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            let hard = monotonicSeconds() + 10
            while process.isRunning && monotonicSeconds() < hard { usleep(50_000) }
        }
    }
}
