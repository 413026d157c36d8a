import Foundation
import Testing

/// POST /api/upload-recording with real files (espeak-ng speech, converted by sox), and the header checks that
/// refuse anything else at once without storing a byte.
@Suite("Recording: upload")
struct RecordingUploadTests {
    static let handover = "seventy year old male, chest pain, blood pressure one hundred and forty over ninety, "
        + "heart rate one hundred and ten, oxygen saturation ninety four percent"

    static func outputFiles(_ server: RecServer) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: server.directory + "/output").filter { $0.hasSuffix(".enc") }.sorted()
    }

    @Test("a real WAV, FLAC and OGG upload → 202, processing reaches ready, every file downloads")
    func uploadProcesses() throws {
        let server = try RecServer(users: [("medic.upload", "paramedic", ["west"])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.upload")
        let wav = try RecAudio.speechWAV(Self.handover)
        let sourceSeconds = Double(wav.count - 44) / 2 / 22_050
        for (name, body, type) in [("wav", wav, "audio/wav"), ("flac", try RecAudio.convert(wav, to: "flac"), "audio/flac"),
                                   ("ogg", try RecAudio.convert(wav, to: "ogg"), "audio/ogg")] {
            let response = try client.request("POST", "/api/upload-recording?session_id=\(device.sessionID)",
                                              token: device.token, headers: ["Content-Type": type], body: body)
            #expect(response.status == 202, "\(name): \(response.text)")
            #expect(response.string("status") == "processing")
            let id = try #require(response.string("recording_id"))
            let info = try client.waitFor(device, id, file: "report")
            #expect(info["status"] as? String == "ready", "\(name): \(info)")
            #expect(info["files"] as? [String] == ["recording", "transcript", "analysis", "report"])
            let duration = try #require(info["duration_s"] as? Double)
            #expect(abs(duration - sourceSeconds) < 0.1, "\(name): \(duration) s vs \(sourceSeconds) s")

            let sid8 = String(device.sessionID.prefix(8))
            var stamp: String?
            for (type, ext) in [("recording", "wav"), ("transcript", "txt"), ("analysis", "json"), ("report", "txt")] {
                let file = try client.file(device, id, type)
                #expect(file.status == 200, "\(name) \(type)")
                #expect(!file.body.isEmpty)
                let disposition = file.headers["content-disposition"] ?? ""
                let pattern = #"^attachment; filename="\#(sid8)_([0-9]{14})_\#(type)\.\#(ext)"$"#
                let match = disposition.range(of: pattern, options: .regularExpression)
                #expect(match != nil, "\(name) \(type): \(disposition)")
                // All four files of one recording share one timestamp.
                let fileStamp = String(disposition.dropFirst("attachment; filename=\"".count + 9).prefix(14))
                if let stamp { #expect(fileStamp == stamp) } else { stamp = fileStamp }
                switch type {
                case "recording":
                    let decoded = try RecWAV(file.body)
                    #expect(decoded.sampleRate == 16_000 && decoded.channels == 1)
                case "transcript":
                    #expect(file.headers["content-type"]?.hasPrefix("text/plain") == true)
                    #expect(!file.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                            "PocketSphinx heard words in espeak-ng's speech")
                case "analysis":
                    let object = try JSONSerialization.jsonObject(with: Data(file.body)) as? [String: Any]
                    #expect(object?["vitals"] != nil, "analysis.json has vitals")
                default:
                    #expect(file.text.count > 20)
                }
            }
        }
    }

    @Test("HTML renamed .wav → 415, broken headers → 400, oversized → 413; nothing stored")
    func rejectsBadBodies() throws {
        let server = try RecServer(users: [("medic.reject", "paramedic", [])]) { $0.maxUploadBytes = 1 << 20 }
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.reject")
        let before = try Self.outputFiles(server)
        let wav = try RecAudio.speechWAV("hello there")

        func upload(_ body: [UInt8], declaredLength: Int? = nil, sendBody: Bool = true) throws -> RecResponse {
            try client.request("POST", "/api/upload-recording?session_id=\(device.sessionID)", token: device.token,
                               headers: ["Content-Type": "audio/wav"], body: body, declaredLength: declaredLength,
                               sendBody: sendBody)
        }
        var zeroChannels = wav
        zeroChannels[22] = 0; zeroChannels[23] = 0
        var zeroRate = wav
        zeroRate.replaceSubrange(24..<28, with: [0, 0, 0, 0])
        var absurdRate = wav
        absurdRate.replaceSubrange(24..<28, with: [0x00, 0x00, 0x00, 0x7F])   // ~2.1 GHz
        var riffNotWave = wav
        riffNotWave.replaceSubrange(8..<12, with: Array("AVI ".utf8))

        // (name, body, allowed statuses, code when one is fixed)
        let cases: [(String, [UInt8], Set<Int>, String?)] = [
            ("HTML renamed .wav", Array("<!DOCTYPE html><html><body>not audio</body></html>".utf8), [415], "unsupported_media_type"),
            ("JSON", Array(#"{"audio": false}"#.utf8), [415], "unsupported_media_type"),
            ("RIFF but AVI", riffNotWave, [415], "unsupported_media_type"),
            ("empty body", [], [400, 415], nil),
            ("truncated RIFF header", Array(wav.prefix(10)), [400], nil),
            ("truncated fmt chunk", Array(wav.prefix(24)), [400], nil),
            ("zero channels", zeroChannels, [400], nil),
            ("zero sample rate", zeroRate, [400], nil),
            ("absurd sample rate", absurdRate, [400], nil),
        ]
        for (name, body, status, code) in cases {
            let response = try upload(body)
            #expect(status.contains(response.status), "\(name): \(response.status) \(response.text)")
            if let code { #expect(response.errorCode == code, "\(name): \(response.text)") }
            #expect(response.errorCode != nil, "\(name): an error code")
        }
        // Over the limit, declared in Content-Length: refused on the headers, before the body is read.
        let tooLarge = try upload(wav, declaredLength: (1 << 20) + 1, sendBody: false)
        #expect(tooLarge.status == 413)
        #expect(tooLarge.errorCode == "payload_too_large")

        #expect(try Self.outputFiles(server) == before, "rejected uploads store nothing in output/")
        let list = try client.request("GET", "/api/recordings", token: device.token)
        #expect((list.json["recordings"] as? [Any])?.isEmpty == true, "rejected uploads create no recording")
        // The same session still uploads a good file afterwards.
        #expect(try upload(wav).status == 202)
    }

    @Test("a body that passes the header checks but does not decode → 202 with status failed and a reason, no files")
    func undecodableBodyFails() throws {
        let server = try RecServer(users: [("medic.garbled", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.garbled")
        // A real FLAC's magic and STREAMINFO block, then noise where the next metadata block and frames belong.
        let flac = try RecAudio.convert(try RecAudio.speechWAV("hello"), to: "flac")
        let body = Array(flac.prefix(42)) + RecAudio.pattern(seed: 9, bytes: 20_000)
        let response = try client.request("POST", "/api/upload-recording?session_id=\(device.sessionID)", token: device.token,
                                          headers: ["Content-Type": "audio/flac"], body: body)
        #expect(response.status == 202, "\(response.text)")
        #expect(response.string("status") == "failed")
        #expect(response.string("reason")?.isEmpty == false)
        let id = try #require(response.string("recording_id"))
        let info = try client.recording(device, id).json
        #expect(info["status"] as? String == "failed")
        #expect(info["failure_reason"] as? String == response.string("reason"))
        #expect(info["files"] as? [String] == [])
        #expect(try client.file(device, id, "recording").status == 404)
        #expect(try Self.outputFiles(server).isEmpty, "a failed upload stores no file")
    }
}
