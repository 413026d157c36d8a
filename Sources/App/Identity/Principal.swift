/// The authenticated caller of one request: the user as the database says NOW, the device session the token
/// binds, and the token's id and expiry (for logout).
public struct Principal: Sendable {
    public let user: User
    public let sessionID: String
    public let jti: String
    public let expiresAt: Int64
    public let clientIP: String

    public var sessionShort: String { String(sessionID.prefix(8)) }
}
