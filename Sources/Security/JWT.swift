/// JSON Web Tokens (RFC 7519) signed with HS256 (JWS, RFC 7515), following the JWT best practices of RFC 8725.
///
/// Only HS256 exists here: the algorithm is fixed by the server, never chosen by the token (`alg` must read
/// exactly `HS256`; `none`, `HS512`, `hs256`… are refused before any key is touched).
public enum JWT {
    /// Longest token `verify` reads, in bytes (and the longest `sign` produces).
    public static let maximumTokenByteCount = 4096

    /// Signs `claims` with the keyring's signing key. The header is exactly
    /// `{"alg":"HS256","typ":"JWT","kid":"<signingKID>"}`; the claims are written in a fixed order.
    /// - Throws: `CryptoError(.openSSL)` when the MAC fails; `CryptoError(.invalidInput)` when the token would be
    ///   longer than `maximumTokenByteCount`.
    public static func sign(_ claims: AccessClaims, keyring: JWTKeyring) throws -> String {
        let header = #"{"alg":"HS256","typ":"JWT","kid":"\#(keyring.signingKID)"}"#
        var payload: [UInt8] = []
        payload.reserveCapacity(256)
        payload.append(contentsOf: #"{"iss":"#.utf8)
        appendQuoted(claims.iss, to: &payload)
        payload.append(contentsOf: #","sub":"#.utf8)
        appendQuoted(claims.sub, to: &payload)
        payload.append(contentsOf: #","aud":"#.utf8)
        appendQuoted(claims.aud, to: &payload)
        payload.append(contentsOf: #","sid":"#.utf8)
        appendQuoted(claims.sid, to: &payload)
        payload.append(contentsOf: #","jti":"#.utf8)
        appendQuoted(claims.jti, to: &payload)
        payload.append(contentsOf: #","iat":\#(claims.iat),"nbf":\#(claims.nbf),"exp":\#(claims.exp),"ver":\#(claims.ver)}"#.utf8)
        let signingInput = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(payload)
        let mac = try keyring.signingKey.authenticationCode(for: signingInput.utf8)
        let token = signingInput + "." + Base64URL.encode(mac)
        guard token.utf8.count <= maximumTokenByteCount else {
            throw CryptoError(.invalidInput, operation: "JWT.sign", detail: "token longer than 4096 bytes")
        }
        return token
    }

    /// Verifies an HS256 token and returns its claims.
    ///
    /// In order: size (≤ `maximumTokenByteCount`), exactly three non-empty strict base64url segments, the header
    /// as a strict JSON object (duplicate names refused) whose `alg` is exactly `"HS256"`, with no `crit`, no
    /// members other than `alg`, `typ` (which must be `"JWT"`) and `kid` (required, a configured kid); then the
    /// MAC, compared in constant time, BEFORE the payload is parsed; then the payload as a strict JSON object
    /// with every `AccessClaims` member present and typed (strings; integers written as integers), `iss` and
    /// `aud` (a single string) equal to `issuer` and `audience`, `now < exp + leeway`, `nbf ≤ now + leeway`
    /// and `iat ≤ now + leeway` (`now` and the claims in seconds since 1970; a negative leeway counts as 0;
    /// the sums saturate instead of overflowing). Members not in `AccessClaims` are ignored (RFC 7519 §4).
    ///
    /// A failure inside OpenSSL while computing the MAC is reported as `.badSignature` (the token is refused
    /// either way). Nothing is logged.
    public static func verify(_ token: String, keyring: JWTKeyring, issuer: String, audience: String,
                              now: Int64, leeway: Int64 = 60) throws(JWTError) -> AccessClaims {
        guard token.utf8.count <= maximumTokenByteCount else {
            throw JWTError(.tooLarge, "token longer than \(maximumTokenByteCount) bytes")
        }
        let leeway = max(0, leeway)
        let result = token.utf8.withContiguousStorageIfAvailable {
            verify(bytes: $0, keyring: keyring, issuer: issuer, audience: audience, now: now, leeway: leeway)
        } ?? Array(token.utf8).withUnsafeBufferPointer {
            verify(bytes: $0, keyring: keyring, issuer: issuer, audience: audience, now: now, leeway: leeway)
        }
        return try result.get()
    }

    private static func verify(bytes: UnsafeBufferPointer<UInt8>, keyring: JWTKeyring, issuer: String,
                               audience: String, now: Int64, leeway: Int64) -> Result<AccessClaims, JWTError> {
        Result { () throws(JWTError) -> AccessClaims in
            // Segments.
            var dots = (-1, -1)
            for offset in 0..<bytes.count where bytes[offset] == UInt8(ascii: ".") {
                if dots.0 < 0 {
                    dots.0 = offset
                } else if dots.1 < 0 {
                    dots.1 = offset
                } else {
                    throw JWTError(.malformed, "more than three segments")
                }
            }
            guard dots.1 >= 0 else { throw JWTError(.malformed, "fewer than three segments") }
            let headerPart = UnsafeBufferPointer(rebasing: bytes[0..<dots.0])
            let payloadPart = UnsafeBufferPointer(rebasing: bytes[(dots.0 + 1)..<dots.1])
            let signaturePart = UnsafeBufferPointer(rebasing: bytes[(dots.1 + 1)...])
            guard !headerPart.isEmpty, !payloadPart.isEmpty, !signaturePart.isEmpty else {
                throw JWTError(.malformed, "empty segment")
            }

            // Header.
            guard let headerBytes = Base64URL.decode(bytes: headerPart) else {
                throw JWTError(.malformed, "header is not base64url")
            }
            let header: StrictJSON.Object
            do throws(StrictJSON.Failure) {
                header = try StrictJSON.parseObject(headerBytes)
            } catch {
                throw JWTError(.malformed, "header: \(error.reason)")
            }
            guard case .string(let alg)? = header["alg"], alg == "HS256" else {
                throw JWTError(.unsupportedAlgorithm, "alg is not HS256")
            }
            guard header["crit"] == nil else { throw JWTError(.malformed, "crit is not supported") }
            for name in header.names where name != "alg" && name != "typ" && name != "kid" {
                throw JWTError(.malformed, "unexpected header member")
            }
            if let typ = header["typ"] {
                guard case .string("JWT") = typ else { throw JWTError(.malformed, "typ is not JWT") }
            }
            guard case .string(let kid)? = header["kid"] else { throw JWTError(.malformed, "kid missing") }
            guard let key = keyring.key(for: kid) else { throw JWTError(.unknownKey, "kid not configured") }

            // Signature, before the payload is looked at.
            guard let signature = Base64URL.decode(bytes: signaturePart),
                  signature.count == HMACKey.macByteCount else {
                throw JWTError(.badSignature, "signature is not a base64url HS256 MAC")
            }
            let signingInput = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[0..<dots.1]))
            guard key.isValidAuthenticationCode(signature, for: signingInput) else {
                throw JWTError(.badSignature, "MAC does not verify")
            }

            // Payload.
            guard let payloadBytes = Base64URL.decode(bytes: payloadPart) else {
                throw JWTError(.malformed, "payload is not base64url")
            }
            let payload: StrictJSON.Object
            do throws(StrictJSON.Failure) {
                payload = try StrictJSON.parseObject(payloadBytes)
            } catch {
                throw JWTError(.malformed, "payload: \(error.reason)")
            }
            let claims = try claims(from: payload)
            guard claims.iss == issuer else { throw JWTError(.invalidClaims, "iss does not match") }
            guard claims.aud == audience else { throw JWTError(.invalidClaims, "aud does not match") }
            guard now < claims.exp.addingSaturating(leeway) else { throw JWTError(.expired, "token expired") }
            guard claims.nbf <= now.addingSaturating(leeway) else {
                throw JWTError(.notYetValid, "nbf is in the future")
            }
            guard claims.iat <= now.addingSaturating(leeway) else {
                throw JWTError(.notYetValid, "iat is in the future")
            }
            return claims
        }
    }

    private static func claims(from payload: StrictJSON.Object) throws(JWTError) -> AccessClaims {
        func string(_ name: String) throws(JWTError) -> String {
            guard case .string(let value)? = payload[name] else {
                throw JWTError(.invalidClaims, "\(name) missing or not a string")
            }
            guard !value.isEmpty else { throw JWTError(.invalidClaims, "\(name) is empty") }
            return value
        }
        func integer(_ name: String) throws(JWTError) -> Int64 {
            guard case .integer(let value)? = payload[name] else {
                throw JWTError(.invalidClaims, "\(name) missing or not an integer")
            }
            return value
        }
        return AccessClaims(iss: try string("iss"), aud: try string("aud"), sub: try string("sub"),
                            sid: try string("sid"), jti: try string("jti"), iat: try integer("iat"),
                            nbf: try integer("nbf"), exp: try integer("exp"), ver: try integer("ver"))
    }

    /// Appends `value` as a JSON string literal: quotes, backslashes and control characters escaped, every
    /// other character as its UTF-8 bytes.
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        let hexDigits: StaticString = "0123456789abcdef"
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits.utf8Start[Int(byte >> 4)])
                out.append(hexDigits.utf8Start[Int(byte & 0x0F)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension Int64 {
    /// `self + other`, clamped to `Int64.min...Int64.max`.
    fileprivate func addingSaturating(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
