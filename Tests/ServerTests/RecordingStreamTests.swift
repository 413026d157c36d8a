import Foundation
import Testing

/// Browser chunk streaming against the real server over loopback: many devices at once, each getting back
/// exactly its own audio.
@Suite("Recording: streaming")
struct RecordingStreamTests {
    @Test("Two devices recording at once with different tones each get back exactly their own audio")
    func twoDevicesTwoTones() throws {
        let server = try RecServer(users: [("medic.one", "paramedic", ["north"]), ("medic.two", "paramedic", ["north"])])
        defer { server.stop() }
        let client = server.client
        let devices = [try server.login("medic.one"), try server.login("medic.two")]
        let tones = [try RecAudio.tone(440, seconds: 3), try RecAudio.tone(880, seconds: 3)]
        #expect(tones[0] != tones[1])
        let ids = try devices.map { try client.start($0) }
        #expect(ids[0] != ids[1])

        // Both stream at the same time, each from its own thread, 250 ms chunks interleaved by the scheduler.
        let results = recConcurrently(2) { index in
            try client.stream(devices[index], ids[index], tones[index], chunkBytes: 8_000)
        }
        for result in results { #expect(try result.get() == 12) }
        for device in devices {
            let stopped = try client.stop(device)
            #expect(stopped.status == 202)
            #expect(stopped.string("status") == "processing")
        }

        for index in 0..<2 {
            let download = try client.file(devices[index], ids[index], "recording")
            #expect(download.status == 200)
            #expect(download.headers["content-type"] == "audio/wav")
            let wav = try RecWAV(download.body)
            #expect(wav.sampleRate == 16_000 && wav.channels == 1 && wav.bits == 16)
            #expect(wav.pcm == tones[index], "device \(index) must get back exactly the PCM it sent")
            #expect(wav.pcm != tones[1 - index])
            // {sid8}_{yyyyMMddHHmmss}_recording.wav
            let disposition = try #require(download.headers["content-disposition"])
            let sid8 = String(devices[index].sessionID.prefix(8))
            #expect(disposition.range(of: #"^attachment; filename="\#(sid8)_[0-9]{14}_recording\.wav"$"#,
                                      options: .regularExpression) != nil, "\(disposition)")
            // The other device's owner cannot see it: the same 404 as a missing id.
            let other = try client.file(devices[1 - index], ids[index], "recording")
            #expect(other.status == 404)
            #expect(other.errorCode == "not_found")
        }
        // Each owner's list holds only their own recording.
        for index in 0..<2 {
            let list = try client.request("GET", "/api/recordings", token: devices[index].token)
            let recordings = try #require(list.json["recordings"] as? [[String: Any]])
            #expect(recordings.map { $0["id"] as? String } == [ids[index]])
            #expect(recordings.first?["session_short"] as? String == String(devices[index].sessionID.prefix(8)))
        }
    }

    @Test("50 concurrent devices: every chunk acknowledged, every recording byte-exact")
    func fiftyDevices() throws {
        let count = 50
        let users = (0..<count).map { ("medic\($0)", "paramedic", ["east"]) }
        let server = try RecServer(users: users)
        defer { server.stop() }
        let client = server.client
        let chunks = 4
        let chunkBytes = 3_200  // 100 ms at 16 kHz
        let started = Date()
        let results = recConcurrently(count) { index -> (RecDevice, String, [UInt8]) in
            let device = try server.login("medic\(index)")
            let id = try client.start(device)
            let pcm = RecAudio.pattern(seed: UInt64(index + 1), bytes: chunks * chunkBytes)
            let sent = try client.stream(device, id, pcm, chunkBytes: chunkBytes)
            guard sent == chunks else { throw RecClientError(description: "sent \(sent)") }
            let stopped = try client.stop(device)
            guard stopped.status == 202 else { throw RecClientError(description: "stop \(stopped.status) \(stopped.text)") }
            return (device, id, pcm)
        }
        let streamed = Date().timeIntervalSince(started)
        var done: [(RecDevice, String, [UInt8])] = []
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let value): done.append(value)
            case .failure(let error): Issue.record("device \(index): \(error)")
            }
        }
        #expect(done.count == count)
        #expect(Set(done.map(\.1)).count == done.count, "every device got its own recording id")
        for (device, id, pcm) in done {
            let download = try client.file(device, id, "recording")
            #expect(download.status == 200)
            #expect(try RecWAV(download.body).pcm == pcm, "recording \(id) of \(device.username)")
        }
        print("rectests: 50 devices × \(chunks) chunks streamed and stopped in \(String(format: "%.2f", streamed)) s")
    }

    @Test("44.1 and 48 kHz chunks are resampled to 16 kHz by the real resampler")
    func resampledRates() throws {
        let server = try RecServer(users: [("medic.rate", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        for rate in [44_100, 48_000] {
            let device = try server.login("medic.rate")
            let id = try client.start(device)
            let tone = try RecAudio.tone(440, seconds: 2, rate: rate)
            let chunkBytes = rate / 4 * 2  // 250 ms
            var offset = 0
            var seq = 0
            while offset < tone.count {
                let end = min(offset + chunkBytes, tone.count)
                let response = try client.chunk(device, id, seq: seq, Array(tone[offset..<end]),
                                                contentType: "audio/L16;rate=\(rate);channels=1")
                #expect(response.status == 200, "\(rate) Hz chunk \(seq): \(response.text)")
                offset = end
                seq += 1
            }
            #expect(try client.stop(device).status == 202)
            let wav = try RecWAV(try client.file(device, id, "recording").body)
            #expect(wav.sampleRate == 16_000)
            // 2 s at 16 kHz, less the resampler's latency: the tail (46 samples, 2.9 ms, measured) is not
            // flushed at stop — reported; allow up to 4 ms.
            let samples = wav.pcm.count / 2
            #expect(samples <= 32_000 && 32_000 - samples <= 64, "\(rate) Hz → \(samples) samples")
            // Still a 440 Hz tone: count zero crossings of the steady middle second (≈ 880 per second).
            let values = stride(from: 0, to: wav.pcm.count - 1, by: 2).map {
                Int16(bitPattern: UInt16(wav.pcm[$0]) | UInt16(wav.pcm[$0 + 1]) << 8)
            }
            let middle = values[8_000..<24_000]
            let crossings = zip(middle, middle.dropFirst()).filter { ($0 < 0) != ($1 < 0) }.count
            #expect(abs(crossings - 880) <= 20, "\(rate) Hz → \(crossings) crossings per second")
            // An unsupported rate is 415 with a code.
            let device2 = try server.login("medic.rate")
            let id2 = try client.start(device2)
            let bad = try client.chunk(device2, id2, seq: 0, [0, 0, 0, 0], contentType: "audio/L16;rate=22050;channels=1")
            #expect(bad.status == 415)
            #expect(bad.errorCode == "unsupported_media_type")
            _ = try client.stop(device2)
        }
    }
}
