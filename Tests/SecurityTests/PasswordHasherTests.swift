import Dispatch
import Foundation
import Security
import Synchronization
import Testing

@Suite struct PasswordHasherTests {
    /// Small parameters for the pure-logic tests (encoding, parsing, rehash decisions). Every test that asserts
    /// time or concurrency uses `.production`.
    static let small = PasswordHasher.Parameters(logN: 4, r: 1, p: 1)

    /// RFC 7914 §12, the second and first vectors, through the wrapper (maxmem passed explicitly: the second
    /// vector needs 16 MiB).
    @Test func rfc7914Vectors() throws {
        let parameters = PasswordHasher.Parameters(logN: 14, r: 8, p: 1, hashByteCount: 64)
        let key = try PasswordHasher.deriveKey(password: Array("pleaseletmein".utf8),
                                               salt: Array("SodiumChloride".utf8), parameters: parameters)
        #expect(hex(key) == "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
            + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887")
        let empty = try PasswordHasher.deriveKey(password: [], salt: [],
                                                 parameters: .init(logN: 4, r: 1, p: 1, hashByteCount: 64))
        #expect(hex(empty) == "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
            + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
    }

    /// Production parameters: 64 MiB (more than OpenSSL's 32 MiB default maxmem, so this also proves maxmem is
    /// passed), a real cost in time, and a round trip.
    @Test func productionRoundTripTakesRealTime() throws {
        let hasher = try PasswordHasher()
        #expect(hasher.parameters == .production)
        #expect(PasswordHasher.Parameters.production.memoryByteCount == 128 * 8 * (65_536 + 2 + 2))
        let clock = ContinuousClock()
        var encoded = ""
        let elapsed = try clock.measure { encoded = try hasher.hash("correct horse battery staple") }
        #expect(elapsed > .milliseconds(20), "one production hash took only \(elapsed)")
        #expect(encoded.hasPrefix("$scrypt$ln=16,r=8,p=2$"))
        let fields = encoded.split(separator: "$")
        #expect(fields.count == 4)
        #expect(Base64URL.decode(fields[2])?.count == 16)
        #expect(Base64URL.decode(fields[3])?.count == 32)
        #expect(try hasher.verify("correct horse battery staple", against: encoded)
            == PasswordVerification(isValid: true, needsRehash: false))
        #expect(try hasher.verify("correct horse battery stapl", against: encoded).isValid == false)
        #expect(try hasher.verify("Correct horse battery staple", against: encoded).isValid == false)
    }

    /// The dummy verification for unknown users costs a production KDF run too.
    @Test func dummyVerificationCostsAsMuch() throws {
        let hasher = try PasswordHasher()
        let clock = ContinuousClock()
        var result = PasswordVerification(isValid: true, needsRehash: true)
        let elapsed = try clock.measure { result = try hasher.verifyDummy("whatever the attacker typed") }
        #expect(elapsed > .milliseconds(20), "dummy verification took only \(elapsed)")
        #expect(!result.isValid)
        #expect(hasher.peakRunningCount == 1)
    }

    @Test func saltsDiffer() throws {
        let hasher = try PasswordHasher(parameters: Self.small)
        let a = try hasher.hash("same password here")
        let b = try hasher.hash("same password here")
        #expect(a != b)
        #expect(try hasher.verify("same password here", against: a).isValid)
        #expect(try hasher.verify("same password here", against: b).isValid)
    }

    /// Bytes are hashed exactly: no truncation (a long password differs from its prefix), no normalization
    /// (NFC and NFD "é" differ), no trimming.
    @Test func exactBytes() throws {
        let hasher = try PasswordHasher(parameters: Self.small)
        let long = String(repeating: "x", count: 200) + "1"
        let encoded = try hasher.hash(long)
        #expect(try hasher.verify(long, against: encoded).isValid)
        #expect(try !hasher.verify(String(repeating: "x", count: 200), against: encoded).isValid)
        #expect(try !hasher.verify(String(repeating: "x", count: 200) + "2", against: encoded).isValid)
        let nfc = "caf\u{E9} au lait!"
        let nfd = "cafe\u{301} au lait!"
        let encodedNFC = try hasher.hash(nfc)
        #expect(try hasher.verify(nfc, against: encodedNFC).isValid)
        #expect(try !hasher.verify(nfd, against: encodedNFC).isValid)
        #expect(try !hasher.verify(nfc + " ", against: encodedNFC).isValid)
    }

    @Test func needsRehashWhenStoredParametersAreWeaker() throws {
        let strong = try PasswordHasher(parameters: .init(logN: 6, r: 2, p: 2))
        for weaker in [PasswordHasher.Parameters(logN: 5, r: 2, p: 2), .init(logN: 6, r: 1, p: 2),
                       .init(logN: 6, r: 2, p: 1), .init(logN: 6, r: 2, p: 2, saltByteCount: 8),
                       .init(logN: 6, r: 2, p: 2, hashByteCount: 16)] {
            let encoded = try PasswordHasher(parameters: weaker).hash("a fine passphrase")
            let result = try strong.verify("a fine passphrase", against: encoded)
            #expect(result == PasswordVerification(isValid: true, needsRehash: true), "\(weaker)")
            // A wrong password never asks for a rehash.
            #expect(try strong.verify("a wrong passphrase", against: encoded)
                == PasswordVerification(isValid: false, needsRehash: false))
        }
        let same = try strong.hash("a fine passphrase")
        #expect(try strong.verify("a fine passphrase", against: same).needsRehash == false)
        let stronger = try PasswordHasher(parameters: .init(logN: 7, r: 2, p: 2)).hash("a fine passphrase")
        #expect(try strong.verify("a fine passphrase", against: stronger)
            == PasswordVerification(isValid: true, needsRehash: false))
    }

    @Test(arguments: [
        "",
        "plain text",
        "$scrypt$",
        "$scrypt$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "scrypt$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$",
        "$scrypt$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$",
        "$scrypt$r=1,ln=4,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=04,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=+4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=-4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=4,r=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=4,r=1,p=1,x=2$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=0,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=99999,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=99999999999999999999,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=24,r=64,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  // 128 GiB
        "$scrypt$ln=4,r=0,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=4,r=1,p=0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=4,r=1,p=1$AAAA+AAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=4,r=1,p=1$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$",
        "$scrypt$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA",  // 3-byte hash: too short
        "$scrypt$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",  // non-canonical
        "$SCRYPT$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=٤,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  // Arabic-Indic 4
    ])
    func malformedEncodedStringsThrow(encoded: String) throws {
        let hasher = try PasswordHasher(parameters: Self.small)
        let error = try #require(throws: CryptoError.self) { try hasher.verify("anything at all", against: encoded) }
        #expect(error.code == .invalidInput)
        #expect(error.detail.hasPrefix("malformed encoded hash"))
        #expect(hasher.peakRunningCount == 0, "the KDF must not run for a malformed hash")
    }

    @Test func theWellFormedControlOfTheMalformedTableVerifies() throws {
        // Same shape as the table above with a 16-byte salt and 32-byte hash: parses, runs, does not match.
        let hasher = try PasswordHasher(parameters: Self.small)
        let encoded = "$scrypt$ln=4,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        #expect(try hasher.verify("anything at all", against: encoded).isValid == false)
        #expect(hasher.peakRunningCount == 1)
    }

    @Test func invalidConfigurationIsRefused() {
        #expect(throws: CryptoError.self) { try PasswordHasher(parameters: Self.small, maxConcurrent: 0) }
        #expect(throws: CryptoError.self) { try PasswordHasher(parameters: .init(logN: 21, r: 8, p: 1)) }
        #expect(throws: CryptoError.self) { try PasswordHasher(parameters: .init(logN: 4, r: 1, p: 1, hashByteCount: 8)) }
    }

    /// Four verifications start at once on four threads (more than the cap and than the cores) with production
    /// parameters: at most two KDF runs are ever in flight, and two really do overlap.
    @Test func concurrencyIsCappedAtTwo() throws {
        let hasher = try PasswordHasher()
        let encoded = try hasher.hash("correct horse battery staple")
        let peak = try runAtOnce(threads: 4, hasher: hasher, encoded: encoded)
        #expect(peak == 2)
        #expect(hasher.runningCount == 0)
    }

    /// Control for the test above: with a cap of 4 the same load shows more than 2 in flight, so the counter
    /// measures real overlap and the cap of 2 is what limited it.
    @Test func counterSeesOverlapWithAHigherCap() throws {
        let hasher = try PasswordHasher(parameters: .production, maxConcurrent: 4)
        let encoded = try hasher.hash("correct horse battery staple")
        let peak = try runAtOnce(threads: 4, hasher: hasher, encoded: encoded)
        #expect(peak > 2)
        #expect(peak <= 4)
    }

    /// Starts `threads` threads that wait on one gate, opens it, and has each verify once; returns the peak.
    private func runAtOnce(threads: Int, hasher: PasswordHasher, encoded: String) throws -> Int {
        let ready = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let valid = Mutex(0)
        for _ in 0..<threads {
            done.enter()
            Thread.detachNewThread {
                ready.signal()
                gate.wait()
                if (try? hasher.verify("correct horse battery staple", against: encoded))?.isValid == true {
                    valid.withLock { $0 += 1 }
                }
                done.leave()
            }
        }
        for _ in 0..<threads { ready.wait() }
        for _ in 0..<threads { gate.signal() }
        done.wait()
        #expect(valid.withLock { $0 } == threads)
        return hasher.peakRunningCount
    }
}
