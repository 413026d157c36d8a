import Foundation

/// An error the HTTP layer and handlers answer with the product's error contract:
/// `{"error":{"code":"snake_case","message":"...", …extra}}` and a fitting status.
/// `code` is stable (clients and tests match on it); `message` is for people and never carries secrets,
/// SQL text or stack traces.
public struct HTTPError: Error, Sendable, Hashable {
    public var status: Int
    public var code: String
    public var message: String
    /// Extra integer members of the error object (for example `expected_seq`).
    public var extra: [String: Int]
    /// Extra response headers (for example `Retry-After`).
    public var headers: [String: String]

    public init(_ status: Int, _ code: String, _ message: String,
                extra: [String: Int] = [:], headers: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra
        self.headers = headers
    }

    public static func notFound() -> HTTPError { HTTPError(404, "not_found", "Not found.") }
    public static func invalidJSON(_ message: String = "The body is not valid JSON.") -> HTTPError {
        HTTPError(400, "invalid_json", message)
    }
    public static func invalidRequest(_ message: String) -> HTTPError { HTTPError(400, "invalid_request", message) }
    public static func internalError() -> HTTPError {
        HTTPError(500, "internal_error", "The server could not complete the request.")
    }
    public static func payloadTooLarge(limit: Int) -> HTTPError {
        HTTPError(413, "payload_too_large", "The body is larger than this route accepts (\(limit) bytes).")
    }
    public static func unsupportedMediaType(_ expected: String) -> HTTPError {
        HTTPError(415, "unsupported_media_type", "Expected a body of type \(expected).")
    }

    /// The JSON body of this error.
    public var body: [UInt8] {
        var object: [String: Any] = ["code": code, "message": message]
        for (key, value) in extra { object[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: ["error": object], options: [.sortedKeys])) ?? Data()
        return [UInt8](data)
    }

    /// The error as a response.
    public var response: Response {
        var response = Response(status: status, contentType: "application/json; charset=utf-8", body: body)
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { response.headers.set(name: name, value: value) }
        return response
    }
}
