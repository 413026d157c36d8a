import App
import Foundation
import Testing

/// Vault master-key rotation (`paramedic keys rotate --vault`) and retention, against a running server.
@Suite("Recording: vault key rotation and retention")
struct RecordingKeysTests {
    /// Records a short tone and waits until transcript, analysis and report exist.
    private func processedRecording(_ server: RecServer, _ device: RecDevice) throws -> String {
        let id = try server.client.start(device)
        try server.client.stream(device, id, try RecAudio.tone(440, seconds: 1.0))
        #expect(try server.client.stop(device).status == 202)
        _ = try server.client.waitFor(device, id, statuses: ["ready"], file: "report")
        return id
    }

    private func downloads(_ server: RecServer, _ device: RecDevice, _ id: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for type in ["recording", "transcript", "analysis", "report"] {
            let response = try server.client.file(device, id, type)
            #expect(response.status == 200, "\(type): \(response.status) \(response.text)")
            files[type] = response.body
        }
        return files
    }

    private func outputBytes(_ server: RecServer) throws -> [String: Data] {
        let output = server.directory + "/output"
        var bytes: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: output) where name.hasSuffix(".enc") {
            bytes[name] = FileManager.default.contents(atPath: output + "/" + name)
        }
        return bytes
    }

    private func keyIDs(_ server: RecServer) throws -> [String] {
        try KeyFile.load(path: server.directory + "/keys/vault.key").entries.map(\.id)
    }

    @Test("rotate while the server runs: every file still reads, no file byte changes, the old key is destroyed")
    func rotationKeepsEverythingReadable() throws {
        let server = try RecServer(users: [("medic.rot", "paramedic", [])])
        defer { server.stop() }
        let device = try server.login("medic.rot")
        let id = try processedRecording(server, device)
        let before = try downloads(server, device, id)
        let cipherBefore = try outputBytes(server)
        let oldKeys = try keyIDs(server)
        #expect(oldKeys.count == 1)

        try AdminTool(configuration: server.configuration).rotateVault()

        let newKeys = try keyIDs(server)
        #expect(newKeys.count == 1 && newKeys != oldKeys, "only the new master key remains on disk")
        #expect(try outputBytes(server) == cipherBefore, "rotation re-wraps keys in SQLite; file bytes are untouched")
        #expect(try downloads(server, device, id) == before)
        // New files after the rotation use the new key and read back too.
        let second = try processedRecording(server, device)
        #expect(try downloads(server, device, second)["recording"]?.isEmpty == false)
        #expect(try AdminTool(configuration: server.configuration).verifyAudit().isValid)
    }

    @Test("a rotation killed between its steps leaves every file readable, and the next rotation completes")
    func interruptedRotationIsSafe() throws {
        let server = try RecServer(users: [("medic.kill", "paramedic", [])])
        defer { server.stop() }
        let device = try server.login("medic.kill")
        let id = try processedRecording(server, device)
        let before = try downloads(server, device, id)

        // Killed after step 1 (new key written next to the old one, nothing re-wrapped yet).
        var file = try KeyFile.load(path: server.directory + "/keys/vault.key")
        try file.addNewKey(now: server.clock.now())
        #expect(try keyIDs(server).count == 2)
        #expect(try downloads(server, device, id) == before)

        // Killed after step 2 (rows re-wrapped and committed, the old key not yet destroyed).
        try AdminTool(configuration: server.configuration).rotateVault(abortAfterRewrap: true)
        #expect(try keyIDs(server).count == 3)
        #expect(try downloads(server, device, id) == before)
        let during = try processedRecording(server, device)

        // A complete rotation afterwards: one key left, everything (old and new recordings) reads.
        try AdminTool(configuration: server.configuration).rotateVault()
        #expect(try keyIDs(server).count == 1)
        #expect(try downloads(server, device, id) == before)
        #expect(try downloads(server, device, during)["report"]?.isEmpty == false)
    }

    @Test("retention: recordings past --retention-days are crypto-shredded (keys and files gone) and audited")
    func retentionShreds() throws {
        let server = try RecServer(users: [("medic.old", "paramedic", []), ("audi.ret", "auditor", [])]) {
            $0.retentionDays = 1
            $0.tokens.accessLifetime = 72 * 3600   // the token outlives the first clock jump (12 h)
        }
        defer { server.stop() }
        let device = try server.login("medic.old")
        let id = try processedRecording(server, device)
        #expect(try outputBytes(server).count == 4)

        server.clock.advance(by: 12 * 3600)
        server.app.runMaintenance()
        #expect(try server.client.recording(device, id).status == 200, "younger than the retention period: kept")

        server.clock.advance(by: 36 * 3600)
        server.app.runMaintenance()
        // The device session idled past 24 h as well and was expired: sign in again to look.
        let again = try server.login("medic.old")
        #expect(try server.client.recording(again, id).status == 404)
        #expect(try server.client.file(again, id, "recording").status == 404)
        #expect(try outputBytes(server).isEmpty, "every file of the recording is removed")

        let auditor = try server.login("audi.ret")
        let page = try server.client.request("GET", "/api/audit?action=retention_shred", token: auditor.token).json
        let entries = try #require(page["entries"] as? [[String: Any]])
        #expect(entries.contains { $0["target_id"] as? String == id })
    }
}
