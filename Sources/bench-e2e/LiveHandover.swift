import App
import Foundation
import Logging
import Security

/// One recording streamed through the live server and processed by its pipeline.
struct LiveRound {
    /// Seconds from the first chunk sent to the last chunk acknowledged.
    var streamWall: Double
    /// Seconds from sending stop-recording to the first GET /api/recordings/{id} that says `ready`.
    var stopToReadyWall: Double
    /// CPU seconds of this process and its children (the Whisper worker) over the same interval.
    var stopToReadyCPU: Double
    /// The transcript the server stored (read back through the API; used only for WER, never printed).
    var transcript: String
    /// Bytes of report.txt served by the API.
    var reportBytes: Int
}

/// Measures stop → ready for a handover streamed to a real `Application` (module App) started in this process:
/// port 0 on 127.0.0.1, a temporary data directory (removed afterwards), small scrypt parameters (login is not
/// measured), the production processing pool (one worker per core). The engines load when the server starts
/// (as in production); the first round begins right after the start, so its stop may still overlap that load.
enum LiveHandover {
    static let chunkSamples = 4_000   // 250 ms at 16 kHz

    /// `realtime`: chunks leave every 250 ms as a tablet sends them (otherwise as fast as acknowledged).
    /// `liveSeconds`: the server's live-transcription piece length (0: off, everything is transcribed after stop).
    static func measure(asr: String, samples: [Int16], rounds: Int, realtime: Bool = false,
                        liveSeconds: Int = 30) throws -> [LiveRound] {
        var template = Array((NSTemporaryDirectory() + "/bench-e2e-live-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchError(.system, operation: "mkdtemp", detail: "errno \(errno)")
        }
        let directory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        configuration.http.host = "127.0.0.1"
        configuration.http.port = 0
        configuration.asr = asr
        configuration.liveTranscriptionSeconds = liveSeconds
        configuration.passwordParameters = PasswordHasher.Parameters(logN: 10, r: 8, p: 1)
        var logger = Logger(label: "bench-e2e.server")
        logger.logLevel = .warning

        // A throwaway account in the throwaway directory; the password never leaves this function.
        let password = "E2e-" + UUID().uuidString
        _ = try AdminTool(configuration: configuration).addUser(name: "medic", role: "paramedic", teams: ["bench"],
                                                               password: password)
        let app = try Application(configuration: configuration, logger: logger)
        let port = try app.start()
        defer { app.stop() }

        let client = LoopbackClient(port: port)
        let sessionID = UUID().uuidString.lowercased()
        let login = try client.send("POST", "/api/auth/login",
                                    json: ["username": "medic", "password": password, "session_id": sessionID])
        guard login.status == 200, let token = login.json["access_token"] as? String else {
            throw BenchError(.server, operation: "login", detail: "status \(login.status)")
        }

        var result: [LiveRound] = []
        for _ in 0..<rounds {
            let start = try client.send("POST", "/api/start-recording", json: ["session_id": sessionID], token: token)
            guard start.status == 201, let id = start.json["recording_id"] as? String else {
                throw BenchError(.server, operation: "start-recording", detail: "status \(start.status)")
            }
            let streamStart = ContinuousClock.now
            var seq = 0
            var offset = 0
            while offset < samples.count {
                if realtime {
                    let due = streamStart + .milliseconds(250 * seq)
                    let now = ContinuousClock.now
                    if due > now { Thread.sleep(forTimeInterval: seconds(due - now)) }
                }
                let end = min(offset + chunkSamples, samples.count)
                var bytes = [UInt8]()
                bytes.reserveCapacity((end - offset) * 2)
                for sample in samples[offset..<end] {
                    let bits = UInt16(bitPattern: sample)
                    bytes.append(UInt8(bits & 0xff))
                    bytes.append(UInt8(bits >> 8))
                }
                let chunk = try client.send("POST", "/api/recordings/\(id)/chunks?seq=\(seq)", token: token,
                                            contentType: "audio/L16;rate=16000;channels=1", body: bytes)
                guard chunk.status == 200 else {
                    throw BenchError(.server, operation: "chunk \(seq)", detail: "status \(chunk.status)")
                }
                seq += 1
                offset = end
            }
            let streamWall = seconds(ContinuousClock.now - streamStart)

            let cpuBefore = ProcessCPU.treeSeconds()
            let stopStart = ContinuousClock.now
            let stop = try client.send("POST", "/api/stop-recording", json: ["session_id": sessionID], token: token)
            guard stop.status == 202 else {
                throw BenchError(.server, operation: "stop-recording", detail: "status \(stop.status)")
            }
            var status = ""
            while status != "ready" {
                let info = try client.send("GET", "/api/recordings/\(id)", token: token)
                guard info.status == 200 else {
                    throw BenchError(.server, operation: "get recording", detail: "status \(info.status)")
                }
                status = info.json["status"] as? String ?? ""
                if status == "failed" || status == "interrupted" {
                    throw BenchError(.server, operation: "processing",
                                     detail: "\(status): \(info.json["failure_reason"] as? String ?? "")")
                }
                if status != "ready" { usleep(20_000) }
                if seconds(ContinuousClock.now - stopStart) > 600 {
                    throw BenchError(.server, operation: "processing", detail: "not ready after 600 s")
                }
            }
            let stopToReady = seconds(ContinuousClock.now - stopStart)
            let cpu = ProcessCPU.treeSeconds() - cpuBefore

            let transcript = try client.send("GET", "/api/recordings/\(id)/files/transcript", token: token)
            let report = try client.send("GET", "/api/recordings/\(id)/files/report", token: token)
            guard transcript.status == 200, report.status == 200, !report.body.isEmpty else {
                throw BenchError(.server, operation: "download",
                                 detail: "transcript \(transcript.status), report \(report.status)")
            }
            result.append(LiveRound(streamWall: streamWall, stopToReadyWall: stopToReady, stopToReadyCPU: cpu,
                                    transcript: String(decoding: transcript.body, as: UTF8.self),
                                    reportBytes: report.body.count))
        }
        return result
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
