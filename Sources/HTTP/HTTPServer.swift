import CMHD
import Foundation
import Logging

/// An HTTP/1.1 server on libmicrohttpd: epoll, an internal pool of worker threads, explicit limits.
/// Knows nothing of users or recordings: it routes requests to `Route` handlers and sends their responses.
///
/// `start()` once, `stop()` once (graceful: answer new requests 503, let in-flight requests finish, answer requests still
/// waiting on offloaded work with 503, then stop MHD). `@unchecked Sendable`: `daemon` and `port` are written only
/// by `start()`/`stop()`, which the owner calls from one task, and read under `lock`.
public final class HTTPServer: @unchecked Sendable {
    public let configuration: Configuration
    private let core: ServerCore
    private let lock = NSLock()
    private var daemon: OpaquePointer?
    private var boundPort: UInt16 = 0

    public init(configuration: Configuration, router: Router, logger: Logger) {
        var router = router
        if let directory = configuration.staticDirectory, router.fallback == nil {
            router.fallback = StaticFiles(root: directory).route
        }
        self.configuration = configuration
        self.core = ServerCore(router: router, configuration: configuration, logger: logger)
    }

    deinit {
        if daemon != nil { stop() }
    }

    /// The port the server listens on (useful when configured with port 0).
    public var port: UInt16 { lock.withLock { boundPort } }

    /// Requests being handled now.
    public var inFlightRequests: Int { core.inFlightCount }

    /// Starts listening. Throws when the address is invalid or MHD cannot start (port in use…).
    public func start() throws {
        try lock.withLock {
            precondition(daemon == nil, "HTTPServer.start() called twice")
            Self.raiseFileLimit(logger: core.logger)
            var storage = sockaddr_storage()
            let length = try Self.socketAddress(host: configuration.host, port: configuration.port, into: &storage)
            let flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
                | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ITC.rawValue
                | (length == MemoryLayout<sockaddr_in6>.size ? MHD_USE_IPv6.rawValue : 0)
            let coreRef = Unmanaged.passUnretained(core).toOpaque()
            let started: OpaquePointer? = withUnsafeMutablePointer(to: &storage) { address in
                address.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddrPointer in
                    let options: [CVarArg] = [
                        MHD_OPTION.THREAD_POOL_SIZE.rawValue, UInt32(max(1, configuration.threadPoolSize)),
                        MHD_OPTION.CONNECTION_TIMEOUT.rawValue, configuration.connectionTimeout,
                        MHD_OPTION.PER_IP_CONNECTION_LIMIT.rawValue, configuration.perIPConnectionLimit,
                        MHD_OPTION.CONNECTION_LIMIT.rawValue, configuration.connectionLimit,
                        MHD_OPTION.CONNECTION_MEMORY_LIMIT.rawValue, configuration.connectionMemoryLimit,
                        MHD_OPTION.SOCK_ADDR.rawValue, OpaquePointer(sockaddrPointer),
                        MHD_OPTION.URI_LOG_CALLBACK.rawValue, unsafeBitCast(uriLogCallback, to: OpaquePointer.self),
                        OpaquePointer(coreRef),
                        MHD_OPTION.NOTIFY_COMPLETED.rawValue,
                        unsafeBitCast(requestCompletedCallback, to: OpaquePointer.self), OpaquePointer(coreRef),
                        MHD_OPTION.END.rawValue,
                    ]
                    return withVaList(options) { arguments in
                        MHD_start_daemon_va(flags, configuration.port, nil, nil, accessHandlerCallback, coreRef,
                                            arguments)
                    }
                }
            }
            guard let started else {
                throw HTTPServerError(.startFailed,
                                      "libmicrohttpd could not listen on \(configuration.host):\(configuration.port)")
            }
            daemon = started
            boundPort = paramedic_mhd_bound_port(started)
        }
    }

    /// Graceful stop: answer new requests 503, wait up to `shutdownGracePeriod` for in-flight requests, answer
    /// requests still waiting on offloaded work 503, then stop MHD. Safe to call twice.
    public func stop() {
        let current: OpaquePointer? = lock.withLock {
            let current = daemon
            daemon = nil
            return current
        }
        guard let current else { return }
        // From here every new request is answered 503 `shutting_down` before its handler runs. MHD_quiesce_daemon
        // is NOT used: with a thread pool on epoll it races the workers that move the listen socket in and out of
        // their epoll sets at the connection limit, and MHD aborts ("Failed to remove listen FD from epoll set",
        // seen in CI). The listen socket closes with MHD_stop_daemon below.
        core.beginDraining()
        let deadline = Date().addingTimeInterval(configuration.shutdownGracePeriod)
        // In-flight requests finish by themselves; offloaded work keeps its connection suspended until it answers.
        while core.inFlightCount > 0, Date() < deadline { usleep(5_000) }
        // MHD aborts if stopped with a suspended connection: answer every waiting request first and give MHD
        // a moment to flush them.
        core.resumeAllSuspended()
        let flushDeadline = Date().addingTimeInterval(1)
        while core.suspendedCount > 0, Date() < flushDeadline { usleep(2_000) }
        MHD_stop_daemon(current)
    }

    private static func socketAddress(host: String, port: UInt16,
                                      into storage: inout sockaddr_storage) throws -> Int {
        var ipv4 = in_addr()
        if inet_pton(AF_INET, host, &ipv4) == 1 {
            return withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    address.pointee.sin_family = sa_family_t(AF_INET)
                    address.pointee.sin_port = port.bigEndian
                    address.pointee.sin_addr = ipv4
                    return MemoryLayout<sockaddr_in>.size
                }
            }
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, host, &ipv6) == 1 {
            return withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    address.pointee.sin6_family = sa_family_t(AF_INET6)
                    address.pointee.sin6_port = port.bigEndian
                    address.pointee.sin6_addr = ipv6
                    return MemoryLayout<sockaddr_in6>.size
                }
            }
        }
        throw HTTPServerError(.invalidAddress, "'\(host)' is not an IPv4 or IPv6 address")
    }

    /// 1,000 tablets need more than the default 1,024 descriptors: raise the soft limit to the hard one.
    private static func raiseFileLimit(logger: Logger) {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else {
            logger.warning("getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue)) failed", metadata: ["errno": .stringConvertible(errno)])
            return
        }
        guard limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) != 0 {
            logger.warning("setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue)) failed", metadata: ["errno": .stringConvertible(errno)])
        }
    }
}
