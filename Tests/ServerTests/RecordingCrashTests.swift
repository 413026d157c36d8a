import App
import Foundation
import Security
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real `paramedic` binary, killed with SIGKILL in the middle of a stream and started again on the same
/// data directory: every acknowledged chunk is there, nothing else, and the recording is processed.
@Suite("Recording: crash safety")
struct RecordingCrashTests {
    /// The `paramedic` executable built next to the test bundle (override with PARAMEDIC_BIN).
    static func binary() -> String {
        if let path = ProcessInfo.processInfo.environment["PARAMEDIC_BIN"] { return path }
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                         ?? CommandLine.arguments[0])
        var directory = runner.deletingLastPathComponent()
        // The runner may live inside a bundle directory (…/X.xctest/…); walk up to the build products.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("paramedic").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return runner.deletingLastPathComponent().appendingPathComponent("paramedic").path
    }

    /// A running `paramedic serve`, its port read from the line it prints.
    final class ServerProcess {
        let process = Process()
        let port: UInt16

        init(binary: String, dataDirectory: String, log: String, extraArguments: [String] = [],
             environment: [String: String] = [:]) throws {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory, "--asr", "pocketsphinx"] + extraArguments
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            }
            let stdout = Pipe()
            process.standardOutput = stdout
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            try process.run()
            // Kill it if it never says where it listens (the read below then sees EOF).
            let guardTimer = DispatchWorkItem { [process] in if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: guardTimer)
            defer { guardTimer.cancel() }
            var seen = ""
            var found: UInt16?
            while found == nil {
                let data = stdout.fileHandleForReading.availableData
                if data.isEmpty { break }
                seen += String(decoding: data, as: UTF8.self)
                if let range = seen.range(of: #"listening on http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                    found = UInt16(seen[range].split(separator: ":").last!.dropLast())
                }
            }
            guard let found else {
                throw RecClientError(description: "server did not start: \(seen) \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
            }
            port = found
            // Keep draining stdout so the server never blocks on a full pipe.
            let handle = stdout.fileHandleForReading
            Thread.detachNewThread { while !handle.availableData.isEmpty {} }
        }

        func kill9() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func terminate() -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// The `paramedic` binary, a data directory with `users` (name, role) and a directory for the servers' logs.
    static func prepare(users: [(String, String)]) throws -> (binary: String, directory: String, logs: String) {
        let binary = Self.binary()
        try #require(FileManager.default.isExecutableFile(atPath: binary),
                     "build the paramedic executable first (swift build), or set PARAMEDIC_BIN; looked at \(binary)")
        let directory = try RecServer.makeTemporaryDirectory()
        let logs = try RecServer.makeTemporaryDirectory()
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        // A small scrypt cost for the accounts made here: these tests are about crash recovery, not KDF timing.
        configuration.passwordParameters = PasswordHasher.Parameters(logN: 10, r: 8, p: 1)
        let tool = try AdminTool(configuration: configuration)
        for (name, role) in users {
            _ = try tool.addUser(name: name, role: role, teams: [], password: RecServer.password)
        }
        return (binary, directory, logs)
    }

    @Test("kill -9 mid-stream, restart: the recording is interrupted, holds exactly the acknowledged chunks, and is processed")
    func killDuringStreaming() throws {
        let (binary, directory, logs) = try Self.prepare(users: [("medic.crash", "paramedic"), ("audi.tor", "auditor")])
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: logs)
        }

        let first = try ServerProcess(binary: binary, dataDirectory: directory, log: logs + "/first.log")
        var client = RecClient(port: first.port)
        let device = try RecServer.login(client, "medic.crash")
        let id = try client.start(device)
        let speech = try RecAudio.speechPCM("blood pressure one hundred and ten over seventy, pulse eighty eight")
        let chunkBytes = 6_400   // 200 ms
        let acknowledged = 10
        let pcm = Array((speech + RecAudio.pattern(seed: 5, bytes: chunkBytes * 20)).prefix(chunkBytes * (acknowledged + 1)))
        for seq in 0..<acknowledged {
            let response = try client.chunk(device, id, seq: seq, Array(pcm[(seq * chunkBytes)..<((seq + 1) * chunkBytes)]))
            try #require(response.status == 200, "chunk \(seq): \(response.text)")
            #expect(response.json["bytes_received"] as? Int == (seq + 1) * chunkBytes)
        }
        // Chunk 10 is in flight when the process dies: headers and half its body sent, never acknowledged.
        let inFlight = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(inFlight) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = first.port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(inFlight, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        let partial = Array(("POST /api/recordings/\(id)/chunks?seq=\(acknowledged) HTTP/1.1\r\nHost: x\r\n"
            + "Authorization: Bearer \(device.token)\r\nContent-Type: \(RecClient.pcm16k)\r\n"
            + "Content-Length: \(chunkBytes)\r\n\r\n").utf8) + pcm[(acknowledged * chunkBytes)..<(acknowledged * chunkBytes + chunkBytes / 2)]
        #expect(partial.withUnsafeBytes { send(inFlight, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == partial.count)

        first.kill9()
        #expect(first.process.terminationReason == .uncaughtSignal)

        let second = try ServerProcess(binary: binary, dataDirectory: directory, log: logs + "/second.log")
        client = RecClient(port: second.port)
        // The device's token survives the restart (keys and sessions are on disk).
        let info = try client.recording(device, id)
        #expect(info.status == 200, "\(info.text)")
        #expect(info.string("status") == "interrupted", "\(info.text)")
        #expect(info.json["duration_s"] as? Double == Double(acknowledged * chunkBytes / 2) / 16_000)
        let download = try client.file(device, id, "recording")
        #expect(download.status == 200, "\(download.text)")
        let wav = try RecWAV(download.body)
        #expect(wav.pcm.count == acknowledged * chunkBytes)
        #expect(wav.pcm == Array(pcm.prefix(acknowledged * chunkBytes)), "exactly the acknowledged chunks")
        // The device is free to record again (the interrupted recording no longer holds it).
        // And the recovered recording is processed.
        let processed = try client.waitFor(device, id, statuses: ["interrupted", "failed"], file: "report")
        #expect(processed["status"] as? String == "interrupted")
        #expect(processed["files"] as? [String] == ["recording", "transcript", "analysis", "report"])
        #expect(try client.file(device, id, "transcript").status == 200)
        let again = try client.start(device)
        #expect(again != id)
        #expect(try client.stop(device).status == 202)

        let auditor = try RecServer.login(client, "audi.tor")
        let audit = try client.request("GET", "/api/audit?action=recording_interrupted", token: auditor.token)
        let entries = audit.json["entries"] as? [[String: Any]] ?? []
        #expect(entries.count == 1)
        #expect(entries.first?["target_id"] as? String == id)
        #expect(entries.first?["reason"] as? String == "interrupted segments=\(acknowledged)")
        #expect(second.terminate() == 0, "graceful stop on SIGTERM")
    }

    @Test("a chunk that holds no 16 kHz sample (an empty body, or 2 samples at 44.1 kHz) is acknowledged and survives a kill -9")
    func emptyChunksSurviveACrash() throws {
        let (binary, directory, logs) = try Self.prepare(users: [("medic.empty", "paramedic")])
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: logs)
        }

        let first = try ServerProcess(binary: binary, dataDirectory: directory, log: logs + "/first.log")
        defer { if first.process.isRunning { first.kill9() } }
        var client = RecClient(port: first.port)
        let device = try RecServer.login(client, "medic.empty")
        let id = try client.start(device)
        let chunkBytes = 6_400
        let pcm = RecAudio.pattern(seed: 9, bytes: chunkBytes * 3)
        let chunks: [([UInt8], String)] = [
            (Array(pcm[0..<chunkBytes]), RecClient.pcm16k),
            ([], RecClient.pcm16k),                                         // no sample at all
            (Array(pcm[chunkBytes..<(2 * chunkBytes)]), RecClient.pcm16k),
            ([1, 0, 2, 0], "audio/L16;rate=44100;channels=1"),              // the resampler keeps both samples back
            (Array(pcm[(2 * chunkBytes)..<(3 * chunkBytes)]), RecClient.pcm16k),
        ]
        for (seq, chunk) in chunks.enumerated() {
            let response = try client.chunk(device, id, seq: seq, chunk.0, contentType: chunk.1)
            try #require(response.status == 200, "chunk \(seq): \(response.text)")
        }
        first.kill9()

        let second = try ServerProcess(binary: binary, dataDirectory: directory, log: logs + "/second.log")
        defer { if second.process.isRunning { second.kill9() } }
        client = RecClient(port: second.port)
        let info = try client.recording(device, id)
        #expect(info.string("status") == "interrupted", "\(info.text)")
        let download = try client.file(device, id, "recording")
        #expect(download.status == 200, "\(download.text)")
        let wav = try RecWAV(download.body)
        #expect(wav.pcm.count >= 3 * chunkBytes)
        #expect(Array(wav.pcm.prefix(2 * chunkBytes)) == Array(pcm.prefix(2 * chunkBytes)), "every acknowledged sample")
        #expect(Array(wav.pcm.suffix(chunkBytes)) == Array(pcm.suffix(chunkBytes)), "the chunk after the 44.1 kHz one")
        #expect(second.terminate() == 0)
    }
}
