import Audio
import Foundation
import HTTP
import Store
import Vault

extension Application {
    struct SessionBody: Decodable { let session_id: String }
    struct StartResponse: Encodable { let status = "recording"; let session_id: String; let recording_id: String }
    struct ProcessingResponse: Encodable { let status: String; let recording_id: String; let reason: String? }
    struct RecordingList: Encodable { let recordings: [RecordingInfo]; let next_before: String? }

    /// A `session_id` that differs from the token's `sid` is 403 `session_mismatch`; a malformed one 400.
    static func checkSession(_ value: String?, _ principal: Principal) throws(HTTPError) {
        guard let value else { throw HTTPError.invalidRequest("session_id is required.") }
        guard let sessionID = DeviceSessionID.validate(value) else {
            throw HTTPError(400, "invalid_session_id", "session_id must be a UUID v4.")
        }
        guard sessionID == principal.sessionID else {
            throw HTTPError(403, "session_mismatch", "session_id does not match this device's session.")
        }
    }

    func addRecordingRoutes(to router: inout Router) {
        router.add(secured(.post, "/api/start-recording", .record, bodyLimit: 4096) { [self] request, principal, writer in
            // Creating the row, the vault file (fdatasync) and the audit entry takes milliseconds: off the HTTP threads.
            writer.offload(on: slowQueue) { [self] in respond {
                let body = try request.decodeJSON(SessionBody.self)
                try Self.checkSession(body.session_id, principal)
                let id = try recorders.start(principal: principal,
                                             source: configuration.alsaDevice == nil ? "stream" : "alsa")
                return .json(StartResponse(session_id: principal.sessionID, recording_id: id.lowercased), status: 201)
            } }
        })
        router.add(secured(.post, "/api/recordings/:id/chunks", .record,
                           bodyLimit: configuration.maxChunkBytes) { [self] request, principal, writer in
            let recording: ActiveRecording
            let seq: Int64
            let rate: Int
            do throws(HTTPError) {
                guard let seqText = request.query["seq"], let value = Int64(seqText), value >= 0, value < 1_000_000 else {
                    throw HTTPError.invalidRequest("seq must be a chunk number from 0.")
                }
                seq = value
                if let sessionID = request.query["session_id"] { try Self.checkSession(sessionID, principal) }
                rate = try Self.pcmRate(request.headers["content-type"])
                guard request.body.count % 2 == 0 else { throw HTTPError.invalidRequest("PCM bodies have an even length.") }
                guard let active = recorders.activeRecording(session: principal.sessionID),
                      active.idText == request.parameters["id"]?.lowercased(),
                      active.ownerID == principal.user.id else {
                    throw HTTPError.notFound()
                }
                // The server's microphone feeds this recording (--alsa-device): a browser's chunks would take its
                // sequence numbers.
                guard active.capture.get() == nil else {
                    throw HTTPError(409, "server_capture", "This recording is captured by the server's audio device.")
                }
                recording = active
            } catch {
                writer.write(error.response)
                return
            }
            let body = request.body
            // fdatasync blocks for milliseconds: never on an HTTP thread. Many chunks sync at once on the I/O
            // queue (the disk batches concurrent flushes) and their seq updates share group commits.
            writer.offload(on: chunkPool) { [self] in
                respond {
                    try recorders.appendChunk(recording, seq: seq, samples: [Int16](pcm: body), inputRate: rate).response
                }
            }
        })
        router.add(secured(.post, "/api/stop-recording", .record, bodyLimit: 4096) { [self] request, principal, writer in
            writer.offload(on: slowQueue) { [self] in respond {
                let body = try request.decodeJSON(SessionBody.self)
                try Self.checkSession(body.session_id, principal)
                guard let id = try recorders.finalize(session: principal.sessionID,
                                                      actor: principal.event("", .success), reason: "stop") else {
                    throw HTTPError(409, "not_recording", "This device session is not recording.")
                }
                return .json(ProcessingResponse(status: "processing", recording_id: id.lowercased, reason: nil), status: 202)
            } }
        })
        router.add(secured(.post, "/api/upload-recording", .record,
                           bodyLimit: configuration.maxUploadBytes) { [self] request, principal, writer in
            do throws(HTTPError) {
                try Self.checkSession(request.query["session_id"], principal)
                let header = Array(request.body.prefix(AudioProbe.recommendedHeaderBytes))
                do {
                    _ = try AudioProbe.inspect(header: header)
                } catch let error as AudioError {
                    let status = error.code == .unsupportedMediaType ? 415 : 400
                    throw HTTPError(status, error.code.description, "The body is not audio this server can read.")
                } catch {
                    throw HTTPError(400, "invalid_audio", "The body is not audio this server can read.")
                }
            } catch {
                writer.write(error.response)
                return
            }
            let body = request.body
            writer.offload(on: slowQueue) { [self] in
                respond {
                    let (id, status, reason) = try uploads.store(body, principal: principal)
                    return .json(ProcessingResponse(status: status, recording_id: id.lowercased, reason: reason), status: 202)
                }
            }
        })
        router.add(secured(.get, "/api/recordings", .readOwnRecordings, bodyLimit: 0) { [self] request, principal, writer in
            writer.write(respond {
                let limit = min(max(Int(request.query["limit"] ?? "50") ?? 50, 1), 200)
                var sql = RecordingInfo.select + " WHERE r.owner_id = ?"
                var bindings: [any SQLBindable] = [principal.user.id]
                if let before = request.query["before"].flatMap(Int64.init) {
                    sql += " AND r.created_at < ?"
                    bindings.append(before)
                }
                sql += " ORDER BY r.created_at DESC, r.id DESC LIMIT \(limit)"
                let rows = try database.read { try $0.query(sql, bindings) }
                let list = rows.map(RecordingInfo.init(row:))
                let next = rows.count == limit ? rows.last?.int("created_at").map { String($0) } : nil
                return .json(RecordingList(recordings: list, next_before: next))
            })
        })
        router.add(secured(.get, "/api/recordings/:id", .readOwnRecordings, bodyLimit: 0) { [self] request, principal, writer in
            writer.write(respond { .json(try visibleRecording(request.parameters["id"], principal)) })
        })
        router.add(secured(.get, "/api/recordings/:id/files/:type", .readOwnRecordings,
                           bodyLimit: 0) { [self] request, principal, writer in
            writer.write(respond { try download(request, principal) })
        })
    }

