import App
import Foundation
import Security
import Testing

/// Hand-made and tampered access tokens against `GET /api/me` over live HTTP (RFC 8725). Each case asserts the
/// exact status and error code. A control token, forged with the server's own key and every claim right, must
/// pass — so each refusal below is caused by the one thing the case changes.
@Suite struct TokenAttackTests {
    struct Fixture {
        let server: TestServer
        let forge: TokenForge
        let session: Session
        var now: Int64 { server.clock.now() }

        init() throws {
            server = try TestServer()
            try server.addUser("medic", role: "paramedic")
            session = try server.session("medic")
            forge = try TokenForge(keysDirectory: server.keysDirectory)
        }

        func payload(_ override: [String: String?] = [:]) -> String {
            forge.payload(userID: session.userID, sessionID: session.sessionID, now: now, override: override)
        }

        func expect(_ token: String, _ status: Int, _ code: String, _ label: String,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
            let response = try server.me(token)
            #expect(response.status == status, "\(label): \(response)", sourceLocation: sourceLocation)
            #expect(response.errorCode == code, "\(label): \(response)", sourceLocation: sourceLocation)
            #expect(response.header("Content-Type")?.hasPrefix("application/json") == true, "\(label)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func controlTokenForgedWithTheRealKeyPasses() throws {
        let f = try Fixture()
        let response = try f.server.me(try f.forge.sign(payload: f.payload()))
        #expect(response.status == 200, "\(response)")
        #expect((response.json?["user"] as? [String: Any])?["username"] as? String == "medic")
        // And the issued token has the documented header.
        let header = try #require(f.session.access.jwtHeader)
        #expect(header["alg"] as? String == "HS256")
        #expect(header["typ"] as? String == "JWT")
        #expect(header["kid"] as? String == f.forge.kid)
    }

    @Test func algNoneInAnyCaseIsRefused() throws {
        let f = try Fixture()
        for alg in ["none", "None", "nOnE", "NONE"] {
            let header = #"{"alg":"\#(alg)","typ":"JWT","kid":"\#(f.forge.kid)"}"#
            let unsigned = TokenForge.b64(header) + "." + TokenForge.b64(f.payload())
            try f.expect(unsigned + ".", 401, "invalid_token", "alg \(alg), empty signature")
            try f.expect(try f.forge.sign(header: header, payload: f.payload()), 401, "invalid_token",
                         "alg \(alg), HS256 signature")
        }
    }

    @Test func algRelabelledIsRefused() throws {
        let f = try Fixture()
        for alg in ["HS512", "HS384", "hs256", "Hs256", "HS256 ", "RS256", "ES256", "PS256", ""] {
            let header = #"{"alg":"\#(alg)","typ":"JWT","kid":"\#(f.forge.kid)"}"#
            try f.expect(try f.forge.sign(header: header, payload: f.payload()), 401, "invalid_token", "alg '\(alg)'")
        }
        let missing = #"{"typ":"JWT","kid":"\#(f.forge.kid)"}"#
        try f.expect(try f.forge.sign(header: missing, payload: f.payload()), 401, "invalid_token", "alg missing")
        let array = #"{"alg":["HS256"],"typ":"JWT","kid":"\#(f.forge.kid)"}"#
        try f.expect(try f.forge.sign(header: array, payload: f.payload()), 401, "invalid_token", "alg array")
    }

    @Test func strippedFlippedAndEditedSignaturesAreRefused() throws {
        let f = try Fixture()
        let parts = f.session.access.jwtParts
        try f.expect(parts[0] + "." + parts[1] + ".", 401, "invalid_token", "signature stripped")
        try f.expect(parts[0] + "." + parts[1], 401, "invalid_token", "signature segment removed")

        var signature = try #require(Base64URL.decode(parts[2]))
        for bit in [0, 7, 100, 255] {
            var flipped = signature
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            try f.expect(parts[0] + "." + parts[1] + "." + Base64URL.encode(flipped), 401, "invalid_token",
                         "bit \(bit) flipped")
        }
        signature.removeLast()
        try f.expect(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature), 401, "invalid_token",
                     "signature truncated")

