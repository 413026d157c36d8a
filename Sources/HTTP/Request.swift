import Foundation
import Security

/// What a route sees before the body is read: method, path, headers, query. Handed to a route's `preflight`
/// on MHD's headers call, so authentication and size checks can refuse a request without reading its body.
public struct RequestHead: Sendable {
    public let method: HTTPMethod
    /// The URL-decoded path (MHD decodes it); see `rawURI` for the bytes the client sent.
    public let path: String
    /// The request target exactly as received, before any decoding.
    public let rawURI: String
    public let headers: HTTPHeaders
    public let query: [String: String]
    /// The client's IP address as text.
    public let remoteAddress: String
    /// A random id for this request, echoed in `X-Request-Id` and the request log.
    public let requestID: String
    /// The route's path parameters (`:id` → value).
    public let parameters: [String: String]
    /// The matched route's pattern, for logs (never the raw URI, which may carry query values).
    public let routePattern: String

    /// The declared body length, when the client sent Content-Length.
    public var contentLength: Int? { headers["content-length"].flatMap { Int($0) } }
}

/// A whole request: the head, the body (bounded by the route's limit), and what the preflight decided.
public struct Request: Sendable {
    public let head: RequestHead
    public let body: [UInt8]
    /// Whatever the route's preflight attached (for example the authenticated principal).
    public let context: (any Sendable)?

    public init(head: RequestHead, body: [UInt8], context: (any Sendable)?) {
        self.head = head
        self.body = body
        self.context = context
    }

    public var method: HTTPMethod { head.method }
    public var path: String { head.path }
    public var headers: HTTPHeaders { head.headers }
    public var query: [String: String] { head.query }
    public var parameters: [String: String] { head.parameters }
}

extension Request {
    /// Decodes a JSON body. A Content-Type other than application/json → 415; bytes that are not JSON → 400
    /// `invalid_json`; JSON of the wrong shape → 400 `invalid_request`.
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws(HTTPError) -> T {
        let contentType = headers["content-type"]?.lowercased() ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
        guard mediaType == "application/json" else { throw HTTPError.unsupportedMediaType("application/json") }
        // Strict RFC 8259 first (Foundation accepts trailing commas and lets duplicate names overwrite).
        guard JSONDocument.isStrictlyValid(body) else { throw HTTPError.invalidJSON() }
        let data = Data(body)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw HTTPError.invalidRequest("Missing field '\(key.stringValue)'.")
        } catch let DecodingError.typeMismatch(_, context) {
            throw HTTPError.invalidRequest("Field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type.")
        } catch let DecodingError.valueNotFound(_, context) {
            throw HTTPError.invalidRequest("Field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' is null.")
        } catch {
            throw HTTPError.invalidRequest("The JSON body does not have the expected shape.")
        }
    }
}
