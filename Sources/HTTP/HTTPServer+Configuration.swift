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
        /// Per-connection memory pool: headers and each upload piece handed to the handler. 24 KiB still lets a
        /// ~21 KB forged token reach the application and get its JSON 401 (TokenAttackTests); every keep-alive
        /// connection holds one, so 1,000 tablets hold 24 MB instead of 64 MB with the earlier 64 KiB
        /// (bench-tablets at 500 tablets: RSS 176 → 156 MB, server CPU per chunk within noise of 64 KiB; 16 KiB
        /// saved a little more CPU but answers a token over ~15 KB with MHD's own HTML 431).
        public var connectionMemoryLimit: Int = 24 * 1024
        /// Seconds `stop()` waits for in-flight requests before answering the rest 503.
        public var shutdownGracePeriod: TimeInterval = 10
        /// Directory of the static page (served at `/`), or nil for none.
        public var staticDirectory: String?

        public init() {}
    }
}
