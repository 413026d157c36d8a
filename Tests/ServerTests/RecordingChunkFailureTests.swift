@testable import App
import Foundation
import Logging
import Store
import Testing

/// A chunk's segment is written, then its seq commits. These inject failures between the two into the real
/// server: a commit refused by a trigger on the real SQLite file, a recording file swapped for a directory so the
/// appender cannot open it.
@Suite("Recording: chunk failures")
struct RecordingChunkFailureTests {
    static let chunkBytes = 3_200   // 0.1 s

    /// A second connection to the server's database, with a trigger that refuses the commit of `seq` while the
    /// table `fail_commit` has a row.
    static func failCommits(of seq: Int, in server: RecServer, recording: String? = nil) throws -> Database {
        let side = try Database(path: server.directory + "/paramedic.db", readers: 1, migrations: Schema.migrations)
        try side.write { connection in
            try connection.execute("CREATE TABLE fail_commit (x INTEGER)")
            try connection.execute("""
                CREATE TRIGGER fail_commit_seq BEFORE UPDATE OF committed_seq ON recordings
                WHEN NEW.committed_seq = \(seq) AND EXISTS (SELECT 1 FROM fail_commit)
                \(recording.map { "AND NEW.id = '\($0)'" } ?? "")
                BEGIN SELECT RAISE(ABORT, 'injected commit failure'); END
                """)
            try connection.execute("INSERT INTO fail_commit VALUES (1)")
        }
        return side
    }

