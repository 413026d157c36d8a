import Foundation

/// POST /api/auth/login with the tablet's own device session id; keeps the access token.
struct LoginPhase: Phase {
    let password: String
    var name: String { "login" }
    var maxInFlight: Int { 8 }
    var requestTimeout: Double { 120 }

    func prepareNext(_ tablet: Tablet, now: Double) -> Double? {
        guard tablet.phaseStep == 0, tablet.broken == nil else { return nil }
        tablet.jsonRequest("/api/auth/login",
                           #"{"username":"\#(tablet.username)","password":"\#(password)","session_id":"\#(tablet.sessionID)"}"#,
                           authorized: false)
        return now
    }

    func finished(_ tablet: Tablet, _ response: HTTPResponse?, failure: String?, now: Double, stats: inout LoopStats) {
        guard let response, response.status == 200,
              let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let token = object["access_token"] as? String,
              (object["session_id"] as? String) == tablet.sessionID else {
            return reject(tablet, response, failure: failure, stats: &stats)
        }
        tablet.accessToken = token
        stats.succeeded += 1
        stats.wire.append(Float((now - tablet.sentAt) * 1000))
    }
}

/// POST /api/start-recording for the tablet's session; keeps the recording id.
struct StartPhase: Phase {
    var name: String { "start" }
    var maxInFlight: Int { 8 }
    var requestTimeout: Double { 120 }

    func prepareNext(_ tablet: Tablet, now: Double) -> Double? {
        guard tablet.phaseStep == 0, tablet.broken == nil else { return nil }
        tablet.jsonRequest("/api/start-recording", #"{"session_id":"\#(tablet.sessionID)"}"#)
        return now
    }

    func finished(_ tablet: Tablet, _ response: HTTPResponse?, failure: String?, now: Double, stats: inout LoopStats) {
        guard let response, response.status == 201,
              let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let id = object["recording_id"] as? String, UUID(uuidString: id) != nil else {
            return reject(tablet, response, failure: failure, stats: &stats)
        }
        tablet.recordingID = id
        stats.succeeded += 1
        stats.wire.append(Float((now - tablet.sentAt) * 1000))
    }
}

/// Requests paced at real time: request k of a tablet is due at `start + tablet.phaseOffset + k × period`; a
/// tablet never has two in flight (like a browser awaiting each upload), so a slow answer delays the next one and
/// shows in `fromDue`.
protocol PacedPhase: Phase {
    var start: Double { get }
    var period: Double { get }
    var count: Int { get }
    /// Fills `tablet.outgoing` with request `k`.
    func build(_ tablet: Tablet, _ k: Int)
    var expectedStatus: Int { get }
    /// Called when request k got no expected answer (before the tablet is taken out).
    func unanswered(_ tablet: Tablet, _ response: HTTPResponse?)
    /// Called for each expected answer to request k.
    func accepted(_ tablet: Tablet, _ k: Int, _ response: HTTPResponse)
}

extension PacedPhase {
    var maxInFlight: Int { .max }
    var requestTimeout: Double { 5 }

    func prepareNext(_ tablet: Tablet, now: Double) -> Double? {
        let k = tablet.phaseStep
        guard k < count, tablet.broken == nil else { return nil }
        build(tablet, k)
        return start + tablet.phaseOffset + Double(k) * period
    }

    func finished(_ tablet: Tablet, _ response: HTTPResponse?, failure: String?, now: Double, stats: inout LoopStats) {
        guard let response, response.status == expectedStatus else {
            unanswered(tablet, response)
            return reject(tablet, response, failure: failure, stats: &stats)
        }
        stats.succeeded += 1
        stats.wire.append(Float((now - tablet.sentAt) * 1000))
        stats.fromDue.append(Float((now - tablet.dueAt) * 1000))
        stats.sendLag.append(Float((tablet.sentAt - tablet.dueAt) * 1000))
        accepted(tablet, tablet.phaseStep, response)
    }
}

/// The baseline: GET /healthz (no authentication, no I/O) at the same rate over the same connections.
struct HealthPhase: PacedPhase {
    let start: Double
    let period: Double
    let count: Int
    var name: String { "healthz" }
    var expectedStatus: Int { 200 }

    func build(_ tablet: Tablet, _ k: Int) {
        tablet.beginRequest("GET", "/healthz", authorized: false)
    }