        // The payload edited (another user, a later exp, another session) under the old signature.
        let payloadBytes = try #require(Base64URL.decode(parts[1]))
        var payload = String(decoding: payloadBytes, as: UTF8.self)
        let admin = payload.replacingOccurrences(of: #""sub":"\#(f.session.userID)""#, with: #""sub":"1""#)
        #expect(admin != payload)
        try f.expect(parts[0] + "." + TokenForge.b64(admin) + "." + parts[2], 401, "invalid_token", "sub edited")
        payload = payload.replacingOccurrences(of: #""exp":"#, with: #""exp":9"#)
        try f.expect(parts[0] + "." + TokenForge.b64(payload) + "." + parts[2], 401, "invalid_token", "exp edited")
        // The header edited under the old signature (kid unchanged, typ dropped).
        let header = #"{"alg":"HS256","kid":"\#(f.forge.kid)"}"#
        try f.expect(TokenForge.b64(header) + "." + parts[1] + "." + parts[2], 401, "invalid_token", "header edited")
    }

    @Test func forgedWithAnotherKeyIsRefused() throws {
        let f = try Fixture()
        let other = TokenForge(kid: f.forge.kid, key: try HMACKey(key: try SecureRandom.bytes(32)))
        try f.expect(try other.sign(payload: f.payload()), 401, "invalid_token", "random key, real kid")
        // The audit key (another key the server holds) under its own kid and under the JWT kid.
        let auditFile = try KeyFile.load(path: f.server.keysDirectory + "/audit.key")
        let auditKey = try HMACKey(key: try #require(auditFile.current).bytes)
        let auditKid = try #require(auditFile.current).id
        try f.expect(try TokenForge(kid: auditKid, key: auditKey).sign(payload: f.payload()), 401, "invalid_token",
                     "audit key, audit kid")
        try f.expect(try TokenForge(kid: f.forge.kid, key: auditKey).sign(payload: f.payload()), 401,
                     "invalid_token", "audit key, jwt kid")
        // An empty-ish key an attacker might guess.
        try f.expect(try TokenForge(kid: f.forge.kid, key: try HMACKey(key: [0])).sign(payload: f.payload()), 401,
                     "invalid_token", "key 0x00")
    }

    @Test func expiredTokenIsTokenExpired() throws {
        let f = try Fixture()
        f.server.clock.advance(by: 14 * 60)
        #expect(try f.server.me(f.session.access).status == 200, "still valid at 14 min")
        f.server.clock.advance(by: 2 * 60)  // 16 min: past exp (15 min) plus the 60 s leeway
        try f.expect(f.session.access, 401, "token_expired", "issued 16 min ago")
        // A forged token whose exp has passed by more than the leeway.
        let old = f.payload(["exp": "\(f.now - 61)"])
        try f.expect(try f.forge.sign(payload: old), 401, "token_expired", "exp 61 s ago")
        let edge = f.payload(["exp": "\(f.now - 30)"])
        #expect(try f.server.me(try f.forge.sign(payload: edge)).status == 200, "within the 60 s leeway")
    }

    @Test func notBeforeInTheFutureIsRefused() throws {
        let f = try Fixture()
        try f.expect(try f.forge.sign(payload: f.payload(["nbf": "\(f.now + 300)"])), 401, "invalid_token", "nbf +300 s")
        try f.expect(try f.forge.sign(payload: f.payload(["iat": "\(f.now + 300)"])), 401, "invalid_token", "iat +300 s")
        #expect(try f.server.me(try f.forge.sign(payload: f.payload(["nbf": "\(f.now + 30)"]))).status == 200,
                "nbf within the 60 s leeway")
    }

    @Test func wrongIssuerOrAudienceIsRefused() throws {
        let f = try Fixture()
        let cases: [(String, String)] = [
            ("iss", #""evil""#), ("iss", #""paramedic-recorder ""#), ("iss", #""Paramedic-Recorder""#),
            ("aud", #""other-api""#), ("aud", #"["paramedic-recorder-api"]"#), ("aud", #""""#),
            ("iss", "null"), ("aud", "1"),
        ]
        for (claim, value) in cases {
            try f.expect(try f.forge.sign(payload: f.payload([claim: value])), 401, "invalid_token", "\(claim)=\(value)")
        }
    }

    @Test func missingOrMistypedClaimsAreRefused() throws {
        let f = try Fixture()
        for claim in ["iss", "sub", "aud", "sid", "jti", "iat", "nbf", "exp", "ver"] {
            try f.expect(try f.forge.sign(payload: f.payload([claim: nil])), 401, "invalid_token", "\(claim) missing")
        }
        let mistyped: [(String, String)] = [("exp", "\"\(f.now + 900)\""), ("exp", "\(f.now + 900).5"),
                                            ("sub", "\(f.session.userID)"), ("ver", "\"1\""), ("exp", "1e12")]
        for (claim, value) in mistyped {
            try f.expect(try f.forge.sign(payload: f.payload([claim: value])), 401, "invalid_token", "\(claim)=\(value)")
        }
        try f.expect(try f.forge.sign(payload: "[]"), 401, "invalid_token", "payload is an array")
        try f.expect(try f.forge.sign(payload: "{}"), 401, "invalid_token", "empty payload")
    }

    @Test func duplicateJSONKeysAreRefused() throws {
        let f = try Fixture()
        // The second `sub` would make this token admin's in a last-wins parser.
        let payload = f.payload().dropLast() + #","sub":"1"}"#
        try f.expect(try f.forge.sign(payload: String(payload)), 401, "invalid_token", "duplicate sub")
        let samePayload = f.payload().dropLast() + #","sub":"\#(f.session.userID)"}"#
        try f.expect(try f.forge.sign(payload: String(samePayload)), 401, "invalid_token", "duplicate identical sub")
        let header = #"{"alg":"none","typ":"JWT","kid":"\#(f.forge.kid)","alg":"HS256"}"#
        try f.expect(try f.forge.sign(header: header, payload: f.payload()), 401, "invalid_token", "duplicate alg")
    }

    @Test func nonCanonicalBase64URLIsRefused() throws {
        let f = try Fixture()
        let header = TokenForge.b64(f.forge.header)
        let payload = TokenForge.b64(f.payload())
        var variants: [(String, String)] = [
            ("padding on the payload", header + "." + payload + "=="),
            ("whitespace", header + ". " + payload),
            ("newline", header + "." + payload + "\n"),
        ]
        // Standard base64 alphabet instead of base64url, when the encoding contains - or _.
        let standard = payload.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        if standard != payload { variants.append(("standard alphabet", header + "." + standard)) }
        variants.append(("plus sign", header + "." + payload + "+A"))
        for (label, input) in variants {
            // Signed over the exact (bad) text, so only the encoding is wrong.
            let token = try f.forge.sign(encodedInput: input)
            try f.expect(token.replacingOccurrences(of: "\n", with: ""), 401, "invalid_token", label)
        }
        // A signature segment with padding.
        let good = try f.forge.sign(payload: f.payload())
        try f.expect(good + "=", 401, "invalid_token", "padded signature")
        try f.expect(good.replacingOccurrences(of: ".", with: ".="), 401, "invalid_token", "padding inside")
    }

    @Test func wrongSegmentCountsAreRefused() throws {
        let f = try Fixture()
        let parts = try f.forge.sign(payload: f.payload()).jwtParts
        try f.expect(parts[0] + "." + parts[1], 401, "invalid_token", "two segments")
        try f.expect(parts.joined(separator: ".") + "." + parts[2], 401, "invalid_token", "four segments")
        try f.expect(parts.joined(separator: ".") + ".", 401, "invalid_token", "trailing dot")
        try f.expect("..", 401, "invalid_token", "empty segments")
        try f.expect(parts[1], 401, "invalid_token", "one segment")
    }

    /// A token over 4 KiB is refused with JSON 401. One of ~8 KiB must also reach the application (and get the
    /// JSON error), not be cut by MHD with its own HTML 431: the per-connection memory limit is sized for it.
    @Test func oversizedTokensAreRefusedAsJSON() throws {
        let f = try Fixture()
        for size in [4_200, 8_000, 16_000] {
            let padding = String(repeating: "a", count: size)
            let token = try f.forge.sign(payload: f.payload(["pad": "\"\(padding)\""]))
            #expect(token.utf8.count > 4096)
            try f.expect(token, 401, "invalid_token", "\(token.utf8.count)-byte token")
        }
    }

    @Test func kidInjectionIsRefused() throws {
        let f = try Fixture()
        let kids = ["../../keys/audit.key", "../jwt.key", "/dev/null", "' OR '1'='1", "\(f.forge.kid)' --",
                    "\(f.forge.kid) ", "\(f.forge.kid.uppercased())", "", "*"]
        for kid in kids {
            let header = #"{"alg":"HS256","typ":"JWT","kid":"\#(kid)"}"#
            try f.expect(try f.forge.sign(header: header, payload: f.payload()), 401, "invalid_token", "kid '\(kid)'")
        }
        let numeric = #"{"alg":"HS256","typ":"JWT","kid":1}"#
        try f.expect(try f.forge.sign(header: numeric, payload: f.payload()), 401, "invalid_token", "numeric kid")
        let none = #"{"alg":"HS256","typ":"JWT"}"#
        try f.expect(try f.forge.sign(header: none, payload: f.payload()), 401, "invalid_token", "no kid")
        // Header members that point at keys elsewhere (RFC 7515 jku/jwk/x5u) are refused, not followed.
        for extra in [#""jku":"http://127.0.0.1:1/keys""#, #""jwk":{"kty":"oct","k":"AAAA"}"#, #""x5u":"file:///etc/passwd""#] {
            let header = #"{"alg":"HS256","typ":"JWT","kid":"\#(f.forge.kid)",\#(extra)}"#
            try f.expect(try f.forge.sign(header: header, payload: f.payload()), 401, "invalid_token", extra)
        }
    }

    @Test func unknownCritIsRefused() throws {
        let f = try Fixture()
        for crit in [#"["exp"]"#, #"["http://example.com/x"]"#, "[]"] {
            let header = #"{"alg":"HS256","typ":"JWT","kid":"\#(f.forge.kid)","crit":\#(crit)}"#
            try f.expect(try f.forge.sign(header: header, payload: f.payload()), 401, "invalid_token", "crit \(crit)")
        }
    }

    @Test func tokenOnlyInTheQueryStringIsUnauthorized() throws {
        let f = try Fixture()
        for target in ["/api/me?access_token=\(f.session.access)", "/api/me?token=\(f.session.access)",
                       "/api/me?authorization=Bearer%20\(f.session.access)"] {
            let response = try f.server.request("GET", target)
            FoundationTests.expectError(response, 401, "unauthorized")
        }
    }

    @Test func malformedAuthorizationHeadersAreRefused() throws {
        let f = try Fixture()
        let cases: [(String, String)] = [
            ("Basic " + Data("medic:\(userPassword)".utf8).base64EncodedString(), "Basic credentials"),
            ("Bearer  " + f.session.access, "two spaces"),
            ("Bearer", "scheme only"),
            (f.session.access, "no scheme"),
        ]
        for (value, label) in cases {
            let response = try f.server.request("GET", "/api/me", headers: ["Authorization": value])
            #expect(response.status == 401, "\(label): \(response)")
            #expect(response.errorCode == "invalid_token", "\(label): \(response)")
        }
        // The scheme is case-insensitive (RFC 9110 §11.1): "bearer" and "BEARER" work like "Bearer".
        for scheme in ["bearer", "BEARER", "BeArEr"] {
            let response = try f.server.request("GET", "/api/me", headers: ["Authorization": "\(scheme) \(f.session.access)"])
            #expect(response.status == 200, "\(scheme): \(response)")
        }
        // Two Authorization headers (one valid): refused rather than guessed.
        let connection = try RawConnection(port: f.server.port)
        try connection.send("GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(f.session.access)\r\n"
                            + "Authorization: Bearer junk\r\nConnection: close\r\n\r\n")
        let double = try connection.readResponse()
        #expect(double.status == 401 && double.errorCode == "invalid_token", "\(double)")
    }

    @Test func refreshTokenUsedAsAccessTokenIsRefused() throws {
        let f = try Fixture()
        try f.expect(f.session.refresh, 401, "invalid_token", "refresh token as bearer")
    }

    /// User A's claims with user B's device session, signed with the real key: the session is not bound to A.
    @Test func tokenOfOneUserWithTheSessionOfAnotherIsRefused() throws {
        let f = try Fixture()
        try f.server.addUser("other", role: "paramedic")
        let other = try f.server.session("other")
        let crossed = f.forge.payload(userID: f.session.userID, sessionID: other.sessionID, now: f.now)
        try f.expect(try f.forge.sign(payload: crossed), 401, "token_revoked", "A's sub with B's sid")
        // A session id that was never bound at all.
        let unbound = f.forge.payload(userID: f.session.userID, sessionID: newSessionID(), now: f.now)
        try f.expect(try f.forge.sign(payload: unbound), 401, "token_revoked", "unbound sid")
        // A sid that is not a UUID v4.
        let bad = f.forge.payload(userID: f.session.userID, sessionID: "not-a-uuid", now: f.now)
        try f.expect(try f.forge.sign(payload: bad), 401, "invalid_token", "sid not a UUID")
        // A token version from before the user's current one.
        let stale = f.forge.payload(userID: f.session.userID, sessionID: f.session.sessionID, now: f.now, version: 0)
        try f.expect(try f.forge.sign(payload: stale), 401, "token_revoked", "older ver")
        // Both still fine with their own tokens.
        #expect(try f.server.me(f.session.access).status == 200)
        #expect(try f.server.me(other.access).status == 200)
    }
}
