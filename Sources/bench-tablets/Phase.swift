/// One step of the benchmark that every tablet goes through (log in, baseline, start, stream, stop, verify).
/// Phases are immutable and shared by the event-loop threads; they change only the tablet (owned by the calling
/// thread) and the calling thread's `LoopStats`.
protocol Phase: Sendable {
    /// A short name for logs.
    var name: String { get }
    /// Requests one event loop keeps in flight at once (paced phases: unlimited).
    var maxInFlight: Int { get }
    /// Seconds a request may take before it counts as lost.
    var requestTimeout: Double { get }
    /// Fills `tablet.outgoing` with the tablet's next request and returns when it is due (monotonic seconds), or
    /// returns nil when the tablet is done with this phase.
    func prepareNext(_ tablet: Tablet, now: Double) -> Double?
    /// The outcome of the tablet's request. `response` is nil when the request failed below HTTP (`failure`
    /// says why: timeout, connection closed…).
    func finished(_ tablet: Tablet, _ response: HTTPResponse?, failure: String?, now: Double, stats: inout LoopStats)
}

extension Phase {
    /// Records a response that is not the expected status, and takes the tablet out of later phases.
    func reject(_ tablet: Tablet, _ response: HTTPResponse?, failure: String?, stats: inout LoopStats) {
        let reason: String
        if let response {
            let code = String(decoding: response.body.prefix(300), as: UTF8.self)
                .split(separator: "\"").drop { $0 != "code" }.dropFirst(2).first.map(String.init) ?? ""
            reason = "\(name):\(response.status)" + (code.isEmpty ? "" : ":\(code)")
        } else {
            reason = "\(name):\(failure ?? "failed")"
        }
        stats.fail(reason)
        if tablet.broken == nil { tablet.broken = reason }
    }
}