    /// The recording if the caller may see it; a missing one and a forbidden one give the same 404.
    func visibleRecording(_ rawID: String?, _ principal: Principal) throws -> RecordingInfo {
        guard let rawID, let id = UUID(uuidString: rawID) else { throw HTTPError.notFound() }
        let row = try database.read {
            try $0.first(RecordingInfo.select + " WHERE r.id = ? AND r.owner_id = ?", [id.lowercased, principal.user.id])
        }
        guard let row else {
            try? audit.record(principal.event("recording_view", .denied, targetType: "recording",
                                              targetID: String(rawID.prefix(64)), reason: "not_found"),
                              database: database)
            throw HTTPError.notFound()
        }
        return RecordingInfo(row: row)
    }

    static func pcmRate(_ contentType: String?) throws(HTTPError) -> Int {
        if contentType == "audio/L16;rate=16000;channels=1" { return 16_000 }   // what the page sends, every chunk
        let parts = (contentType ?? "").lowercased().split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first == "audio/l16" else { throw HTTPError.unsupportedMediaType("audio/L16;rate=16000;channels=1") }
        var rate = 16_000
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "rate" {
                guard let value = Int(pair[1]), [16_000, 44_100, 48_000].contains(value) else {
                    throw HTTPError.unsupportedMediaType("audio/L16 at 16000, 44100 or 48000 Hz")
                }
                rate = value
            }
            if pair[0] == "channels", pair[1] != "1" { throw HTTPError.unsupportedMediaType("mono audio/L16") }
        }
        return rate
    }

    func download(_ request: Request, _ principal: Principal) throws -> Response {
        guard let typeName = request.parameters["type"], let type = VaultFileType(name: typeName) else {
            throw HTTPError.notFound()
        }
        let info = try visibleRecording(request.parameters["id"], principal)
        guard let id = UUID(uuidString: info.id), info.files.contains(typeName) else { throw HTTPError.notFound() }
        let ext = ["recording": "wav", "transcript": "txt", "analysis": "json", "report": "txt"][typeName]!
        let filename = "\(info.session_short)_\(info.file_stamp)_\(typeName).\(ext)"
        do {
            // Authenticate the whole file before the first byte leaves (fails closed with a clear 500), then stream.
            guard let check = try recordingVault.reader(recordingID: id, type: type) else { throw HTTPError.notFound() }
            try check.forEachChunk { _ in }
            check.close()
            let total = check.plaintextBytes
            guard let reader = try recordingVault.reader(recordingID: id, type: type) else { throw HTTPError.notFound() }
            try audit.record(principal.event("file_download", .success, targetType: "recording", targetID: info.id,
                                             reason: typeName), database: database)
            var response = Response(status: 200, headers: HTTPHeaders(),
                                    body: .stream(length: UInt64(total) + (type == .recording ? UInt64(WAVHeader.size) : 0),
                                                  VaultDownloadStream(reader: reader,
                                                                      prefix: type == .recording
                                                                          ? WAVHeader.make(dataBytes: UInt32(clamping: total))
                                                                          : [])))
            let contentType = ["recording": "audio/wav", "transcript": "text/plain; charset=utf-8",
                               "analysis": "application/json", "report": "text/plain; charset=utf-8"][typeName]!
            response.headers.set(name: "Content-Type", value: contentType)
            response.headers.set(name: "Content-Disposition", value: "attachment; filename=\"\(filename)\"")
            return response
        } catch let error as VaultError {
            logger.error("vault integrity failure on download", metadata: ["recording": .string(info.id),
                                                                           "code": .string(error.code.description)])
            try? audit.record(principal.event("integrity_failure", .failure, targetType: "recording", targetID: info.id,
                                              reason: "\(typeName):\(error.code)"), database: database)
            throw HTTPError(500, "integrity_error", "The stored file failed its integrity check.")
        }
    }
}
