import Security
import Testing

@Suite struct KeyWrapTests {
    // RFC 5649 §6 (192-bit KEK, selected by the KEK length exactly as for the product's 256-bit master key).
    let kek = hex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8")

    @Test func rfc5649TwentyOctets() throws {
        let key = hex("c37b7e6492584340bed12207808941155068f738")
        let wrapped = hex("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a")
        #expect(try KeyWrap.wrap(key, kek: kek) == wrapped)
        #expect(try KeyWrap.unwrap(wrapped, kek: kek) == key)
    }

    @Test func rfc5649SevenOctets() throws {
        let key = hex("466f7250617369")
        let wrapped = hex("afbeb0f07dfbf5419200f2ccb50bb24f")
        #expect(try KeyWrap.wrap(key, kek: kek) == wrapped)
        #expect(try KeyWrap.unwrap(wrapped, kek: kek) == key)
    }

    @Test func aes256RoundTripAndFailures() throws {
        let kek256 = try SecureRandom.bytes(32)
        let dataKey = try SecureRandom.bytes(32)
        let wrapped = try KeyWrap.wrap(dataKey, kek: kek256)
        #expect(wrapped.count == 40)
        #expect(try KeyWrap.unwrap(wrapped, kek: kek256) == dataKey)
        // Deterministic: same inputs, same output (RFC 5649 uses a fixed alternative IV).
        #expect(try KeyWrap.wrap(dataKey, kek: kek256) == wrapped)

        var otherKEK = kek256
        otherKEK[0] ^= 1
        #expect(throws: CryptoError(.authenticationFailed, operation: "EVP_DecryptUpdate(unwrap)")) {
            _ = try KeyWrap.unwrap(wrapped, kek: otherKEK)
        }
        for position in [0, 8, 39] {
            var altered = wrapped
            altered[position] ^= 0x40
            #expect(throws: CryptoError(.authenticationFailed, operation: "EVP_DecryptUpdate(unwrap)")) {
                _ = try KeyWrap.unwrap(altered, kek: kek256)
            }
        }
        #expect(throws: CryptoError.self) { _ = try KeyWrap.unwrap(Array(wrapped.prefix(36)), kek: kek256) }
        #expect(throws: CryptoError.self) { _ = try KeyWrap.wrap(dataKey, kek: [UInt8](repeating: 1, count: 20)) }
    }
}
