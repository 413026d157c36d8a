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
