import Foundation

extension HTTPServer {
    /// Everything the HTTP layer needs to know, each with a safe default. MHD's own defaults are not safe
    /// (no inactivity timeout), so every limit is set explicitly when the daemon starts.
    public struct Configuration: Sendable {
        /// The IPv4 or IPv6 literal to listen on. Default loopback only.
        public var host: String = "127.0.0.1"
        /// 0 picks a free port (tests); read it back from `HTTPServer.port`.
        public var port: UInt16 = 8000
        /// MHD worker threads (each runs its own epoll loop). Default: one per core.
        public var threadPoolSize: Int = ProcessInfo.processInfo.activeProcessorCount
        /// Seconds a connection may stay idle before MHD closes it.
        public var connectionTimeout: UInt32 = 30
        /// Connections one client address may hold open at once. A whole station may share one address.
        public var perIPConnectionLimit: UInt32 = 2048
        /// Connections open at once, all clients together.
        public var connectionLimit: UInt32 = 4096
        /// Per-connection memory pool: headers (a 4 KiB token plus normal headers must fit) and each upload
        /// piece handed to the handler.
        public var connectionMemoryLimit: Int = 64 * 1024
        /// Seconds `stop()` waits for in-flight requests before answering the rest 503.
        public var shutdownGracePeriod: TimeInterval = 10
        /// Directory of the static page (served at `/`), or nil for none.
        public var staticDirectory: String?

        public init() {}
    }
}
