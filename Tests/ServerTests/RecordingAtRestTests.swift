import Foundation
import Testing

/// Encryption at rest, checked from the outside: after a real recording is streamed and processed, no file the
/// server wrote holds the audio or the transcript in the clear, and a tampered file is refused with a clear error.
@Suite("Recording: encryption at rest")
struct RecordingAtRestTests {
    static let handover = "patient is a sixty two year old woman with shortness of breath, "
        + "respiratory rate twenty eight, oxygen saturation eighty nine percent on room air, allergic to penicillin"

    /// Every regular file under `root`, recursively.
    static func files(under root: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var out: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(relative)
            }
        }
        return out.sorted()
    }

    /// The 4 KiB window of `pcm` with the most energy (a window of silence would match any page of zeros).
    static func loudestWindow(_ pcm: [UInt8], size: Int = 4_096) -> [UInt8] {
        var best = 0
        var bestEnergy = -1
        for start in stride(from: 0, to: pcm.count - size, by: 2_048) {
            var energy = 0
            for index in stride(from: start, to: start + size, by: 2) {
                energy += abs(Int(Int16(bitPattern: UInt16(pcm[index]) | UInt16(pcm[index + 1]) << 8)))
            }
            if energy > bestEnergy { bestEnergy = energy; best = start }
        }
        return Array(pcm[best..<best + size])
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }

    @Test("no plaintext audio or transcript anywhere in the data directory; owner-only permissions")
    func noPlaintextAtRest() throws {
        let server = try RecServer(users: [("medic.rest", "paramedic", ["south"])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.rest")
        let pcm = try RecAudio.speechPCM(Self.handover)
        let id = try client.start(device)
        try client.stream(device, id, pcm)
        #expect(try client.stop(device).status == 202)
        let info = try client.waitFor(device, id, file: "report")
        #expect(info["status"] as? String == "ready")
        #expect(try RecWAV(try client.file(device, id, "recording").body).pcm == pcm)

        let transcript = try client.file(device, id, "transcript").text
        let analysis = try client.file(device, id, "analysis").body
        let report = try client.file(device, id, "report").text
        let words = transcript.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        try #require(words.count >= 6, "the transcript has words to look for: \(transcript)")
        // Needles: a loud 4 KiB window of the PCM, the whole transcript, every three-word phrase of it (as the
        // transcript spells it), the analysis JSON, and the report's transcript-bearing lines.
        var needles: [(String, [UInt8])] = [("pcm window", Self.loudestWindow(pcm)), ("transcript", Array(transcript.utf8))]
        if analysis.count >= 32 { needles.append(("analysis", analysis)) }
        for start in 0...(words.count - 3) {
            let phrase = words[start..<start + 3].joined(separator: " ")
            if let range = transcript.range(of: phrase) { needles.append(("phrase '\(transcript[range])'", Array(phrase.utf8))) }
        }
        for line in report.split(separator: "\n") where line.count > 30 && line.contains(words[2]) {
            needles.append(("report line", Array(line.utf8)))
        }
        // Also the PCM as a browser might have sent it in a different alignment: the window shifted by one sample.
        needles.append(("pcm window +2", Array(Self.loudestWindow(pcm).dropFirst(2).prefix(2_048))))

        let root = server.directory
        let files = Self.files(under: root)
        #expect(files.contains("paramedic.db") || files.contains { $0.hasSuffix(".db") || $0.hasSuffix(".sqlite") },
                "\(files)")
        #expect(files.contains { $0.hasPrefix("keys/") })
        let encrypted = files.filter { $0.hasPrefix("output/") && $0.hasSuffix(".enc") }
        #expect(encrypted.count == 4, "\(encrypted)")
        let sid8 = String(device.sessionID.prefix(8))
        for name in encrypted {
            let base = String(name.dropFirst("output/".count))
            #expect(base.range(of: #"^\#(sid8)_[0-9]{14}_(recording\.wav|transcript\.txt|analysis\.json|report\.txt)\.enc$"#,
                               options: .regularExpression) != nil, "\(base)")
        }
        var scanned = 0
        for name in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + name)))
            scanned += bytes.count
            for (label, needle) in needles {
                #expect(!bytes.recContains(needle), "\(name) holds the \(label) in the clear")
            }
            if name.hasPrefix("output/") || name.hasPrefix("keys/") {
                #expect(Self.mode(root + "/" + name) == 0o600, "\(name) mode \(String(Self.mode(root + "/" + name), radix: 8))")
            }
        }
        #expect(scanned > pcm.count, "the scan read the encrypted audio itself")
        #expect(Self.mode(root + "/output") == 0o700)
        #expect(Self.mode(root + "/keys") == 0o700)
    }

    @Test("a flipped byte or swapped files → 500 integrity_error, the server stays up, the failure is audited")
    func tamperDetected() throws {
        let server = try RecServer(users: [("medic.tamper", "paramedic", []), ("audi.tor", "auditor", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.tamper")
        let output = server.directory + "/output/"

        // Two processed recordings.
        var ids: [String] = []
        for text in ["blood pressure one hundred over sixty", "pulse one hundred and twenty, glucose four point two"] {
            let response = try client.request("POST", "/api/upload-recording?session_id=\(device.sessionID)",
                                              token: device.token, headers: ["Content-Type": "audio/wav"],
                                              body: try RecAudio.speechWAV(text))
            let id = try #require(response.string("recording_id"))
            #expect(try client.waitFor(device, id, file: "report")["status"] as? String == "ready")
            ids.append(id)
            // One second apart, so the two recordings' file names differ.
            server.clock.advance(by: 1)
        }
        func encFile(_ id: String, _ suffix: String) throws -> String {
            let info = try client.recording(device, id).json
            let created = try #require(info["created_at"] as? String)
            let stamp = created.filter(\.isNumber).prefix(14)
            let names = try FileManager.default.contentsOfDirectory(atPath: output)
            return output + (try #require(names.first { $0.contains("_\(stamp)_") && $0.hasSuffix(suffix) }))
        }

        // Flip one byte in the middle of the first recording's audio file.
        let audioPath = try encFile(ids[0], "_recording.wav.enc")
        var audio = Array(try Data(contentsOf: URL(fileURLWithPath: audioPath)))
        audio[audio.count / 2] ^= 0x01
        try Data(audio).write(to: URL(fileURLWithPath: audioPath))
        let broken = try client.file(device, ids[0], "recording")
        #expect(broken.status == 500)
        #expect(broken.errorCode == "integrity_error", "\(broken.text)")
        #expect(broken.headers["content-type"]?.hasPrefix("application/json") == true)
        // Nothing of the audio was sent before the failure was found.
        #expect(broken.body.count < 512)

        // The server is up, other files of the same recording still read, the other recording is untouched.
        #expect(try client.request("GET", "/healthz").status == 200)
        #expect(try client.file(device, ids[0], "transcript").status == 200)
        #expect(try client.file(device, ids[1], "recording").status == 200)

        // Swap the two recordings' transcripts (same type, other recording): both must fail, not cross over.
        let first = try encFile(ids[0], "_transcript.txt.enc")
        let second = try encFile(ids[1], "_transcript.txt.enc")
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        try b.write(to: URL(fileURLWithPath: first))
        try a.write(to: URL(fileURLWithPath: second))
        for id in ids {
            let swapped = try client.file(device, id, "transcript")
            #expect(swapped.status == 500, "\(id): \(swapped.status)")
            #expect(swapped.errorCode == "integrity_error")
        }
        // A file swapped for another type of the same recording fails too.
        let report = try encFile(ids[1], "_report.txt.enc")
        let analysis = try encFile(ids[1], "_analysis.json.enc")
        try Data(contentsOf: URL(fileURLWithPath: report)).write(to: URL(fileURLWithPath: analysis))
        #expect(try client.file(device, ids[1], "analysis").errorCode == "integrity_error")
        // Truncation: drop the last 100 bytes of the report.
        let reportBytes = try Data(contentsOf: URL(fileURLWithPath: report))
        try reportBytes.prefix(reportBytes.count - 100).write(to: URL(fileURLWithPath: report))
        #expect(try client.file(device, ids[1], "report").errorCode == "integrity_error")
        #expect(try client.request("GET", "/healthz").status == 200)

        // Every failure is in the audit log, attributed to the caller and the recording.
        let auditor = try server.login("audi.tor")
        let audit = try client.request("GET", "/api/audit?action=integrity_failure", token: auditor.token)
        let entries = try #require(audit.json["entries"] as? [[String: Any]])
        #expect(entries.count == 5, "\(entries)")
        #expect(entries.allSatisfy { $0["actor_username"] as? String == "medic.tamper" && $0["outcome"] as? String == "failure" })
        #expect(Set(entries.compactMap { $0["target_id"] as? String }) == Set(ids))
        let verify = try client.request("GET", "/api/audit/verify", token: auditor.token)
        #expect(verify.json["valid"] as? Bool == true)
    }
}
