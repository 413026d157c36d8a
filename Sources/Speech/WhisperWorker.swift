import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One running `tools/whisper_worker.py` process and the engine's end of the socket pair that is its stdin and
/// stdout. A Unix stream socket pair serves as the pipe so that writing to a dead worker fails with EPIPE
/// (`MSG_NOSIGNAL`) instead of raising SIGPIPE in the server, and so every read and write can carry a deadline.
///
/// Frames in both directions are a little-endian UInt32 byte count and the bytes (see the worker's docstring).
/// Owned by exactly one `WhisperEngine`, used from one thread at a time; `deinit` ends and reaps the process.
final class WhisperWorker {
    /// The worker's process id (tests kill it to exercise the restart).
    let pid: pid_t
    private var socket: Int32
    private var reaped = false

    /// The largest reply the engine accepts: a transcript of the longest request is far smaller.
    private static let maxReplyBytes = 16 << 20

    private init(pid: pid_t, socket: Int32) {
        self.pid = pid
        self.socket = socket
    }

    deinit {
        terminate(signal: SIGTERM)
    }

    // MARK: Start

    /// Spawns the worker with the venv's Python and waits until it reports its model loaded.
    static func start(_ configuration: WhisperConfiguration) throws -> WhisperWorker {
        let fileManager = FileManager.default
        guard fileManager.isExecutableFile(atPath: configuration.python.path),
              fileManager.fileExists(atPath: configuration.workerScript.path)
        else {
            throw WhisperError(.notInstalled, operation: "start",
                               detail: "no venv Python or worker under \(configuration.venv.path)")
        }
        var arguments = [
            configuration.python.path, configuration.workerScript.path,
            "--threads", String(configuration.threads),
            "--beam-size", String(configuration.beamSize),
            "--max-seconds", String(configuration.maxAudioSeconds),
        ]
        if let model = configuration.modelDirectory {
            arguments += ["--model-dir", model.path]
        }
        let worker = try spawn(arguments: arguments, environment: childEnvironment())
        let deadline = ContinuousClock.now + configuration.startupTimeout
        let reply: Reply
        do {
            reply = try worker.readReply(deadline: deadline)
        } catch let error as WhisperError where error.code == .workerDied {
            throw WhisperError(.startFailed, operation: "start", detail: error.detail)
        } catch let error as WhisperError {
            worker.terminate(signal: SIGKILL)
            throw WhisperError(error.code, operation: "start", detail: error.detail)
        }
        guard reply.ready == true else {
            worker.terminate(signal: SIGKILL)
            throw WhisperError(.startFailed, operation: "start",
                               detail: "worker reported \(reply.error ?? "no ready message")")
        }
        return worker
    }

