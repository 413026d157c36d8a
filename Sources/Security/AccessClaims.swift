/// The claims of an access token. Every field is required when verifying.
public struct AccessClaims: Codable, Hashable, Sendable {
    /// Issuer; must equal the verifier's expected issuer exactly.
    public var iss: String
    /// Audience (a single string); must equal the verifier's expected audience exactly.
    public var aud: String
    /// Subject: the user id.
    public var sub: String
    /// The device session UUID the token is bound to.
    public var sid: String
    /// Token id (unique per token; used for revocation).
    public var jti: String
    /// Issued at, seconds since 1970.
    public var iat: Int64
    /// Not before, seconds since 1970.
    public var nbf: Int64
    /// Expires at, seconds since 1970.
    public var exp: Int64
    /// The user's token version at issue; a token whose `ver` is below the stored one is revoked.
    public var ver: Int64

    public init(iss: String, aud: String, sub: String, sid: String, jti: String,
                iat: Int64, nbf: Int64, exp: Int64, ver: Int64) {
        self.iss = iss
        self.aud = aud
        self.sub = sub
        self.sid = sid
        self.jti = jti
        self.iat = iat
        self.nbf = nbf
        self.exp = exp
        self.ver = ver
    }
}
