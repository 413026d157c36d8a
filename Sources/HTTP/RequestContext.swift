import CMHD
import Foundation

/// The state of one request, from MHD's URI-log callback to its completion callback.
///
/// Threading (why `@unchecked Sendable` is sound): MHD calls the access handler and the completion callback for
/// one connection on that connection's own worker thread, one call at a time, so the fields marked
/// "MHD thread only" need no lock. The fields under `lock` are touched by the handler's writer, which may run on
/// any thread (offloaded work); every access to them holds `lock`.
final class RequestContext: @unchecked Sendable {
    enum Phase {
        case running       // handler not finished or response not yet produced
        case suspended     // connection suspended, waiting for offloaded work
        case completed     // MHD finished the request (connection pointer no longer valid)
    }

    let rawURI: String
    let requestID: String
    let started: ContinuousClock.Instant
    unowned let core: ServerCore

    // MHD thread only.
    var headersSeen = false
    var handlerStarted = false
    var route: Route?
    var head: RequestHead?
    var preflightContext: (any Sendable)?
    var body: [UInt8] = []
    var status: Int = 0
    var methodText = "-"

    // Under `lock`.
    private let lock = NSLock()
    private var connection: OpaquePointer?
    private var response: Response?
    private var phase: Phase = .running
    private var offloaded = false

    init(rawURI: String, requestID: String, core: ServerCore) {
        self.rawURI = rawURI
        self.requestID = requestID
        self.core = core
        self.started = .now
    }

    func attach(_ connection: OpaquePointer) {
        lock.withLock { self.connection = connection }
    }

    func markOffloaded() {
        lock.withLock { offloaded = true }
    }

    /// Called once by the writer (from any thread). Stores the response and wakes a suspended connection.
    func complete(_ response: Response) {
        lock.withLock {
            guard phase != .completed, self.response == nil else { return }
            self.response = response
            if phase == .suspended, let connection {
                phase = .running
                MHD_resume_connection(connection)
            }
        }
    }

    /// MHD thread: after the handler returned. Returns the response if it is ready; otherwise suspends the
    /// connection until `complete` resumes it.
    func takeResponseOrSuspend() -> Response? {
        lock.withLock {
            if let response { self.response = nil; return response }
            if let connection {
                phase = .suspended
                core.noteSuspended(self, true)
                MHD_suspend_connection(connection)
            }
            return nil
        }
    }

    /// MHD thread: on a later access-handler call (after resume), the response if one is ready.
    func takeResponse() -> Response? {
        lock.withLock {
            guard let response else { return nil }
            self.response = nil
            core.noteSuspended(self, false)
            return response
        }
    }

    /// MHD thread: the request is over; the connection pointer must not be used again.
    func finish() {
        lock.withLock {
            phase = .completed
            connection = nil
        }
        core.noteSuspended(self, false)
    }
}
