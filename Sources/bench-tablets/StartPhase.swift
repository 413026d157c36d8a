import Foundation

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
