import App
import Foundation
import Security

/// The `run` role: for each tablet count, a fresh data directory and server child, then log in → baseline →
/// start → stream → stop → verify, and one table at the end.
struct TabletBench {
    let options: Options
    /// Seconds between chunks (250 ms of audio each).
    static let period = 0.25

    func run() throws {
        let limit = try raiseFileLimit()
        guard limit > UInt64((options.tabletCounts.max() ?? 0) + 64) else {
            throw BenchError(.invalidArgument, "RLIMIT_NOFILE \(limit) is too small for \(options.tabletCounts.max() ?? 0) tablets")
        }
        signal(SIGPIPE, SIG_IGN)
        try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        say("bench-tablets: \(ProcessInfo.processInfo.activeProcessorCount) cores, client threads \(options.clientThreads), "
            + "stream \(options.seconds) s, baseline \(options.baselineSeconds) s, data under \(options.directory)")
        say("server config: scrypt N=2^10 r=8 p=1 (benchmark only: not measuring password hashing), "
            + "\(BenchServer.userCount) users, maxConcurrentRecordingsPerUser 10000, connection timeout 300 s")
        say("load average: " + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
            .trimmingCharacters(in: .whitespacesAndNewlines) + "  (other work on these 2 cores shows in every number)")
        for threads in [16, 64, 128] {
            let disk = try DiskBaseline.measure(directory: options.directory, threads: threads, seconds: 3)
            say(String(format: "disk baseline, %d threads each open/pwrite 8 KB/fdatasync/close: %.0f appends/s, "
                       + "p50 %.1f ms, p99 %.1f ms", threads, disk.perSecond, disk.latency.p50, disk.latency.p99))
        }
        var results: [StageResult] = []
        for count in options.tabletCounts {
            let result = try stage(tablets: count)
            results.append(result)
            printTable(results)
        }
        if !options.keep { try? FileManager.default.removeItem(atPath: options.directory) }
        let passing = results.filter(\.passed).map(\.tablets).max()
        say("largest N with 0 lost chunks, p99 (from due) < 50 ms and verified audio: \(passing.map(String.init) ?? "none")")
    }

    // MARK: - One tablet count

    private func stage(tablets count: Int) throws -> StageResult {
        var result = StageResult()
        result.tablets = count
        let directory = options.directory + "/n\(count)"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        say("\n== \(count) tablets ==  load average " + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
            .map { $0.split(separator: " ").prefix(3).joined(separator: " ") } ?? "?"))
        // Users first (with the server's own KDF parameters), through the product's admin tool.
        let password = try SecureRandom.bytes(12).map { String(format: "%02x", $0) }.joined()
        do {
            let admin = try AdminTool(configuration: BenchServer.configuration(directory: directory, connections: count))
            for user in 0..<BenchServer.userCount {
                _ = try admin.addUser(name: String(format: "medic%02d", user), role: "paramedic", teams: [],
                                      password: password)
            }
        }
        let server = try ServerProcess(directory: directory, connections: count, logPath: directory + "/server.log")
        defer { server.stop() }
        say("server pid \(server.pid) port \(server.port), RSS \(server.status("VmRSS") ?? 0) kB at start")

        var generator = SystemRandomNumberGenerator()
        let tablets = (0..<count).map {
            Tablet(index: $0, username: String(format: "medic%02d", $0 % BenchServer.userCount),
                   phaseOffset: Double.random(in: 0..<Self.period, using: &generator))
        }
        defer { tablets.forEach { $0.closeConnection() } }
        let pcm = PCM(seed: generator.next())

        var clock = monotonicSeconds()
        let login = try runPhase(LoginPhase(password: password), tablets, port: server.port, budget: 600)
        result.loginSeconds = monotonicSeconds() - clock
        say(String(format: "login: %d ok in %.1f s (p50 %.0f ms), failures: %@", login.succeeded, result.loginSeconds,
                   Percentiles(login.wire).p50, login.failureSummary))

