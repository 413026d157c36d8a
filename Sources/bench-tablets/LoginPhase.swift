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
