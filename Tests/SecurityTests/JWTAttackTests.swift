import Security
import Testing

/// Every token here is hostile; each must be refused with the stated code.
@Suite struct JWTAttackTests {
    let f: JWTFixture

    init() throws { f = try JWTFixture() }

    /// `alg` none in its spellings, with and without a signature.
    @Test(arguments: ["none", "None", "nOnE", "NONE"])
    func algNone(alg: String) throws {
        let header = #"{"alg":"\#(alg)","typ":"JWT","kid":"a1b2c3d4e5f60718"}"#
        let signed = try f.forge(header: header)
        #expect(f.code(signed) == .unsupportedAlgorithm)
        let unsigned = signed[..<signed.lastIndex(of: ".")!] + "."
        #expect(f.code(String(unsigned)) != nil)
        #expect(f.code(String(unsigned)) == .malformed)
    }

    /// Relabelled algorithms, wrong case, wrong types: refused before any MAC is computed.
    @Test(arguments: [#""HS512""#, #""HS384""#, #""hs256""#, #""HS256 ""#, #""RS256""#, #""ES256""#, #""""#,
                      "null", "256", #"["HS256"]"#])
    func algRelabelled(alg: String) throws {
        let header = #"{"alg":\#(alg),"typ":"JWT","kid":"a1b2c3d4e5f60718"}"#
        #expect(f.code(try f.forge(header: header)) == .unsupportedAlgorithm)
    }

    @Test func algMissing() throws {
        #expect(f.code(try f.forge(header: #"{"typ":"JWT","kid":"a1b2c3d4e5f60718"}"#)) == .unsupportedAlgorithm)
    }

    @Test func signatureStrippedOrTruncated() throws {
        let token = try f.forge()
        let input = String(token[..<token.lastIndex(of: ".")!])
        #expect(f.code(input + ".") == .malformed)
        #expect(f.code(input) == .malformed)
        let signature = String(token[token.index(after: token.lastIndex(of: ".")!)...])
        #expect(f.code(input + "." + signature.dropLast(2)) == .badSignature)   // 31 bytes
        #expect(f.code(input + "." + signature + "AAAA") == .badSignature)       // 35 bytes
    }

    /// Each of the 256 signature bits flipped in turn.
    @Test func everySignatureBitFlipped() throws {
        let token = try f.forge()
        let dot = token.lastIndex(of: ".")!
        let input = String(token[..<dot])
        let mac = try #require(Base64URL.decode(String(token[token.index(after: dot)...])))
        #expect(f.code(token) == nil)
        for bit in 0..<256 {
            var flipped = mac
            flipped[bit / 8] ^= 1 << (bit % 8)
            #expect(f.code(input + "." + Base64URL.encode(flipped)) == .badSignature, "bit \(bit)")
        }
    }

    /// One bit flipped in the decoded payload, re-encoded, old signature kept.
    @Test func payloadBitFlipped() throws {
        let token = try f.forge()
        let parts = token.split(separator: ".").map(String.init)
        var payload = try #require(Base64URL.decode(parts[1]))
        for index in stride(from: 0, to: payload.count, by: 7) {
            payload[index] ^= 0x01
            let forged = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2]
            #expect(f.code(forged) == .badSignature)
            payload[index] ^= 0x01
        }
    }

    /// Claims edited (privilege change) while keeping the old signature.
    @Test func payloadEditedWithOldSignature() throws {
        let token = try f.forge()
        let parts = token.split(separator: ".").map(String.init)
        for edit in [["sub": #""1""#], ["exp": "9999999999"], ["ver": "4"], ["sid": #""00000000-0000-4000-8000-000000000000""#]] {
            let payload = Base64URL.encode(Array(JWTFixture.payload(overriding: edit).utf8))
            #expect(f.code(parts[0] + "." + payload + "." + parts[2]) == .badSignature)
        }
        // The header swapped for an equivalent one breaks the signature too.
        let otherHeader = Base64URL.encode(Array(#"{"alg":"HS256","kid":"a1b2c3d4e5f60718"}"#.utf8))
        #expect(f.code(otherHeader + "." + parts[1] + "." + parts[2]) == .badSignature)
    }

    @Test func forgedWithAnotherKey() throws {
        let attacker = try HMACKey(key: try SecureRandom.bytes(32))
        #expect(f.code(try f.forge(key: attacker)) == .badSignature)
        // The empty key and a key made from the kid itself are just other keys.
        #expect(f.code(try f.forge(key: try HMACKey(key: Array("a1b2c3d4e5f60718".utf8)))) == .badSignature)
    }

    /// The MAC is checked before the payload is parsed: a junk payload with a bad MAC is a signature failure,
    /// and with a good MAC it is a parse failure. RFC 7520 §4.4's token (a non-JSON payload) shows both.
    @Test func macBeforePayload() throws {
        let key = try HMACKey(key: try #require(Base64URL.decode("hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg")))
        let kid = "018c0ae5-4d9b-471b-bfd6-eef314bc7037"
        let keyring = try JWTKeyring(keys: [(kid: kid, key: key)], signingKID: kid)
        let rfcToken = "eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9."
            + RFC7520.encodedPayload + ".s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0"
        let good = #expect(throws: JWTError.self) {
            try JWT.verify(rfcToken, keyring: keyring, issuer: "i", audience: "a", now: 0)
        }
        #expect(good?.code == .malformed)
        let tampered = String(rfcToken.dropLast()) + "1"
        let bad = #expect(throws: JWTError.self) {
            try JWT.verify(tampered, keyring: keyring, issuer: "i", audience: "a", now: 0)
        }
        #expect(bad?.code == .badSignature)
    }

    @Test(arguments: ["iss", "aud", "sub", "sid", "jti", "iat", "nbf", "exp", "ver"])
    func missingClaim(name: String) throws {
        #expect(f.code(try f.forge(payload: JWTFixture.payload(dropping: name))) == .invalidClaims)
    }

    /// Claims of the wrong JSON type; numbers that are not written as integers.
    @Test(arguments: [
        ("exp", #""1764072900""#), ("exp", "1764072900.0"), ("exp", "1.7640729e9"), ("exp", "17640729E2"),
        ("exp", "true"), ("exp", "null"), ("exp", "99999999999999999999"), ("iat", "[1764072000]"),
        ("ver", "3.5"), ("ver", #""3""#), ("sub", "42"), ("sub", #""""#), ("sid", "null"), ("jti", "{}"),
        ("iss", #"["paramedic-recorder"]"#),
    ])
    func mistypedClaim(name: String, value: String) throws {
        #expect(f.code(try f.forge(payload: JWTFixture.payload(overriding: [name: value]))) == .invalidClaims)
    }

    @Test func duplicateHeaderMembers() throws {
        for header in [
            #"{"alg":"HS256","alg":"none","typ":"JWT","kid":"a1b2c3d4e5f60718"}"#,
            #"{"alg":"none","alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718"}"#,
            #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718","kid":"other"}"#,
            #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718","\u006bid":"other"}"#,  // escaped duplicate
        ] {
            #expect(f.code(try f.forge(header: header)) == .malformed, "\(header)")
        }
    }

    @Test func duplicatePayloadMembers() throws {
        for extra in [#","sub":"1""#, #","exp":9999999999"#, #","\u0073ub":"1""#] {
            #expect(f.code(try f.forge(payload: JWTFixture.payload(extra: extra))) == .malformed, "\(extra)")
        }
    }

    @Test func badBase64URL() throws {
        let token = try f.forge()
        let parts = token.split(separator: ".").map(String.init)
        let headerPadded = parts[0] + String(repeating: "=", count: (4 - parts[0].count % 4) % 4 + 4)
        #expect(f.code(headerPadded + "." + parts[1] + "." + parts[2]) == .malformed)
        #expect(f.code(parts[0].replacingFirst("e", with: "+") + "." + parts[1] + "." + parts[2]) == .malformed)
        // Edited payload segments with the old MAC fail the MAC (checked first)…
        #expect(f.code(parts[0] + "." + parts[1] + "=." + parts[2]) == .badSignature)
        // …and correctly MAC'd but non-strict payload segments fail to decode.
        #expect(f.code(try f.forge(segments: parts[0], parts[1] + "=")) == .malformed)
        #expect(f.code(try f.forge(segments: parts[0], parts[1] + " ")) == .malformed)
        #expect(f.code(try f.forge(segments: parts[0], parts[1].replacingFirst("e", with: "+"))) == .malformed)
        #expect(f.code(try f.forge(segments: parts[0], parts[1] + "A")) == .malformed)  // length 1 mod 4 or junk
        #expect(f.code(try f.forge(segments: parts[0] + "=", parts[1])) == .malformed)
        // Signature segments that are not strict base64url.
        #expect(f.code(parts[0] + "." + parts[1] + "." + parts[2] + "=") == .badSignature)
        #expect(f.code(parts[0] + "." + parts[1] + "." + parts[2].dropLast() + "+") == .badSignature)
        #expect(f.code(parts[0] + "." + parts[1] + "." + parts[2].dropLast() + "/") == .badSignature)
        #expect(f.code(" " + token) == .malformed)
        #expect(f.code(token + "\n") == .badSignature)
    }

    @Test func segmentCounts() throws {
        let token = try f.forge()
        let parts = token.split(separator: ".").map(String.init)
        #expect(f.code(parts[0] + "." + parts[1]) == .malformed)
        #expect(f.code(parts[0]) == .malformed)
        #expect(f.code(token + "." + parts[2]) == .malformed)
        #expect(f.code(token + ".") == .malformed)
        #expect(f.code("") == .malformed)
        #expect(f.code("..") == .malformed)
        #expect(f.code("...") == .malformed)
    }

    @Test func oversizedToken() throws {
        let padding = String(repeating: "x", count: 4000)
        let big = try f.forge(payload: JWTFixture.payload(extra: #","pad":"\#(padding)""#))
        #expect(big.utf8.count > JWT.maximumTokenByteCount)
        #expect(f.code(big) == .tooLarge)
        #expect(f.code(String(repeating: "A", count: 1 << 20)) == .tooLarge)
        // sign refuses to produce what verify would refuse.
        var claims = f.claims
        claims.jti = padding
        #expect(throws: CryptoError.self) { try JWT.sign(claims, keyring: f.keyring) }
    }

    @Test(arguments: ["../../etc/passwd", "' OR '1'='1", "a1b2c3d4e5f60718'; DROP TABLE users;--", "a1b2c3d4e5f6071",
                      "a1b2c3d4e5f607180", "A1B2C3D4E5F60718", "a1b2c3d4e5f60718\u{0}", "/dev/null", "", "*"])
    func kidInjection(kid: String) throws {
        var escaped: [UInt8] = []
        for byte in kid.utf8 { escaped += byte < 0x20 ? Array("\\u0000".utf8) : [byte] }
        let header = #"{"alg":"HS256","typ":"JWT","kid":"\#(String(decoding: escaped, as: UTF8.self))"}"#
        #expect(f.code(try f.forge(header: header)) == .unknownKey, "\(kid)")
    }

    @Test func kidMissingOrNotAString() throws {
        #expect(f.code(try f.forge(header: #"{"alg":"HS256","typ":"JWT"}"#)) == .malformed)
        #expect(f.code(try f.forge(header: #"{"alg":"HS256","kid":1}"#)) == .malformed)
        #expect(f.code(try f.forge(header: #"{"alg":"HS256","kid":null}"#)) == .malformed)
    }

    @Test func critAndOtherHeaderMembers() throws {
        for header in [
            #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718","crit":["exp"]}"#,
            #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718","crit":[]}"#,
            #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718","jku":"https://evil.example/keys"}"#,
            #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718","jwk":{"kty":"oct","k":"AAAA"}}"#,
            #"{"alg":"HS256","typ":"JWT","kid":"a1b2c3d4e5f60718","b64":false}"#,
            #"{"alg":"HS256","typ":"JWS","kid":"a1b2c3d4e5f60718"}"#,
            #"{"alg":"HS256","typ":"jwt","kid":"a1b2c3d4e5f60718"}"#,
            #"{"alg":"HS256","typ":null,"kid":"a1b2c3d4e5f60718"}"#,
        ] {
            #expect(f.code(try f.forge(header: header)) == .malformed, "\(header)")
        }
    }

    /// JSON that lenient parsers accept and this one refuses (all correctly MAC'd, so only the parser decides).
    @Test(arguments: [
        #"{"alg":"HS256","kid":"a1b2c3d4e5f60718"} x"#,               // trailing junk
        #"{"alg":"HS256","kid":"a1b2c3d4e5f60718",}"#,                 // trailing comma
        #"{'alg':'HS256','kid':'a1b2c3d4e5f60718'}"#,                  // single quotes
        #"{alg:"HS256","kid":"a1b2c3d4e5f60718"}"#,                    // bare name
        "\u{FEFF}{\"alg\":\"HS256\",\"kid\":\"a1b2c3d4e5f60718\"}",   // byte-order mark
        #"["HS256"]"#,                                                 // not an object
        #"{"alg":"HS256","kid":"a1b2c3d4e5f60718""#,                   // unterminated
        #"{"alg":"HS256","kid":"a1b2c3d4e5f60718","x":"\ud800"}"#,     // lone surrogate
        #"{"alg":"HS256","kid":"a1b2c3d4e5f60718","x":"\x41"}"#,       // invalid escape
        "{\"alg\":\"HS256\",\"kid\":\"a1b2c3d4e5f60718\",\"x\":\"a\u{1}b\"}",  // raw control character
        #"{"alg":"HS256","kid":"a1b2c3d4e5f60718","x":01}"#,           // leading zero
        #"{"alg":"HS256","kid":"a1b2c3d4e5f60718","x":[[[[[[[[[[1]]]]]]]]]]}"#,  // too deep
    ])
    func strictHeaderJSON(header: String) throws {
        #expect(f.code(try f.forge(header: header)) != nil)
        #expect(f.code(try f.forge(header: header)) == .malformed)
    }

    @Test func invalidUTF8InHeader() throws {
        var header = Array(#"{"alg":"HS256","kid":"a1b2c3d4e5f60718","x":"AB"}"#.utf8)
        header[header.count - 4] = 0xC3  // a lead byte followed by ASCII
        let input = Base64URL.encode(header) + "." + Base64URL.encode(Array(JWTFixture.payload().utf8))
        let token = input + "." + Base64URL.encode(try f.key.authenticationCode(for: input))
        #expect(f.code(token) == .malformed)
    }
}

extension String {
    func replacingFirst(_ target: Character, with replacement: Character) -> String {
        guard let index = firstIndex(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(index...index, with: String(replacement))
        return copy
    }

}
