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
