import Foundation

/// One simulated tablet: its device session, its keep-alive connection, and the request it has in flight.
///
/// `@unchecked Sendable`: a tablet is touched by exactly one thread at a time. During a phase it belongs to the
/// event-loop thread whose slice holds it; it is handed over when that thread starts and handed back when the
/// main thread has waited for the thread's completion semaphore (both order memory). Nothing else reads it.
final class Tablet: @unchecked Sendable {
    let index: Int
    let username: String
    /// The device session id: a UUID v4, lowercase, as the browser keeps it in localStorage.
    let sessionID: String
    /// Random offset of this tablet's chunk schedule within the 250 ms period (tablets do not send in lockstep).
    let phaseOffset: Double

    var accessToken = ""
    var recordingID = ""
    /// Set once anything failed for this tablet; later phases skip it (its unsent chunks count as lost).
    var broken: String?

    // Streaming progress.
    var nextSeq = 0
    var chunksAcknowledged = 0
    /// True when the tablet stopped with a chunk in flight whose answer never came: the server may or may not
    /// have stored that chunk (it was never acknowledged, so either is correct).
    var unconfirmedChunk = false
    /// Verification outcome for the sampled tablets: nil = not checked.
    var verified: Bool?

    // Connection and in-flight request (managed by `EventLoop`).
    var fd: Int32 = -1
    var connecting = false
    /// The event loop's epoll set also watches `fd` for writability (while a request is partly sent or connecting).
    var watchingWrites = false
    var outgoing: [UInt8] = []
    var written = 0
    var incoming: [UInt8] = []
    var inFlight = false
    var sentAt = 0.0
    var dueAt = 0.0
    /// Requests this tablet completed in the current phase.
    var phaseStep = 0

    init(index: Int, username: String, phaseOffset: Double) {
        self.index = index
        self.username = username
        self.sessionID = UUID().uuidString.lowercased()   // Foundation's UUID() is a random (v4) UUID
        self.phaseOffset = phaseOffset
    }

    /// Closes the connection (the next request reconnects).
    func closeConnection() {
        if fd >= 0 { close(fd) }   // closing also takes it out of every epoll set
        fd = -1
        connecting = false
        watchingWrites = false
    }

    /// Starts `outgoing` as a new request: method line, headers, then `body`.
    func beginRequest(_ method: String, _ target: String, contentType: String? = nil, bodyLength: Int = 0,
                      authorized: Bool = true) {
        outgoing.removeAll(keepingCapacity: true)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if authorized { head += "Authorization: Bearer \(accessToken)\r\n" }
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        if method != "GET" || bodyLength > 0 { head += "Content-Length: \(bodyLength)\r\n" }
        head += "\r\n"
        outgoing.append(contentsOf: head.utf8)
    }

    /// A request with a small JSON body.
    func jsonRequest(_ target: String, _ json: String, authorized: Bool = true) {
        let body = Array(json.utf8)
        beginRequest("POST", target, contentType: "application/json", bodyLength: body.count, authorized: authorized)
        outgoing.append(contentsOf: body)
    }
}
