/// Matches a method and a decoded path to a route and its parameters. Literal segments win over parameters.
/// Built once before the server starts; immutable afterwards, so it is shared by every HTTP thread.
public struct Router: Sendable {
    public enum Match {
        case found(Route, parameters: [String: String])
        /// The path exists but not for this method.
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    private var routes: [Route] = []
    /// Serves GET/HEAD requests no route matched (static files), if set.
    public var fallback: Route?

    public init() {}

    public mutating func add(_ route: Route) {
        precondition(!routes.contains { $0.method == route.method && $0.segments == route.segments },
                     "duplicate route \(route.method.rawValue) \(route.pattern)")
        routes.append(route)
    }

    public func match(_ method: HTTPMethod, _ path: String) -> Match {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        // A trailing slash or an empty segment never matches an API route.
        var best: (Route, [String: String], Int)?
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let (parameters, literals) = Self.bind(route.segments, Array(parts)) else { continue }
            let lookup = method == .head ? HTTPMethod.get : method
            guard route.method == lookup else {
                allowed.append(route.method)
                continue
            }
            if best == nil || literals > best!.2 { best = (route, parameters, literals) }
        }
        if let (route, parameters, _) = best { return .found(route, parameters: parameters) }
        if !allowed.isEmpty { return .methodNotAllowed(allowed: allowed) }
        if let fallback, method == .get || method == .head { return .found(fallback, parameters: [:]) }
        return .notFound
    }

    private static func bind(_ segments: [Route.Segment], _ parts: [Substring]) -> ([String: String], Int)? {
        guard segments.count == parts.count else { return nil }
        var parameters: [String: String] = [:]
        var literals = 0
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard part == text else { return nil }
                literals += 1
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                parameters[name] = String(part)
            }
        }
        return (parameters, literals)
    }
}
