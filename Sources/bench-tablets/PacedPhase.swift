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
        stats.dueSecond.append(Int32(max(0, tablet.dueAt - start)))
        accepted(tablet, tablet.phaseStep, response)
    }
}
