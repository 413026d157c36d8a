import Dispatch
import Security
import Synchronization
import Testing

/// A keyring, claims and a forger that builds tokens from raw JSON text, for round trips and attacks.
struct JWTFixture {
    static let kid = "a1b2c3d4e5f60718"
    static let issuer = "paramedic-recorder"
    static let audience = "paramedic-recorder-api"
    static let now: Int64 = 1_764_072_000

    let key: HMACKey
    let keyring: JWTKeyring

    init() throws {
        key = try HMACKey(key: try SecureRandom.bytes(32))
        keyring = try JWTKeyring(keys: [(kid: Self.kid, key: key)], signingKID: Self.kid)
    }

    var claims: AccessClaims {
        AccessClaims(iss: Self.issuer, aud: Self.audience, sub: "42", sid: "6f1c2b1e-8a3d-4c5e-9f70-1a2b3c4d5e6f",
                     jti: "b1946ac92492d2347c6235b4d2611184", iat: Self.now, nbf: Self.now, exp: Self.now + 900,
                     ver: 3)
    }

    static let header = #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718"}"#

    /// The payload members as raw JSON values, in order.
    static let members: [(String, String)] = [
        ("iss", #""paramedic-recorder""#), ("aud", #""paramedic-recorder-api""#), ("sub", #""42""#),
        ("sid", #""6f1c2b1e-8a3d-4c5e-9f70-1a2b3c4d5e6f""#), ("jti", #""b1946ac92492d2347c6235b4d2611184""#),
        ("iat", "1764072000"), ("nbf", "1764072000"), ("exp", "1764072900"), ("ver", "3"),
    ]

    /// Payload JSON with `dropping` left out and `overriding` values (raw JSON) replaced; `extra` appended verbatim.
    static func payload(dropping: String? = nil, overriding: [String: String] = [:], extra: String = "") -> String {
        let parts = members.filter { $0.0 != dropping }.map { name, value in "\"\(name)\":\(overriding[name] ?? value)" }
        return "{" + parts.joined(separator: ",") + extra + "}"
    }

    /// A token from raw header and payload JSON, MAC'd with `key` (default: the configured key).
    func forge(header: String = Self.header, payload: String = Self.payload(), key: HMACKey? = nil) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        return input + "." + Base64URL.encode(try (key ?? self.key).authenticationCode(for: input))
    }

    /// A token from already-encoded header and payload segments (which may be invalid base64url), correctly MAC'd.
    func forge(segments header: String, _ payload: String) throws -> String {
        let input = header + "." + payload
        return input + "." + Base64URL.encode(try key.authenticationCode(for: input))
    }

    func verify(_ token: String, now: Int64 = Self.now + 10, leeway: Int64 = 60, issuer: String = Self.issuer,
                audience: String = Self.audience) throws(JWTError) -> AccessClaims {
        try JWT.verify(token, keyring: keyring, issuer: issuer, audience: audience, now: now, leeway: leeway)
    }

    /// The error code `verify` throws for `token`, or nil when it verifies.
    func code(_ token: String, now: Int64 = Self.now + 10, leeway: Int64 = 60) -> JWTError.Code? {
        do {
            _ = try verify(token, now: now, leeway: leeway)
            return nil
        } catch {
            return error.code
        }
    }
}

@Suite struct JWTTests {
    let f: JWTFixture

    init() throws { f = try JWTFixture() }

