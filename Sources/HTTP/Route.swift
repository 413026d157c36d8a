/// What a route's preflight decided on the headers call.
public enum Preflight: Sendable {
    /// Read the body, then run the handler with this context attached to the request.
    case proceed(context: (any Sendable)?)
    /// Answer now without reading the body (401, 403, 413…).
    case reject(HTTPError)
}

/// One route: a method, a pattern with `:name` parameters, the largest body it accepts, an optional
/// preflight run before the body is read, and the handler.
public struct Route: Sendable {
    public typealias Handler = @Sendable (Request, consuming ResponseWriter) -> Void
    public typealias PreflightCheck = @Sendable (RequestHead) -> Preflight

    public let method: HTTPMethod
    public let pattern: String
    public let bodyLimit: Int
    public let preflight: PreflightCheck?
    public let handler: Handler
    let segments: [Segment]

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// The default body limit for JSON routes: 1 MiB.
    public static let defaultBodyLimit = 1 << 20

    public init(_ method: HTTPMethod, _ pattern: String, bodyLimit: Int = Route.defaultBodyLimit,
                preflight: PreflightCheck? = nil, handler: @escaping Handler) {
        precondition(pattern.hasPrefix("/"), "route patterns start with /")
        self.method = method
        self.pattern = pattern
        self.bodyLimit = bodyLimit
        self.preflight = preflight
        self.handler = handler
        self.segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part.hasPrefix(":") ? .parameter(String(part.dropFirst())) : .literal(String(part))
        }
    }
}
