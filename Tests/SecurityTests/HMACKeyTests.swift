import Dispatch
import Security
import Synchronization
import Testing

@Suite struct HMACKeyTests {
    /// RFC 4231 test cases 1, 2 and 6 (a key longer than the block size), HMAC-SHA-256.
    @Test(arguments: [
        ([UInt8](repeating: 0x0b, count: 20), "Hi There",
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), "what do ya want for nothing?",
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func rfc4231(key: [UInt8], data: String, expected: String) throws {
        let hmac = try HMACKey(key: key)
        #expect(hex(try hmac.authenticationCode(for: data)) == expected)
        #expect(hex(try hmac.authenticationCode(for: Array(data.utf8))) == expected)
        let viaPointer = try Array(data.utf8).withUnsafeBytes { try hmac.authenticationCode(for: $0) }
        #expect(hex(viaPointer) == expected)
        #expect(hmac.isValidAuthenticationCode(bytes(hex: expected), for: data))
        // The context is reused: a second MAC gives the same answer (the keyed context is never consumed).
        #expect(hex(try hmac.authenticationCode(for: data)) == expected)
    }

    /// RFC 7515 Appendix A.1: the HS256 JWS example, checked on the MAC layer with the exact signing input
    /// (its JSON has CR LF line breaks).
    @Test func rfc7515AppendixA1() throws {
        let key = try #require(Base64URL.decode(
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"))
        let header = Base64URL.encode(Array("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}".utf8))
        let payload = Base64URL.encode(Array(
            "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}".utf8))
        #expect(header == "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9")
        #expect(payload == "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ")
        let mac = try HMACKey(key: key).authenticationCode(for: header + "." + payload)
        #expect(Base64URL.encode(mac) == "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
    }

    /// RFC 7520 §4.4: HMAC-SHA2 integrity protection (HS256, kid "018c0ae5-…"), on the MAC layer.
    @Test func rfc7520Section4_4() throws {
        let key = try #require(Base64URL.decode("hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg"))
        let header = Base64URL.encode(Array(#"{"alg":"HS256","kid":"018c0ae5-4d9b-471b-bfd6-eef314bc7037"}"#.utf8))
        #expect(header == "eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9")
        let payload = Base64URL.encode(Array(RFC7520.plaintext.utf8))
        #expect(payload == RFC7520.encodedPayload)
        let mac = try HMACKey(key: key).authenticationCode(for: header + "." + payload)
        #expect(Base64URL.encode(mac) == "s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0")
    }

    @Test func emptyMessage() throws {
        let hmac = try HMACKey(key: [UInt8](repeating: 0x0b, count: 20))
        #expect(hex(try hmac.authenticationCode(for: [UInt8]())) ==
            "999a901219f032cd497cadb5e6051e97b6a29ab297bd6ae722bd6062a2f59542")
    }

    @Test func emptyKeyIsRefused() {
        #expect(throws: CryptoError.self) { try HMACKey(key: []) }
    }

    @Test func validationRejectsWrongMACs() throws {
        let hmac = try HMACKey(key: try SecureRandom.bytes(32))
        let mac = try hmac.authenticationCode(for: "message")
        #expect(hmac.isValidAuthenticationCode(mac, for: "message"))
        #expect(!hmac.isValidAuthenticationCode(mac, for: "messagf"))
        for bit in [0, 7, 100, 255] {
            var flipped = mac
            flipped[bit / 8] ^= 1 << (bit % 8)
            #expect(!hmac.isValidAuthenticationCode(flipped, for: "message"))
        }
        #expect(!hmac.isValidAuthenticationCode(Array(mac.prefix(31)), for: "message"))
        #expect(!hmac.isValidAuthenticationCode(mac + [0], for: "message"))
        #expect(!hmac.isValidAuthenticationCode([], for: "message"))
        let other = try HMACKey(key: try SecureRandom.bytes(32))
        #expect(!other.isValidAuthenticationCode(mac, for: "message"))
    }

    /// One key used from 8 threads at once (more threads than cores) gives the right MAC every time.
    @Test func sharedAcrossThreads() throws {
        let hmac = try HMACKey(key: [UInt8](repeating: 0x0b, count: 20))
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<5_000 {
                let ok = (try? hmac.authenticationCode(for: "Hi There")).map(hex)
                    == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
                if !ok { wrong.withLock { $0 += 1 } }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
    }
}

enum RFC7520 {
    /// RFC 7520 Figure 72 (with its U+2019 apostrophes).
    static let plaintext = "It\u{2019}s a dangerous business, Frodo, going out your door. You step onto the road, "
        + "and if you don't keep your feet, there\u{2019}s no knowing where you might be swept off to."
    static let encodedPayload = "SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4"
}
