import Security
import Testing

@Suite struct Base64URLTests {
    /// RFC 4648 §10 vectors (unpadded) and the two URL-safe characters.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648(plain: String, encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func urlSafeAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(Base64URL.decode("-_8") == [0xfb, 0xff])
        #expect(Base64URL.encode([0xff, 0xff, 0xff]) == "____")
        #expect(Base64URL.encode([0xfb, 0xef, 0xbe]) == "----")
    }

    /// Every one of these must be refused.
    @Test(arguments: [
        "Z",          // length 1 mod 4
        "Zm9vY",      // length 1 mod 4
        "Zg==",       // padding
        "Zm8=",       // padding
        "Zg=",        // stray padding
        "Zm9v\n",     // whitespace
        " Zm9v",      // whitespace
        "Zm 9v",      // whitespace
        "Zm+v",       // standard alphabet '+'
        "Zm/v",       // standard alphabet '/'
        "Zh",         // non-canonical: low 4 bits of 'h' set ("f" is "Zg")
        "Zm9",        // non-canonical: low 2 bits of '9' set ("fo" is "Zm8")
        "Zm9vé",      // non-ASCII
        "Zm9v\u{0}",  // NUL
        "Zm.v",       // dot
    ])
    func strictRejections(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test func substrings() {
        let token = "Zm9v.YmFy.x"
        let parts = token.split(separator: ".")
        #expect(Base64URL.decode(parts[0]) == Array("foo".utf8))
        #expect(Base64URL.decode(parts[1]) == Array("bar".utf8))
        #expect(Base64URL.decode(parts[2]) == nil)
    }

    /// Random bytes of every length 0...200 survive a round trip, and re-encoding the decoded bytes gives the
    /// exact text back (the canonical-form property).
    @Test func roundTrip() throws {
        for length in 0...200 {
            let data = try SecureRandom.bytes(length)
            let text = Base64URL.encode(data)
            #expect(!text.contains("="))
            let decoded = try #require(Base64URL.decode(text))
            #expect(decoded == data)
            #expect(Base64URL.encode(decoded) == text)
        }
    }
}