    static func row(_ id: String, in side: Database) throws -> Row {
        try #require(try side.read {
            try $0.first("SELECT committed_seq, committed_segments, samples, status FROM recordings WHERE id = ?",
                         [id])
        })
    }

    @Test("the seq commit fails after the segment was written: 500, the segment is cut back, the retry is stored once")
    func commitFailsAfterTheAppend() throws {
        let server = try RecServer(users: [("medic.commit", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.commit")
        let id = try client.start(device)
        let pcm = RecAudio.pattern(seed: 21, bytes: 4 * Self.chunkBytes)
        let parts = (0..<4).map { Array(pcm[($0 * Self.chunkBytes)..<(($0 + 1) * Self.chunkBytes)]) }
        for seq in 0..<2 { #expect(try client.chunk(device, id, seq: seq, parts[seq]).status == 200) }

        let side = try Self.failCommits(of: 2, in: server)
        let failed = try client.chunk(device, id, seq: 2, parts[2])
        #expect(failed.status == 500, "\(failed.text)")
        let recording = try #require(server.app.recorders.activeRecording(session: device.sessionID))
        #expect(recording.appender.segmentsWritten == 2, "the written segment was cut back")
        let row = try Self.row(id, in: side)
        #expect(row.int("committed_seq") == 1 && row.int("committed_segments") == 2 && row.int("samples") == 3_200)

        try side.write { try $0.execute("DELETE FROM fail_commit") }
        #expect(try client.chunk(device, id, seq: 2, parts[2]).status == 200)
        #expect(try client.chunk(device, id, seq: 3, parts[3]).status == 200)
        let after = try Self.row(id, in: side)
        #expect(after.int("committed_seq") == 3 && after.int("committed_segments") == 4)
        #expect(try client.stop(device).status == 202)
        #expect(try RecWAV(try client.file(device, id, "recording").body).pcm == pcm, "every chunk exactly once")
    }

    @Test("a 48 kHz chunk retried after a failed commit stores what a clean stream stores (the resampler ran once)")
    func resampledRetryStoresTheSameAudio() throws {
        let server = try RecServer(users: [("medic.rate", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let failing = try server.login("medic.rate")
        let clean = try server.login("medic.rate")
        let failingID = try client.start(failing)
        let cleanID = try client.start(clean)
        let rate = "audio/L16;rate=48000;channels=1"
        let pcm = RecAudio.pattern(seed: 25, bytes: 3 * 9_600)
        let parts = (0..<3).map { Array(pcm[($0 * 9_600)..<(($0 + 1) * 9_600)]) }
        let side = try Self.failCommits(of: 1, in: server, recording: failingID)
        #expect(try client.chunk(failing, failingID, seq: 0, parts[0], contentType: rate).status == 200)
        #expect(try client.chunk(failing, failingID, seq: 1, parts[1], contentType: rate).status == 500)
        try side.write { try $0.execute("DELETE FROM fail_commit") }
        #expect(try client.chunk(failing, failingID, seq: 1, parts[1], contentType: rate).status == 200)
        #expect(try client.chunk(failing, failingID, seq: 2, parts[2], contentType: rate).status == 200)
        for seq in 0..<3 { #expect(try client.chunk(clean, cleanID, seq: seq, parts[seq], contentType: rate).status == 200) }
        #expect(try client.stop(failing).status == 202)
        #expect(try client.stop(clean).status == 202)
        let stored = try RecWAV(try client.file(failing, failingID, "recording").body).pcm
        let expected = try RecWAV(try client.file(clean, cleanID, "recording").body).pcm
        #expect(stored.count == expected.count && !stored.isEmpty)
        let same = stored == expected   // (not inside #expect: it would print both arrays)
        #expect(same, "the retried chunk's audio differs from the clean stream's")
    }

    @Test("the commit fails and the segment cannot be cut back: later chunks are refused, nothing more is committed, a restart keeps the acknowledged chunks")
    func segmentCannotBeCutBack() throws {
        let server = try RecServer(users: [("medic.broken", "paramedic", [])])
        var stopped = false
        defer { if !stopped { server.stop() } }
        let client = server.client
        let device = try server.login("medic.broken")
        let id = try client.start(device)
        let pcm = RecAudio.pattern(seed: 23, bytes: 3 * Self.chunkBytes)
        let parts = (0..<3).map { Array(pcm[($0 * Self.chunkBytes)..<(($0 + 1) * Self.chunkBytes)]) }
        for seq in 0..<2 { #expect(try client.chunk(device, id, seq: seq, parts[seq]).status == 200) }
        let recording = try #require(server.app.recorders.activeRecording(session: device.sessionID))

        // Hold the database's write lock so chunk 2's commit waits after its segment is written; then swap the
        // file for a directory, so that taking the segment back (after the refused commit) cannot open it.
        let side = try Self.failCommits(of: 2, in: server)
        let output = server.directory + "/output/"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: output)
            .first { $0.hasSuffix("_recording.wav.enc") })
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? side.write { connection in
                try connection.execute("UPDATE fail_commit SET x = x")
                holding.signal()
                release.wait()
            }
            released.signal()
        }
        holding.wait()
        let answered = DispatchSemaphore(value: 0)
        let status = LockedBox<Int>(0)
        Thread.detachNewThread {
            status.set((try? client.chunk(device, id, seq: 2, parts[2]).status) ?? -1)
            answered.signal()
        }
        let deadline = Date().addingTimeInterval(30)
        while recording.appender.segmentsWritten < 3, Date() < deadline { usleep(1_000) }
        #expect(recording.appender.segmentsWritten == 3, "chunk 2's segment was written; its commit waits")
        try FileManager.default.moveItem(atPath: output + name, toPath: output + name + ".aside")
        try FileManager.default.createDirectory(atPath: output + name, withIntermediateDirectories: false)
        release.signal()
        released.wait()
        answered.wait()
        #expect(status.get() == 500)
        #expect(recording.appender.needsRecovery)
        try FileManager.default.removeItem(atPath: output + name)
        try FileManager.default.moveItem(atPath: output + name + ".aside", toPath: output + name)
        try side.write { try $0.execute("DELETE FROM fail_commit") }

        // The retry is refused (the appender needs recovery): the row still says two acknowledged chunks.
        #expect(try client.chunk(device, id, seq: 2, parts[2]).status == 500)
        let row = try Self.row(id, in: side)
        #expect(row.int("committed_seq") == 1 && row.int("committed_segments") == 2 && row.int("samples") == 3_200)

        // The process ends without finishing the recording (as after kill -9); the next start recovers it.
        server.app.stop()
        var logger = Logger(label: "rectests")
        logger.logLevel = .warning
        let second = try Application(configuration: server.configuration, logger: logger)
        defer {
            second.stop()
            try? FileManager.default.removeItem(atPath: server.directory)
            stopped = true
        }
        let restarted = RecClient(port: try second.start())
        let info = try restarted.recording(device, id)
        #expect(info.string("status") == "interrupted", "\(info.text)")
        #expect(info.json["duration_s"] as? Double == 0.2)
        let wav = try RecWAV(try restarted.file(device, id, "recording").body)
        #expect(wav.pcm == Array(pcm.prefix(2 * Self.chunkBytes)), "exactly the acknowledged chunks")
    }

    @Test("a stop whose commit fails is 500 and changes nothing: the recording stays active, and the next stop finishes it with every chunk")
    func stopWhoseCommitFails() throws {
        let server = try RecServer(users: [("medic.stop", "paramedic", [])])
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.stop")
        let id = try client.start(device)
        let pcm = RecAudio.pattern(seed: 27, bytes: 2 * Self.chunkBytes)
        for seq in 0..<2 {
            let part = Array(pcm[(seq * Self.chunkBytes)..<((seq + 1) * Self.chunkBytes)])
            #expect(try client.chunk(device, id, seq: seq, part).status == 200)
        }
        let side = try Database(path: server.directory + "/paramedic.db", readers: 1, migrations: Schema.migrations)
        try side.write { connection in
            try connection.execute("CREATE TABLE fail_stop (x INTEGER)")
            try connection.execute("""
                CREATE TRIGGER fail_stop_status BEFORE UPDATE OF status ON recordings
                WHEN NEW.status = 'processing' AND EXISTS (SELECT 1 FROM fail_stop)
                BEGIN SELECT RAISE(ABORT, 'injected stop failure'); END
                """)
            try connection.execute("INSERT INTO fail_stop VALUES (1)")
        }
        #expect(try client.stop(device).status == 500)
        #expect(try Self.row(id, in: side).string("status") == "recording")
        #expect(server.app.recorders.activeRecording(session: device.sessionID) != nil, "still active")
        try side.write { try $0.execute("DELETE FROM fail_stop") }
        #expect(try client.stop(device).status == 202)
        #expect(try Self.row(id, in: side).string("status") != "recording")
        #expect(try RecWAV(try client.file(device, id, "recording").body).pcm == pcm)
    }
}