    @Test func roundTrip() throws {
        let token = try JWT.sign(f.claims, keyring: f.keyring)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(Base64URL.decode(parts[0]).map { String(decoding: $0, as: UTF8.self) }
            == #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718"}"#)
        #expect(try f.verify(token) == f.claims)
    }

    /// Strings that need escaping survive the round trip through the JSON writer and the strict parser.
    @Test func roundTripWithEscapes() throws {
        var claims = f.claims
        claims.sub = "quote\" backslash\\ newline\n tab\t nul\u{0} é 🚑"
        claims.jti = "x"
        claims.ver = Int64.max
        claims.iat = -5
        let token = try JWT.sign(claims, keyring: f.keyring)
        #expect(try f.verify(token) == claims)
    }

    /// Tokens this module did not write, with members in another order, spacing and escapes, still verify.
    @Test func acceptsOtherValidEncodings() throws {
        let header = "{ \"kid\" : \"a1b2c3d4e5f60718\" ,\r\n \"alg\":\"HS\\u0032\\u00356\" }"
        let payload = JWTFixture.payload(extra: #","roles":["paramedic"],"nested":{"a":[1,2.5,true,null]}"#)
        #expect(try f.verify(try f.forge(header: header, payload: payload)).sub == "42")
    }

    @Test func keyRotationKeepsOldTokensValid() throws {
        let newKey = try HMACKey(key: try SecureRandom.bytes(32))
        let rotated = try JWTKeyring(keys: [(kid: "ffffffffffffffff", key: newKey), (kid: JWTFixture.kid, key: f.key)],
                                     signingKID: "ffffffffffffffff")
        let old = try JWT.sign(f.claims, keyring: f.keyring)
        let new = try JWT.sign(f.claims, keyring: rotated)
        #expect(try JWT.verify(old, keyring: rotated, issuer: JWTFixture.issuer, audience: JWTFixture.audience,
                               now: JWTFixture.now) == f.claims)
        #expect(try JWT.verify(new, keyring: rotated, issuer: JWTFixture.issuer, audience: JWTFixture.audience,
                               now: JWTFixture.now) == f.claims)
        // The old keyring does not know the new kid: a distinct code, so the app can reload keys once.
        #expect(f.code(new) == .unknownKey)
    }

    @Test func keyringRefusesBadConfigurations() throws {
        let key = f.key
        #expect(throws: CryptoError.self) { try JWTKeyring(keys: [], signingKID: "a") }
        #expect(throws: CryptoError.self) { try JWTKeyring(keys: [(kid: "a", key: key)], signingKID: "b") }
        #expect(throws: CryptoError.self) { try JWTKeyring(keys: [(kid: "a", key: key), (kid: "a", key: key)], signingKID: "a") }
        #expect(throws: CryptoError.self) { try JWTKeyring(keys: [(kid: "", key: key)], signingKID: "") }
        #expect(throws: CryptoError.self) { try JWTKeyring(keys: [(kid: "a\"b", key: key)], signingKID: "a\"b") }
        #expect(throws: CryptoError.self) { try JWTKeyring(keys: [(kid: "../x", key: key)], signingKID: "../x") }
        #expect(throws: CryptoError.self) {
            try JWTKeyring(keys: [(kid: String(repeating: "a", count: 65), key: key)], signingKID: String(repeating: "a", count: 65))
        }
    }

    // MARK: time claims

    @Test func expiry() throws {
        let token = try f.forge()
        let exp = JWTFixture.now + 900
        #expect(f.code(token, now: exp - 1, leeway: 0) == nil)
        #expect(f.code(token, now: exp, leeway: 0) == .expired)
        #expect(f.code(token, now: exp + 59) == nil)          // within the 60 s leeway
        #expect(f.code(token, now: exp + 60) == .expired)     // at the edge of the leeway
        #expect(f.code(token, now: exp + 3600) == .expired)   // well beyond
        #expect(f.code(token, now: Int64.max) == .expired)    // no overflow
    }

    @Test func notBeforeAndIssuedAtInTheFuture() throws {
        let nbfFuture = try f.forge(payload: JWTFixture.payload(overriding: ["nbf": "1764073000"]))
        #expect(f.code(nbfFuture) == .notYetValid)
        #expect(f.code(nbfFuture, now: 1_764_073_000 - 60) == nil)   // within leeway
        #expect(f.code(nbfFuture, now: 1_764_073_000 - 61) == .notYetValid)
        let iatFuture = try f.forge(payload: JWTFixture.payload(overriding: ["iat": "1764072500"]))
        #expect(f.code(iatFuture) == .notYetValid)
        #expect(f.code(iatFuture, now: 1_764_072_440) == nil)   // within leeway
        #expect(f.code(iatFuture, now: 1_764_072_439) == .notYetValid)
        #expect(f.code(try f.forge(), now: Int64.min) == .notYetValid)   // no overflow
    }

    @Test func issuerAndAudienceMustMatchExactly() throws {
        let token = try f.forge()
        for wrong in ["paramedic-recorder ", "Paramedic-Recorder", "", "evil"] {
            #expect(throws: JWTError.self) { try f.verify(token, issuer: wrong) }
            #expect(throws: JWTError.self) { try f.verify(token, audience: wrong) }
        }
        let error = #expect(throws: JWTError.self) { try f.verify(token, audience: "other-api") }
        #expect(error?.code == .invalidClaims)
        let audArray = try f.forge(payload: JWTFixture.payload(overriding: ["aud": #"["paramedic-recorder-api"]"#]))
        #expect(f.code(audArray) == .invalidClaims)
        let wrongIss = try f.forge(payload: JWTFixture.payload(overriding: ["iss": #""someone-else""#]))
        #expect(f.code(wrongIss) == .invalidClaims)
    }

    /// HMACKey and the keyring are shared by every request thread.
    @Test func verifiesFromManyThreadsAtOnce() throws {
        let token = try JWT.sign(f.claims, keyring: f.keyring)
        let failures = Mutex(0)
        let f = self.f
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<2_000 where (try? f.verify(token)) != f.claims {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 0)
    }
}
