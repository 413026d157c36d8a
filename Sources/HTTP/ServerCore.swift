import CMHD
import Foundation
import Logging

/// The state every MHD callback shares: the router, the logger, and the book-keeping graceful shutdown needs.
///
/// Threading (why `@unchecked Sendable` is sound): `router`, `configuration`, `staticFiles` and `logger` are
/// immutable after init; `inFlight` and `suspended` are only touched with `lock` held.
final class ServerCore: @unchecked Sendable {
    let router: Router
    let configuration: HTTPServer.Configuration
    let logger: Logger

    private let lock = NSLock()
    private var inFlight = 0
    private var suspended: [ObjectIdentifier: RequestContext] = [:]
    private var draining = false
    private var requestCounter: UInt64 = 0
    /// Random per server start, so request ids from different runs do not collide in logs.
    private let requestPrefix = String(UInt32.random(in: 0 ... .max), radix: 16)

    init(router: Router, configuration: HTTPServer.Configuration, logger: Logger) {
        self.router = router
        self.configuration = configuration
        self.logger = logger
    }

    func requestStarted() { lock.withLock { inFlight += 1 } }

    /// A request id: the server's random prefix and a counter (no system call per request).
    func nextRequestID() -> String {
        let number = lock.withLock { () -> UInt64 in
            requestCounter &+= 1
            return requestCounter
        }
        return requestPrefix + "-" + String(number, radix: 16)
    }
    func requestFinished() { lock.withLock { inFlight -= 1 } }
    var inFlightCount: Int { lock.withLock { inFlight } }
    var isDraining: Bool { lock.withLock { draining } }
    func beginDraining() { lock.withLock { draining = true } }

    func noteSuspended(_ context: RequestContext, _ isSuspended: Bool) {
        lock.withLock {
            if isSuspended { suspended[ObjectIdentifier(context)] = context }
            else { suspended.removeValue(forKey: ObjectIdentifier(context)) }
        }
    }

    /// Answers every request still waiting for offloaded work with 503, which resumes its connection.
    /// MHD aborts the process if it is stopped while a connection is suspended.
    func resumeAllSuspended() {
        let waiting = lock.withLock { Array(suspended.values) }
        for context in waiting {
            context.complete(HTTPError(503, "shutting_down", "The server is shutting down.").response)
        }
    }

    var suspendedCount: Int { lock.withLock { suspended.count } }
}
