/// What one event-loop thread measured in one phase. Owned by that thread while the phase runs, then merged by
/// the main thread after it joined.
struct LoopStats: Sendable {
    /// Milliseconds from the request's first byte written to its full response read (successful requests).
    var wire: [Float] = []
    /// Milliseconds from when the request was due (its audio was ready) to its full response: includes any wait
    /// behind the tablet's previous chunk and the client's own scheduling delay.
    var fromDue: [Float] = []
    /// Milliseconds the request went out after it was due.
    var sendLag: [Float] = []
    /// Paced phases only (`PacedPhase`, appended together with `wire`): for each entry of `wire`, the whole second
    /// from the phase's start in which the request was due, so the tail can be told apart as steady (saturation)
    /// or bunched into a few seconds (stalls). Empty for the other phases.
    var dueSecond: [Int32] = []
    var succeeded = 0
    var failures: [String: Int] = [:]
    var bytesSent = 0
    /// Requests that went out (their first bytes were handed to the socket, or a connect began).
    var requests = 0

    mutating func fail(_ reason: String) { failures[reason, default: 0] += 1 }

    mutating func merge(_ other: LoopStats) {
        wire += other.wire
        fromDue += other.fromDue
        sendLag += other.sendLag
        dueSecond += other.dueSecond
        succeeded += other.succeeded
        bytesSent += other.bytesSent
        requests += other.requests
        for (key, value) in other.failures { failures[key, default: 0] += value }
    }

    var failureCount: Int { failures.values.reduce(0, +) }
    var failureSummary: String {
        failures.isEmpty ? "none" : failures.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: ", ")
    }
}
