import App
import Foundation
import Speech
import Testing

/// Live transcription with the real Whisper engine: while a recording streams, an idle worker transcribes it in
/// pieces cut in quiet moments; after stop only the rest is transcribed, and the transcript holds all of it.
@Suite("Recording: live transcription",
       .enabled(if: WhisperFactory.isInstalled(), "run scripts/setup-whisper.sh to install the Whisper venv"))
struct RecordingLiveTranscriptionTests {
    @Test("pieces are transcribed while streaming; the final transcript and analysis cover the whole handover")
    func piecesWhileStreaming() throws {
        let server = try RecServer(users: [("medic.live", "paramedic", [])]) {
            $0.asr = "whisper"
            $0.liveTranscriptionSeconds = 3
        }
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.live")
        let id = try client.start(device)
        let pause = [UInt8](repeating: 0, count: 48_000)   // 1.5 s of silence: where the first cut should fall
        let first = try RecAudio.speechPCM("blood pressure one forty over ninety") + pause
            + RecAudio.speechPCM("pulse one ten") + pause
        let second = try RecAudio.speechPCM("temperature thirty eight point five") + pause

        let seq = try client.stream(device, id, first)
        // The first piece is due once 3 s + 3 s of search room wait untranscribed; an idle worker takes it.
        let uuid = try #require(UUID(uuidString: id))
        let deadline = Date().addingTimeInterval(120)
        while server.app.liveTranscribedSeconds(recordingID: uuid) == 0 && Date() < deadline { usleep(50_000) }
        let covered = server.app.liveTranscribedSeconds(recordingID: uuid)
        #expect(covered > 0, "no live piece ran")
        #expect(covered <= Double(first.count / 2) / 16_000, "a piece covers only committed audio")

        try client.stream(device, id, second, firstSeq: seq, alreadySent: first.count)
        #expect(try client.stop(device).status == 202)
        let info = try client.waitFor(device, id)
        #expect(info["status"] as? String == "ready", "\(info)")
        let transcript = try client.file(device, id, "transcript").text.lowercased()
        #expect(transcript.contains("blood pressure"), "\(transcript)")
        #expect(transcript.contains("pulse"), "\(transcript)")
        #expect(transcript.contains("temperature"), "the part streamed after the piece: \(transcript)")
        // The recording itself is untouched by the pieces: every streamed byte, in order.
        #expect(try RecWAV(try client.file(device, id, "recording").body).pcm == first + second)
        #expect(server.app.liveTranscribedSeconds(recordingID: uuid) == 0, "nothing of it stays in memory")
    }
}

/// The same path with PocketSphinx (always installed): pieces run while streaming, the finished recording holds
/// every streamed byte and is processed, and nothing of it stays in memory.
@Suite("Recording: live transcription (PocketSphinx)")
struct RecordingLivePocketSphinxTests {
    @Test("pieces run while streaming; after processing no live state is left")
    func piecesAndCleanup() throws {
        let server = try RecServer(users: [("medic.ps", "paramedic", [])]) { $0.liveTranscriptionSeconds = 2 }
        defer { server.stop() }
        let client = server.client
        let device = try server.login("medic.ps")
        let id = try client.start(device)
        let uuid = try #require(UUID(uuidString: id))
        let speech = try RecAudio.speechPCM("blood pressure one forty over ninety, pulse one ten")
            + [UInt8](repeating: 0, count: 32_000) + RecAudio.speechPCM("sats ninety four on air")
        // About 7 s of speech: more than a 2 s piece plus its 3 s cut search, so a piece is due; an idle worker
        // takes it while the tablet keeps the recording open.
        let seq = try client.stream(device, id, speech)
        var sent = speech
        let deadline = Date().addingTimeInterval(120)
        while server.app.liveTranscribedSeconds(recordingID: uuid) == 0 && Date() < deadline { usleep(50_000) }
        #expect(server.app.liveTranscribedSeconds(recordingID: uuid) > 0)
        try client.stream(device, id, speech, firstSeq: seq, alreadySent: sent.count)
        sent += speech
        #expect(try client.stop(device).status == 202)
        #expect(try client.waitFor(device, id)["status"] as? String == "ready")
        #expect(try RecWAV(try client.file(device, id, "recording").body).pcm == sent)
        #expect(try client.file(device, id, "transcript").status == 200)
        #expect(server.app.liveTranscribedSeconds(recordingID: uuid) == 0)
    }

    @Test("with more recordings in progress than the limit, no piece starts; below it, pieces resume")
    func piecesWaitWhileManyRecord() throws {
        let server = try RecServer(users: [("medic.a", "paramedic", []), ("medic.b", "paramedic", [])]) {
            $0.liveTranscriptionSeconds = 2
            $0.liveTranscriptionMaxRecordings = 1
        }
        defer { server.stop() }
        let client = server.client
        let (a, b) = (try server.login("medic.a"), try server.login("medic.b"))
        let idA = try client.start(a)
        let idB = try client.start(b)
        let uuidA = try #require(UUID(uuidString: idA))
        let speech = try RecAudio.speechPCM("blood pressure one forty over ninety, pulse one ten")
            + [UInt8](repeating: 0, count: 32_000) + RecAudio.speechPCM("sats ninety four on air")
        // Two recordings in progress, limit 1: a full window waits on A, but no piece may start.
        var seqA = try client.stream(a, idA, speech)
        var sentA = speech.count
        try client.stream(b, idB, speech)
        seqA = try client.stream(a, idA, speech, firstSeq: seqA, alreadySent: sentA)
        sentA += speech.count
        // A chunk is answered only after its piece decision: a queued or running piece would count here, a
        // finished one would show as transcribed seconds.
        #expect(server.app.liveTranscriptionPieces == 0, "no piece with 2 recordings in progress")
        #expect(server.app.liveTranscribedSeconds(recordingID: uuidA) == 0)
        // B stops: one recording in progress, A's next chunk queues a piece.
        #expect(try client.stop(b).status == 202)
        try client.stream(a, idA, speech, firstSeq: seqA, alreadySent: sentA)
        let deadline = Date().addingTimeInterval(120)
        while server.app.liveTranscribedSeconds(recordingID: uuidA) == 0 && Date() < deadline { usleep(50_000) }
        #expect(server.app.liveTranscribedSeconds(recordingID: uuidA) > 0)
        #expect(try client.stop(a).status == 202)
        #expect(try client.waitFor(a, idA)["status"] as? String == "ready")
        #expect(try client.waitFor(b, idB)["status"] as? String == "ready")
    }
}