        let baselineCount = options.baselineSeconds * 4
        let healthSampler = ThreadSampler(pid: server.pid)
        healthSampler.start()
        var cpu = (server: server.cpuSeconds(), client: ownCPUSeconds(), wall: monotonicSeconds())
        let health = HealthPhase(start: monotonicSeconds() + 0.5, period: Self.period, count: baselineCount)
        result.health = try runPhase(health, tablets, port: server.port, budget: Double(options.baselineSeconds) + 30)
        var wall = monotonicSeconds() - cpu.wall
        say(String(format: "baseline GET /healthz: %d ok, wire p50 %.2f / p99 %.2f ms, from due p99 %.2f ms, "
                   + "send lag p99 %.2f ms, server CPU %.0f%%, client CPU %.0f%%, failures: %@",
                   result.health.succeeded, result.healthWire.p50, result.healthWire.p99,
                   Percentiles(result.health.fromDue).p99, Percentiles(result.health.sendLag).p99,
                   (server.cpuSeconds() - cpu.server) / wall * 100, (ownCPUSeconds() - cpu.client) / wall * 100,
                   result.health.failureSummary))
        say("server threads during the baseline: " + healthSampler.stop().joined(separator: "; "))

        clock = monotonicSeconds()
        let start = try runPhase(StartPhase(), tablets, port: server.port, budget: 600)
        result.startSeconds = monotonicSeconds() - clock
        say(String(format: "start-recording: %d ok in %.1f s (p50 %.0f ms), failures: %@", start.succeeded,
                   result.startSeconds, Percentiles(start.wire).p50, start.failureSummary))
        result.setupFailures = [login, result.health, start].filter { $0.failureCount > 0 }.map(\.failureSummary)
            .joined(separator: "; ")
        result.rssIdleKB = server.status("VmRSS") ?? 0

        let chunks = options.seconds * 4
        result.planned = count * chunks
        let split = server.cpuSplit()
        let sampler = ThreadSampler(pid: server.pid)
        sampler.start()
        cpu = (server: server.cpuSeconds(), client: ownCPUSeconds(), wall: monotonicSeconds())
        let stream = StreamPhase(start: cpu.wall + 0.5, period: Self.period, count: chunks, pcm: pcm)
        result.stream = try runPhase(stream, tablets, port: server.port, budget: Double(options.seconds) + 30)
        wall = monotonicSeconds() - cpu.wall
        let threadStates = sampler.stop()
        result.rssEndKB = server.status("VmRSS") ?? 0
        result.hwmKB = server.status("VmHWM") ?? 0
        result.serverThreads = server.status("Threads") ?? 0
        result.serverCPU = (server.cpuSeconds() - cpu.server) / wall
        result.clientCPU = (ownCPUSeconds() - cpu.client) / wall
        result.acknowledged = tablets.reduce(0) { $0 + $1.chunksAcknowledged }
        say(String(format: "stream: %d/%d chunks acknowledged, wire p50 %.1f / p99 %.1f / max %.1f ms, "
                   + "from due p99 %.1f ms, send lag p99 %.1f ms, failures: %@",
                   result.acknowledged, result.planned, result.wire.p50, result.wire.p99, result.wire.max,
                   result.fromDue.p99, Percentiles(result.stream.sendLag).p99, result.stream.failureSummary))
        say(String(format: "server: RSS %.1f MB (idle before streaming %.1f MB, peak %.1f MB), %d threads, "
                   + "CPU %.0f%% of one core; client CPU %.0f%%",
                   Double(result.rssEndKB) / 1024, Double(result.rssIdleKB) / 1024, Double(result.hwmKB) / 1024,
                   result.serverThreads, result.serverCPU * 100, result.clientCPU * 100))
        let splitEnd = server.cpuSplit()
        let served = max(1, result.stream.succeeded + result.stream.failureCount)
        say(String(format: "server CPU per chunk: %.0f µs user + %.0f µs system",
                   (splitEnd.user - split.user) / Double(served) * 1e6, (splitEnd.system - split.system) / Double(served) * 1e6))
        say("server threads while streaming (thread name, state: average count, peak): " + threadStates.joined(separator: "; "))
        say("ack p99 / max (ms) by second of the stream: " + Self.timeline(result.stream))