    func accepted(_ tablet: Tablet, _ k: Int, _ response: HTTPResponse) {}
    func unanswered(_ tablet: Tablet, _ response: HTTPResponse?) {}
}

/// The measurement: chunk k = 250 ms of 16 kHz s16le PCM, POSTed to the tablet's recording with `seq=k`.
struct StreamPhase: PacedPhase {
    let start: Double
    let period: Double
    let count: Int
    let pcm: PCM
    var name: String { "chunk" }
    var expectedStatus: Int { 200 }

    func build(_ tablet: Tablet, _ k: Int) {
        tablet.beginRequest("POST", "/api/recordings/\(tablet.recordingID)/chunks?seq=\(k)",
                            contentType: "audio/L16;rate=16000;channels=1", bodyLength: PCM.chunkBytes)
        pcm.append(tablet: tablet.index, seq: k, to: &tablet.outgoing)
    }

    func accepted(_ tablet: Tablet, _ k: Int, _ response: HTTPResponse) {
        tablet.chunksAcknowledged = k + 1
    }

    func unanswered(_ tablet: Tablet, _ response: HTTPResponse?) {
        // No HTTP answer (timeout, deadline, closed): the chunk may have been stored. An HTTP error: it was not.
        tablet.unconfirmedChunk = response == nil && tablet.written > 0
    }
}

/// POST /api/stop-recording (→ 202, the recording is queued for processing).
struct StopPhase: Phase {
    var name: String { "stop" }
    var maxInFlight: Int { 8 }
    var requestTimeout: Double { 120 }

    func prepareNext(_ tablet: Tablet, now: Double) -> Double? {
        // Stop even a tablet that failed while streaming: its recording must still be finalized.
        guard tablet.phaseStep == 0, !tablet.recordingID.isEmpty else { return nil }
        tablet.jsonRequest("/api/stop-recording", #"{"session_id":"\#(tablet.sessionID)"}"#)
        return now
    }

    func finished(_ tablet: Tablet, _ response: HTTPResponse?, failure: String?, now: Double, stats: inout LoopStats) {
        guard let response, response.status == 202 else {
            return reject(tablet, response, failure: failure, stats: &stats)
        }
        stats.succeeded += 1
        stats.wire.append(Float((now - tablet.sentAt) * 1000))
    }
}

/// Downloads the stored recording of each sampled tablet as WAV and compares its PCM, byte for byte, with every
/// chunk the server acknowledged (regenerated from the deterministic source).
struct VerifyPhase: Phase {
    let sample: Set<Int>
    let pcm: PCM
    var name: String { "verify" }
    var maxInFlight: Int { 4 }
    var requestTimeout: Double { 60 }

    func prepareNext(_ tablet: Tablet, now: Double) -> Double? {
        guard tablet.phaseStep == 0, sample.contains(tablet.index), !tablet.recordingID.isEmpty else { return nil }
        tablet.beginRequest("GET", "/api/recordings/\(tablet.recordingID)/files/recording")
        return now
    }

    func finished(_ tablet: Tablet, _ response: HTTPResponse?, failure: String?, now: Double, stats: inout LoopStats) {
        guard let response, response.status == 200 else {
            tablet.verified = false
            return reject(tablet, response, failure: failure, stats: &stats)
        }
        // Every acknowledged chunk, in order; plus possibly the one whose answer never came.
        let body = response.body
        let stored = (body.count - 44) / PCM.chunkBytes
        var good = body.count >= 44 && (body.count - 44) % PCM.chunkBytes == 0
            && (stored == tablet.chunksAcknowledged || (tablet.unconfirmedChunk && stored == tablet.chunksAcknowledged + 1))
            && Array(body.prefix(4)) == Array("RIFF".utf8)
            && Array(body.dropFirst(8).prefix(4)) == Array("WAVE".utf8)
        if good {
            let dataSize = body.dropFirst(40).prefix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
            good = dataSize == body.count - 44
        }
        var seq = 0
        while good && seq < stored {
            let from = body.startIndex + 44 + seq * PCM.chunkBytes
            good = pcm.matches(tablet: tablet.index, seq: seq, body[from..<(from + PCM.chunkBytes)])
            seq += 1
        }
        tablet.verified = good
        if good { stats.succeeded += 1 } else { stats.fail("verify:mismatch") }
    }
}
