/// The headers every response carries, added by the server so no handler can forget them.
enum SecurityHeaders {
    /// Strict policy for the page: only our own scripts, styles and connections; no framing, no plugins.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; "
        + "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'none'"

    static func apply(to headers: inout HTTPHeaders, path: String, requestID: String) {
        headers.set(name: "X-Content-Type-Options", value: "nosniff")
        headers.set(name: "Referrer-Policy", value: "no-referrer")
        headers.set(name: "X-Frame-Options", value: "DENY")
        headers.set(name: "X-Request-Id", value: requestID)
        let contentType = headers["content-type"]?.lowercased() ?? ""
        if contentType.hasPrefix("text/html") {
            headers.set(name: "Content-Security-Policy", value: contentSecurityPolicy)
        }
        if path.hasPrefix("/api") || path == "/healthz" || !headers.contains("cache-control") {
            headers.set(name: "Cache-Control", value: "no-store")
        }
    }
}