        clock = monotonicSeconds()
        let stop = try runPhase(StopPhase(), tablets, port: server.port, budget: 600)
        result.stopSeconds = monotonicSeconds() - clock
        say(String(format: "stop-recording: %d ok in %.1f s, failures: %@", stop.succeeded, result.stopSeconds,
                   stop.failureSummary))

        let step = max(1, count / max(1, options.verifySample))
        let sample = Set(stride(from: 0, to: count, by: step).prefix(options.verifySample))
        let verify = try runPhase(VerifyPhase(sample: sample, pcm: pcm), tablets, port: server.port, budget: 600)
        result.verifiedTotal = sample.count
        result.verifiedGood = verify.succeeded
        say("verify: \(verify.succeeded)/\(sample.count) sampled recordings downloaded equal, byte for byte, "
            + "every acknowledged chunk; failures: \(verify.failureSummary)")
        server.stop()
        if !options.keep { try? FileManager.default.removeItem(atPath: directory) }
        return result
    }

    // MARK: - Phases on event-loop threads

    /// Final class so the thread can hand its result back; written before the semaphore is signalled and read
    /// after the wait returns (the semaphore orders the accesses), hence `@unchecked Sendable`.
    private final class Outcome: @unchecked Sendable {
        var stats = LoopStats()
        var error: (any Error)?
    }

    /// Runs `phase` over all tablets, split round-robin over the client threads; waits at most `budget` seconds
    /// (plus a margin for the threads to notice their deadline).
    private func runPhase(_ phase: any Phase, _ tablets: [Tablet], port: UInt16, budget: Double) throws -> LoopStats {
        let deadline = monotonicSeconds() + budget
        let threads = min(options.clientThreads, tablets.count)
        let done = DispatchSemaphore(value: 0)
        var outcomes: [Outcome] = []
        for thread in 0..<threads {
            let slice = stride(from: thread, to: tablets.count, by: threads).map { tablets[$0] }
            let outcome = Outcome()
            outcomes.append(outcome)
            let worker = Thread {
                do {
                    outcome.stats = try EventLoop(tablets: slice, phase: phase, port: port, deadline: deadline).run()
                } catch {
                    outcome.error = error
                }
                done.signal()
            }
            worker.name = "bench-tablets.\(phase.name).\(thread)"
            worker.stackSize = 1 << 20
            worker.start()
        }
        for _ in 0..<threads {
            guard done.wait(timeout: .now() + budget + 60) == .success else {
                throw BenchError(.protocolViolation, "phase \(phase.name) did not finish within its budget")
            }
        }
        var merged = LoopStats()
        for outcome in outcomes {
            if let error = outcome.error { throw error }
            merged.merge(outcome.stats)
        }
        return merged
    }

    // MARK: - Report

    private func printTable(_ results: [StageResult]) {
        say("""

            | tablets | chunks planned / sent | acked 200 | lost | ack p50 / p99 / max (ms) | p99 from due (ms) | healthz p50 / p99 (ms) | p99 ratio chunk/healthz | server RSS end / peak (MB) | server CPU | verified | pass |
            |---:|---:|---:|---:|---|---:|---|---:|---|---:|---:|:--:|
            """)
        for r in results {
            let wire = r.wire
            let health = r.healthWire
            say(String(format: "| %d | %d / %d | %d | %d | %.1f / %.1f / %.1f | %.1f | %.2f / %.2f | %.0f× | %.0f / %.0f | %.0f%% | %d/%d | %@ |",
                       r.tablets, r.planned, r.stream.requests, r.acknowledged, r.lost,
                       wire.p50, wire.p99, wire.max, r.fromDue.p99, health.p50, health.p99, wire.p99 / health.p99,
                       Double(r.rssEndKB) / 1024, Double(r.hwmKB) / 1024, r.serverCPU * 100,
                       r.verifiedGood, r.verifiedTotal, r.passed ? "yes" : "no"))
        }
    }
}
