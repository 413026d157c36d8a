import Foundation

/// A response body: bytes in memory, or a stream produced piece by piece (large downloads).
public enum ResponseBody: Sendable {
    case bytes([UInt8])
    case stream(length: UInt64?, ResponseStream)
}

/// Produces a streamed body. `next()` returns the next piece, an empty array at the end, or throws to cut the
/// connection (the client sees a short body, never unauthenticated data). Called on one thread at a time.
public protocol ResponseStream: AnyObject, Sendable {
    func next(maxBytes: Int) throws -> [UInt8]
}

/// A response: status, headers and body. Security headers are added by the server, not by handlers.
public struct Response: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: ResponseBody

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: ResponseBody = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int, contentType: String, body: [UInt8]) {
        var headers = HTTPHeaders()
        headers.set(name: "Content-Type", value: contentType)
        self.init(status: status, headers: headers, body: .bytes(body))
    }

    /// A JSON response of an Encodable value (keys sorted, so bodies are stable).
    public static func json<T: Encodable>(_ value: T, status: Int = 200) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return HTTPError.internalError().response }
        return Response(status: status, contentType: "application/json; charset=utf-8", body: [UInt8](data))
    }

    /// 204 No Content.
    public static var noContent: Response { Response(status: 204) }
}