    /// Only what the worker needs: no secrets of the server's environment reach the child.
    private static func childEnvironment() -> [String] {
        var environment = [
            "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "PYTHONNOUSERSITE=1",
            "HF_HUB_OFFLINE=1", "HF_HUB_DISABLE_TELEMETRY=1", "TRANSFORMERS_OFFLINE=1",
        ]
        let inherited = ProcessInfo.processInfo.environment
        // Some CPUs need these OpenBLAS settings (see the machine notes); TMPDIR keeps temp files where
        // the operator wants them.
        for name in ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "TMPDIR"] {
            if let value = inherited[name] { environment.append("\(name)=\(value)") }
        }
        return environment
    }

    private static func spawn(arguments: [String], environment: [String]) throws -> WhisperWorker {
        var fds: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &fds) == 0 else {
            throw WhisperError(.system, operation: "socketpair", detail: errnoText(errno))
        }
        let (parentEnd, childEnd) = (fds[0], fds[1])
        defer { close(childEnd) }

        var actions = posix_spawn_file_actions_t()
        try check(posix_spawn_file_actions_init(&actions), "posix_spawn_file_actions_init")
        defer { posix_spawn_file_actions_destroy(&actions) }
        try check(posix_spawn_file_actions_adddup2(&actions, childEnd, 0), "posix_spawn_file_actions_adddup2")
        try check(posix_spawn_file_actions_adddup2(&actions, childEnd, 1), "posix_spawn_file_actions_adddup2")
        if let closeFrom = addCloseFrom {
            // Descriptors some other module opened without O_CLOEXEC must not leak into the worker.
            try check(closeFrom(&actions, 3), "posix_spawn_file_actions_addclosefrom_np")
        }

        var attributes = posix_spawnattr_t()
        try check(posix_spawnattr_init(&attributes), "posix_spawnattr_init")
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        var empty = sigset_t()
        sigemptyset(&defaults)
        sigemptyset(&empty)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        try check(posix_spawnattr_setsigdefault(&attributes, &defaults), "posix_spawnattr_setsigdefault")
        try check(posix_spawnattr_setsigmask(&attributes, &empty), "posix_spawnattr_setsigmask")
        // Its own process group: a Ctrl-C at the server's terminal is the server's to handle, not the worker's.
        try check(posix_spawnattr_setpgroup(&attributes, 0), "posix_spawnattr_setpgroup")
        let flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP)
        try check(posix_spawnattr_setflags(&attributes, Int16(flags)), "posix_spawnattr_setflags")

        let argv = try CStringArray(arguments)
        let envp = try CStringArray(environment)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv.pointers, envp.pointers)
        guard spawned == 0 else {
            close(parentEnd)
            throw WhisperError(.startFailed, operation: "posix_spawn", detail: errnoText(spawned))
        }
        return WhisperWorker(pid: pid, socket: parentEnd)
    }

    /// glibc 2.34+ has posix_spawn_file_actions_addclosefrom_np, but Swift's Glibc module does not import it.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32)
        -> Int32
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    private static func check(_ result: Int32, _ operation: String) throws {
        guard result == 0 else { throw WhisperError(.startFailed, operation: operation, detail: errnoText(result)) }
    }

    // MARK: Requests

    /// Sends one request and returns the transcript. Throws `.workerDied` (the process is reaped) when the worker
    /// goes away, `.timeout` when `deadline` passes, `.protocolViolation` on a reply it cannot read.
    func transcribe(_ samples: [Int16], deadline: ContinuousClock.Instant) throws -> String {
        let byteCount = samples.count * MemoryLayout<Int16>.size
        guard byteCount <= Int(UInt32.max) else {
            throw WhisperError(.audioTooLong, operation: "transcribe", detail: "\(byteCount) bytes")
        }
        try writeAll(Self.header(byteCount), deadline: deadline)
        #if _endian(little)
        try samples.withUnsafeBytes { try writeAll($0, deadline: deadline) }
        #else
        try samples.map(\.littleEndian).withUnsafeBytes { try writeAll($0, deadline: deadline) }
        #endif
        let reply = try readReply(deadline: deadline)
        if let error = reply.error {
            throw WhisperError(.protocolViolation, operation: "transcribe", detail: "worker refused: \(error)")
        }
        guard let text = reply.text else {
            throw WhisperError(.protocolViolation, operation: "transcribe", detail: "reply without text")
        }
        return text
    }

    private struct Reply: Decodable {
        var ready: Bool?
        var text: String?
        var error: String?
    }

    private func readReply(deadline: ContinuousClock.Instant) throws -> Reply {
        var header = [UInt8](repeating: 0, count: 4)
        try header.withUnsafeMutableBytes { try readExact($0, deadline: deadline) }
        let length = Int(header[0]) | Int(header[1]) << 8 | Int(header[2]) << 16 | Int(header[3]) << 24
        guard length <= Self.maxReplyBytes else {
            throw WhisperError(.protocolViolation, operation: "read", detail: "reply of \(length) bytes")
        }
        var body = [UInt8](repeating: 0, count: length)
        try body.withUnsafeMutableBytes { try readExact($0, deadline: deadline) }
        do {
            return try JSONDecoder().decode(Reply.self, from: Data(body))
        } catch {
            throw WhisperError(.protocolViolation, operation: "read", detail: "reply is not the expected JSON")
        }
    }

    private static func header(_ length: Int) -> [UInt8] {
        let value = UInt32(length)
        return [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
    }

    private func writeAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws {
        try bytes.withUnsafeBytes { try writeAll($0, deadline: deadline) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant) throws {
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT), deadline: deadline, operation: "write")
            let sent = send(socket, bytes.baseAddress! + offset, bytes.count - offset,
                            Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            if sent >= 0 {
                offset += sent
                continue
            }
            let error = errno
            switch error {
            case EINTR, EAGAIN, EWOULDBLOCK:
                continue
            case EPIPE, ECONNRESET:
                throw died(operation: "write")
            default:
                throw WhisperError(.system, operation: "send", detail: Self.errnoText(error))
            }
        }
    }

    private func readExact(_ buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant) throws {
        var offset = 0
        while offset < buffer.count {
            try wait(for: Int16(POLLIN), deadline: deadline, operation: "read")
            let received = recv(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_DONTWAIT))
            if received > 0 {
                offset += received
                continue
            }
            if received == 0 {
                throw died(operation: "read")
            }
            let error = errno
            switch error {
            case EINTR, EAGAIN, EWOULDBLOCK:
                continue
            case ECONNRESET:
                throw died(operation: "read")
            default:
                throw WhisperError(.system, operation: "recv", detail: Self.errnoText(error))
            }
        }
    }

    /// Polls until the socket is ready for `events` (or hung up: the next send/recv reports it).
    private func wait(for events: Int16, deadline: ContinuousClock.Instant, operation: String) throws {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw WhisperError(.timeout, operation: operation, detail: "worker did not answer in time")
            }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = min(seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000,
                                   Int64(Int32.max))
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(milliseconds))
            if ready > 0 { return }
            if ready < 0 {
                let error = errno
                if error == EINTR { continue }
                throw WhisperError(.system, operation: "poll", detail: Self.errnoText(error))
            }
        }
    }

    // MARK: Lifetime

    /// True when the process has already exited (it is then reaped).
    func hasExited() -> Bool {
        if reaped { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || (result < 0 && errno == ECHILD) {
            reaped = true
            return true
        }
        return false
    }

    /// Closes the socket, which ends the worker's read loop, sends `signal` and reaps the process. Idempotent.
    func terminate(signal: Int32) {
        if socket >= 0 {
            close(socket)
            socket = -1
        }
        _ = reap(signal: signal, grace: .zero)
    }

    /// The worker went away mid-request: give it a moment to finish exiting on its own (so the detail shows its
    /// real exit status), kill it if it lingers, reap it and describe how it ended.
    private func died(operation: String) -> WhisperError {
        WhisperError(.workerDied, operation: operation, detail: reap(signal: SIGKILL, grace: .seconds(1)))
    }

    /// Waits up to `grace` for the process to exit, then sends `signal`, and SIGKILL if it still runs two seconds
    /// later; reaps it. Returns how it ended, e.g. "exit status 3" or "signal 9".
    private func reap(signal: Int32, grace: Duration) -> String {
        if reaped { return "already reaped" }
        reaped = true
        var status: Int32 = 0
        var result = waitForExit(&status, until: ContinuousClock.now + grace)
        if result == 0 {
            kill(pid, signal)
            result = waitForExit(&status, until: ContinuousClock.now + .seconds(2))
        }
        if result == 0 {
            kill(pid, SIGKILL)
            repeat { result = waitpid(pid, &status, 0) } while result < 0 && errno == EINTR
        }
        guard result == pid else { return "waitpid: \(Self.errnoText(errno))" }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros that do not import into Swift.
        let terminatingSignal = status & 0x7f
        return terminatingSignal == 0 ? "exit status \((status >> 8) & 0xff)" : "signal \(terminatingSignal)"
    }

    /// waitpid(WNOHANG) every 5 ms until the process exits or `deadline` passes: the pid, 0 (still running) or -1.
    private func waitForExit(_ status: inout Int32, until deadline: ContinuousClock.Instant) -> pid_t {
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result != 0 && !(result < 0 && errno == EINTR) { return result }
            if ContinuousClock.now >= deadline { return 0 }
            usleep(5_000)
        }
    }

    private static func errnoText(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}

/// NUL-terminated C strings for argv/envp, freed on deinit.
private final class CStringArray {
    private(set) var pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) throws {
        pointers = []
        pointers.reserveCapacity(strings.count + 1)
        for string in strings {
            guard let copy = strdup(string) else {
                throw WhisperError(.system, operation: "strdup", detail: "out of memory")
            }
            pointers.append(copy)
        }
        pointers.append(nil)
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
