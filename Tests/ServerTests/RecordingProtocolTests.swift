import Foundation
import Testing

/// The chunk protocol's edges: retries, gaps, session binding, one recording per device.
@Suite("Recording: chunk protocol")
struct RecordingProtocolTests {
    @Test("A retried chunk is 200 twice and stored once; a gap is 409 with expected_seq")
    func retryAndGap() throws {
        let server = try RecServer(users: [("medic.retry", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.retry")
        let id = try client.start(device)
        let pcm = RecAudio.pattern(seed: 7, bytes: 3 * 4_000)
        let parts = (0..<3).map { Array(pcm[($0 * 4_000)..<(($0 + 1) * 4_000)]) }

        let first = try client.chunk(device, id, seq: 0, parts[0])
        #expect(first.status == 200)
        #expect(first.json["seq"] as? Int == 0)
        #expect(first.json["bytes_received"] as? Int == 4_000)
        #expect(first.string("recording_id") == id)
        // The same seq again (a tablet retrying after a lost acknowledgement): 200, same answer, not stored twice.
        let retry = try client.chunk(device, id, seq: 0, parts[0])
        #expect(retry.status == 200)
        #expect(retry.json["bytes_received"] as? Int == 4_000)

        // A gap: seq 2 before seq 1.
        let gap = try client.chunk(device, id, seq: 2, parts[2])
        #expect(gap.status == 409)
        #expect(gap.errorCode == "chunk_out_of_order")
        #expect((gap.json["error"] as? [String: Any])?["expected_seq"] as? Int == 1)

        #expect(try client.chunk(device, id, seq: 1, parts[1]).status == 200)
        // A late retry of seq 0 after seq 1 is still answered 200 and changes nothing.
        let late = try client.chunk(device, id, seq: 0, parts[0])
        #expect(late.status == 200)
        #expect(late.json["bytes_received"] as? Int == 8_000)
        #expect(try client.chunk(device, id, seq: 2, parts[2]).status == 200)

        // Malformed seq and content type.
        #expect(try client.request("POST", "/api/recordings/\(id)/chunks?seq=x", token: device.token,
                                   headers: ["Content-Type": RecClient.pcm16k], body: [0, 0]).errorCode == "invalid_request")
        let wrongType = try client.request("POST", "/api/recordings/\(id)/chunks?seq=3", token: device.token,
                                           headers: ["Content-Type": "application/octet-stream"], body: [0, 0])
        #expect(wrongType.status == 415)
        let odd = try client.chunk(device, id, seq: 3, [1, 2, 3])
        #expect(odd.status == 400)

        #expect(try client.stop(device).status == 202)
        let wav = try RecWAV(try client.file(device, id, "recording").body)
        #expect(wav.pcm == pcm, "exactly seq 0, 1, 2 once each")
        // Chunks after stop are refused (the recording is no longer active on this device).
        let afterStop = try client.chunk(device, id, seq: 3, parts[0])
        #expect(afterStop.status == 404)
    }

    @Test("A chunk whose append fails: 500, nothing is committed, the retry is stored once")
    func appendFails() throws {
        let server = try RecServer(users: [("medic.disk", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.disk")
        let id = try client.start(device)
        let pcm = RecAudio.pattern(seed: 11, bytes: 3 * 3_200)
        let parts = (0..<3).map { Array(pcm[($0 * 3_200)..<(($0 + 1) * 3_200)]) }
        #expect(try client.chunk(device, id, seq: 0, parts[0]).status == 200)

        // The recording's file is replaced by a directory: the next append cannot open it.
        let output = server.directory + "/output/"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: output)
            .first { $0.hasPrefix(device.sessionID.prefix(8) + "_") && $0.hasSuffix("_recording.wav.enc") })
        try FileManager.default.moveItem(atPath: output + name, toPath: output + name + ".aside")
        try FileManager.default.createDirectory(atPath: output + name, withIntermediateDirectories: false)
        let failed = try client.chunk(device, id, seq: 1, parts[1])
        #expect(failed.status == 500, "\(failed.text)")
        // The row says what was acknowledged: one chunk (0.1 s), not two.
        #expect(try client.recording(device, id).json["duration_s"] as? Double == 0.1)
        // Still expecting seq 1.
        let gap = try client.chunk(device, id, seq: 2, parts[2])
        #expect((gap.json["error"] as? [String: Any])?["expected_seq"] as? Int == 1)

        try FileManager.default.removeItem(atPath: output + name)
        try FileManager.default.moveItem(atPath: output + name + ".aside", toPath: output + name)
        #expect(try client.chunk(device, id, seq: 1, parts[1]).status == 200)
        #expect(try client.chunk(device, id, seq: 2, parts[2]).status == 200)
        #expect(try client.recording(device, id).json["duration_s"] as? Double == 0.3)
        #expect(try client.stop(device).status == 202)
        let wav = try RecWAV(try client.file(device, id, "recording").body)
        #expect(wav.pcm == pcm, "every chunk exactly once")
    }

    @Test("session_id differing from the token's is 403 session_mismatch; a malformed one 400 invalid_session_id")
    func sessionBinding() throws {
        let server = try RecServer(users: [("medic.sid", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.sid")
        let other = RecServer.newSessionID()

        let startOther = try client.json("POST", "/api/start-recording", token: device.token, ["session_id": other])
        #expect(startOther.status == 403)
        #expect(startOther.errorCode == "session_mismatch")
        for malformed in ["not-a-uuid", "", String(other.dropLast()) + "g",
                          "6ba7b810-9dad-11d1-80b4-00c04fd430c8" /* v1, not v4 */] {
            let response = try client.json("POST", "/api/start-recording", token: device.token, ["session_id": malformed])
            #expect(response.status == 400, "\(malformed)")
            #expect(response.errorCode == "invalid_session_id", "\(malformed): \(response.text)")
        }
        let missing = try client.json("POST", "/api/start-recording", token: device.token, [:])
        #expect(missing.status == 400)

        let id = try client.start(device)
        // Query session_id on chunks and upload.
        let chunkOther = try client.request("POST", "/api/recordings/\(id)/chunks?seq=0&session_id=\(other)",
                                            token: device.token, headers: ["Content-Type": RecClient.pcm16k],
                                            body: [0, 0])
        #expect(chunkOther.status == 403)
        #expect(chunkOther.errorCode == "session_mismatch")
        let chunkOwn = try client.request("POST", "/api/recordings/\(id)/chunks?seq=0&session_id=\(device.sessionID)",
                                          token: device.token, headers: ["Content-Type": RecClient.pcm16k],
                                          body: [0, 0])
        #expect(chunkOwn.status == 200)
        let uploadOther = try client.request("POST", "/api/upload-recording?session_id=\(other)", token: device.token,
                                             headers: ["Content-Type": "audio/wav"], body: try RecAudio.speechWAV("hello"))
        #expect(uploadOther.status == 403)
        #expect(uploadOther.errorCode == "session_mismatch")
        let uploadBad = try client.request("POST", "/api/upload-recording?session_id=zzz", token: device.token,
                                           headers: ["Content-Type": "audio/wav"], body: try RecAudio.speechWAV("hello"))
        #expect(uploadBad.errorCode == "invalid_session_id")
        let stopOther = try client.json("POST", "/api/stop-recording", token: device.token, ["session_id": other])
        #expect(stopOther.status == 403)
        #expect(stopOther.errorCode == "session_mismatch")
        // The mismatches changed nothing: the recording is still going, and stops normally.
        #expect(try client.recording(device, id).string("status") == "recording")
        #expect(try client.stop(device).status == 202)
    }

    @Test("A second start on the same device is 409 already_recording; another device of the same user may record")
    func oneRecordingPerDevice() throws {
        let server = try RecServer(users: [("medic.twice", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.twice")
        let id = try client.start(device)
        let again = try client.json("POST", "/api/start-recording", token: device.token, ["session_id": device.sessionID])
        #expect(again.status == 409)
        #expect(again.errorCode == "already_recording")

        // Racing starts on one fresh device: exactly one wins.
        let racer = try server.login("medic.twice")
        let results = recConcurrently(8) { _ in
            try client.json("POST", "/api/start-recording", token: racer.token, ["session_id": racer.sessionID]).status
        }
        let statuses = try results.map { try $0.get() }
        #expect(statuses.filter { $0 == 201 }.count == 1, "\(statuses)")
        #expect(statuses.filter { $0 == 409 }.count == 7, "\(statuses)")

        #expect(try client.stop(device).string("recording_id") == id)
        // Stop when not recording is a clear 409.
        let notRecording = try client.stop(device)
        #expect(notRecording.status == 409)
        // After stop the device may start again.
        #expect(try client.start(device) != id)
        #expect(try client.stop(device).status == 202)
        #expect(try client.stop(racer).status == 202)
    }

    @Test("Recordings on one device within the same second keep separate files (stop → start, then upload)")
    func sameSecondRecordings() throws {
        let server = try RecServer(users: [("medic.quick", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.quick")
        // The clock does not move between these requests: all three recordings start in the same second.
        let first = RecAudio.pattern(seed: 21, bytes: 16_000)
        let second = RecAudio.pattern(seed: 22, bytes: 16_000)
        let firstID = try client.start(device)
        try client.stream(device, firstID, first)
        #expect(try client.stop(device).status == 202)
        let restart = try client.json("POST", "/api/start-recording", token: device.token, ["session_id": device.sessionID])
        #expect(restart.status == 201, "start right after stop: \(restart.status) \(restart.text)")
        let secondID = try #require(restart.string("recording_id"))
        try client.stream(device, secondID, second)
        #expect(try client.stop(device).status == 202)
        let upload = try client.request("POST", "/api/upload-recording?session_id=\(device.sessionID)", token: device.token,
                                        headers: ["Content-Type": "audio/wav"], body: try RecAudio.speechWAV("pulse ninety"))
        #expect(upload.status == 202)
        let uploadID = try #require(upload.string("recording_id"))

        for id in [firstID, secondID, uploadID] {
            let info = try client.waitFor(device, id)
            #expect(info["status"] as? String == "ready", "\(id): \(info)")
            for type in ["recording", "transcript", "analysis", "report"] {
                let file = try client.file(device, id, type)
                #expect(file.status == 200, "\(id) \(type): \(file.status) \(file.text.prefix(200))")
            }
        }
        #expect(try RecWAV(try client.file(device, firstID, "recording").body).pcm == first)
        #expect(try RecWAV(try client.file(device, secondID, "recording").body).pcm == second)
        // Three recordings, twelve files on disk.
        let files = try FileManager.default.contentsOfDirectory(atPath: server.directory + "/output").filter { $0.hasSuffix(".enc") }
        #expect(files.count == 12, "\(files.sorted())")
    }

    @Test("Speech engines load with the server, so the first stop does not wait for a model to load")
    func enginesPrestart() throws {
        let lazy = try RecServer(users: [("medic.lazy", "paramedic", [])]) { $0.prestartSpeechEngines = false }
        defer { lazy.stop() }
        let server = try RecServer(users: [("medic.eager", "paramedic", [])])
        defer { server.stop() }
        // Nothing has been recorded on either server: only the pre-start can have loaded an engine.
        let deadline = Date().addingTimeInterval(60)
        while server.app.loadedSpeechEngines < server.configuration.processingWorkers && Date() < deadline {
            usleep(20_000)
        }
        #expect(server.app.loadedSpeechEngines == server.configuration.processingWorkers)
        #expect(lazy.app.loadedSpeechEngines == 0)

        // The lazy server loads its engine with its first job; both process a recording.
        for (server, name) in [(lazy, "medic.lazy"), (server, "medic.eager")] {
            let device = try server.login(name)
            let id = try server.client.start(device)
            try server.client.stream(device, id, try RecAudio.speechPCM("pulse ninety"))
            #expect(try server.client.stop(device).status == 202)
            #expect(try server.client.waitFor(device, id)["status"] as? String == "ready")
            #expect(server.app.loadedSpeechEngines == 1)
        }
    }

    @Test("Chunks to someone else's recording id give the same 404 as a random id")
    func forbiddenEqualsMissing() throws {
        let server = try RecServer(users: [("medic.owner", "paramedic", ["north"]),
                                           ("medic.prober", "paramedic", ["north"])])
        defer { server.stop() }
        let client = server.client
        let owner = try server.login("medic.owner")
        let prober = try server.login("medic.prober")
        let id = try client.start(owner)
        _ = try client.start(prober)   // the prober is recording too: its own recording must not open doors
        let random = UUID().uuidString.lowercased()

        let pcm = RecAudio.pattern(seed: 3, bytes: 2_000)
        let probes: [(String, () throws -> RecResponse)] = [
            ("chunk", { try client.chunk(prober, id, seq: 0, pcm) }),
            ("view", { try client.recording(prober, id) }),
            ("file", { try client.file(prober, id, "recording") }),
        ]
        let controls: [(String, () throws -> RecResponse)] = [
            ("chunk", { try client.chunk(prober, random, seq: 0, pcm) }),
            ("view", { try client.recording(prober, random) }),
            ("file", { try client.file(prober, random, "recording") }),
        ]
        for ((name, probe), (_, control)) in zip(probes, controls) {
            let forbidden = try probe()
            let missing = try control()
            #expect(forbidden.status == 404, "\(name): \(forbidden.status) \(forbidden.text)")
            #expect(forbidden.body == missing.body, "\(name): forbidden and missing bodies must be byte-identical")
            var a = forbidden.headers, b = missing.headers
            a["x-request-id"] = nil; b["x-request-id"] = nil
            a["date"] = nil; b["date"] = nil
            #expect(a == b, "\(name): headers differ apart from the request id")
        }
        // The owner's own second device may not write into the recording of the first either.
        let ownerOtherDevice = try server.login("medic.owner")
        let sameUser = try client.chunk(ownerOtherDevice, id, seq: 0, pcm)
        #expect(sameUser.status == 404)
        #expect(sameUser.body == (try client.chunk(ownerOtherDevice, random, seq: 0, pcm)).body)
        // A type outside the allow-list and a non-UUID id give the same 404 too.
        let badType = try client.file(owner, id, "keys")
        let randomFile = try client.file(prober, random, "recording")
        #expect(badType.status == 404)
        #expect(badType.body == randomFile.body)
        let notUUID = try client.recording(prober, "not-a-uuid")
        #expect(notUUID.status == 404)
        #expect(notUUID.body == (try client.recording(prober, random)).body)

        // The probe wrote nothing: the owner's recording still expects seq 0 and holds only what the owner sends.
        let own = RecAudio.pattern(seed: 4, bytes: 2_000)
        let first = try client.chunk(owner, id, seq: 0, own)
        #expect(first.status == 200)
        #expect(first.json["bytes_received"] as? Int == 2_000)
        #expect(try client.stop(owner).status == 202)
        #expect(try RecWAV(try client.file(owner, id, "recording").body).pcm == own)
        _ = try client.stop(prober)
    }

    @Test("limits answer with clear codes: chunk size 413, recording length 413, recordings per user 409")
    func limits() throws {
        let server = try RecServer(users: [("medic.limits", "paramedic", [])]) { configuration in
            configuration.maxChunkBytes = 16_000
            configuration.maxRecordingSeconds = 1
            configuration.maxConcurrentRecordingsPerUser = 2
        }
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.limits")
        let id = try client.start(device)
        // A chunk over the size limit, declared in Content-Length: refused on the headers.
        let big = try client.request("POST", "/api/recordings/\(id)/chunks?seq=0", token: device.token,
                                     headers: ["Content-Type": RecClient.pcm16k], body: [], declaredLength: 16_002,
                                     sendBody: false)
        #expect(big.status == 413)
        #expect(big.errorCode == "payload_too_large")
        // One second is the longest recording here: 2 × 0.5 s fit, the next sample does not.
        let half = RecAudio.pattern(seed: 2, bytes: 16_000)
        #expect(try client.chunk(device, id, seq: 0, half).status == 200)
        #expect(try client.chunk(device, id, seq: 1, half).status == 200)
        let over = try client.chunk(device, id, seq: 2, [1, 0])
        #expect(over.status == 413)
        #expect(over.errorCode == "recording_too_long")
        // What was accepted is kept whole.
        #expect(try client.stop(device).status == 202)
        #expect(try RecWAV(try client.file(device, id, "recording").body).pcm == half + half)

        // Two recordings in progress per user at most, over all their devices.
        let devices = try (0..<3).map { _ in try server.login("medic.limits") }
        _ = try client.start(devices[0])
        _ = try client.start(devices[1])
        let third = try client.json("POST", "/api/start-recording", token: devices[2].token,
                                    ["session_id": devices[2].sessionID])
        #expect(third.status == 409)
        #expect(third.errorCode == "too_many_recordings")
        #expect(try client.stop(devices[0]).status == 202)
        #expect(try client.json("POST", "/api/start-recording", token: devices[2].token,
                                ["session_id": devices[2].sessionID]).status == 201)
        _ = try client.stop(devices[1]); _ = try client.stop(devices[2])
    }
}
