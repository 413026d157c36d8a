import CCrypto
import Dispatch
import Synchronization

/// Password hashing with scrypt (RFC 7914) through OpenSSL's `EVP_PBE_scrypt`.
///
/// Production parameters are N = 2^16, r = 8, p = 2 (64 MiB and roughly 0.1–0.3 s per hash on this machine kind),
/// a 16-byte salt from `SecureRandom` and a 32-byte output, stored as
/// `$scrypt$ln=16,r=8,p=2$<salt base64url>$<hash base64url>` so old hashes keep verifying after the parameters
/// change (and report `needsRehash`).
///
/// Passwords are hashed as their exact UTF-8 bytes: never truncated, never trimmed, never Unicode-normalized
/// (a password typed in NFD on one device and NFC on another is a different password; the browser sends what
/// the user typed, and silently normalizing would change what is compared).
///
/// At most `maxConcurrent` KDF runs execute at once per hasher (each holds `memoryByteCount` of RAM); further
/// callers block on a counting semaphore until a slot frees. Call it off latency-sensitive threads.
public final class PasswordHasher: Sendable {
    /// The current parameters: new hashes use them; stored hashes weaker than them report `needsRehash`.
    public let parameters: Parameters
    /// How many KDF runs may execute at once on this hasher.
    public let maxConcurrent: Int

    private let slots: DispatchSemaphore
    private let load = Mutex(Load())
    /// The salt and expected hash `verifyDummy` runs against: random, never matching any password.
    private let dummySalt: [UInt8]
    private let dummyHash: [UInt8]

    private struct Load {
        var running = 0
        var peak = 0
    }

    /// - Throws: `CryptoError(.invalidInput)` for parameters outside `Parameters.validate` or `maxConcurrent < 1`;
    ///   `CryptoError(.openSSL)` when the CSPRNG fails.
    public init(parameters: Parameters = .production, maxConcurrent: Int = 2) throws {
        try parameters.validate(operation: "PasswordHasher.init")
        guard maxConcurrent >= 1 else {
            throw CryptoError(.invalidInput, operation: "PasswordHasher.init", detail: "maxConcurrent must be >= 1")
        }
        self.parameters = parameters
        self.maxConcurrent = maxConcurrent
        self.slots = DispatchSemaphore(value: maxConcurrent)
        self.dummySalt = try SecureRandom.bytes(parameters.saltByteCount)
        self.dummyHash = try SecureRandom.bytes(parameters.hashByteCount)
    }

    /// KDF runs executing right now on this hasher (for monitoring and tests).
    public var runningCount: Int { load.withLock { $0.running } }

    /// The most KDF runs ever observed executing at once on this hasher; never above `maxConcurrent`.
    public var peakRunningCount: Int { load.withLock { $0.peak } }

    /// Hashes `password` with a fresh random salt and the current parameters; returns the encoded string.
    public func hash(_ password: String) throws -> String {
        let salt = try SecureRandom.bytes(parameters.saltByteCount)
        let derived = try runLimited(password: password, salt: salt, parameters: parameters)
        return Self.encode(parameters: parameters, salt: salt, hash: derived)
    }

    /// Checks `password` against an encoded hash produced by `hash` (possibly with older parameters).
    /// - Throws: `CryptoError(.invalidInput)` when `encoded` is malformed or its parameters are out of bounds
    ///   (never crashes, never runs the KDF for it); `CryptoError(.openSSL)` when the KDF fails.
    public func verify(_ password: String, against encoded: String) throws -> PasswordVerification {
        let stored = try Self.decode(encoded)
        let derived = try runLimited(password: password, salt: stored.salt, parameters: stored.parameters)
        let isValid = ConstantTime.equals(derived, stored.hash)
        return PasswordVerification(isValid: isValid, needsRehash: stored.parameters.isWeaker(than: parameters))
    }

    /// Runs the KDF at the current parameters against a random hash and always returns an invalid result: call
    /// it for an unknown user so the response takes as long as a wrong password for a real one.
    @discardableResult
    public func verifyDummy(_ password: String) throws -> PasswordVerification {
        let derived = try runLimited(password: password, salt: dummySalt, parameters: parameters)
        _ = ConstantTime.equals(derived, dummyHash)
        return PasswordVerification(isValid: false, needsRehash: false)
    }

    /// Raw scrypt (RFC 7914): `parameters.hashByteCount` bytes derived from `password` and `salt`, with exactly
    /// `Parameters.memoryByteCount` passed to OpenSSL as `maxmem` (its default cap is 32 MiB). Not rate-limited.
    public static func deriveKey(password: [UInt8], salt: [UInt8], parameters: Parameters) throws -> [UInt8] {
        try parameters.validate(operation: "PasswordHasher.deriveKey")
        var output = [UInt8](repeating: 0, count: parameters.hashByteCount)
        let rc = password.withUnsafeBufferPointer { pass in
            salt.withUnsafeBufferPointer { saltBuffer in
                output.withUnsafeMutableBufferPointer { out in
                    pass.withMemoryRebound(to: CChar.self) { passChars in
                        EVP_PBE_scrypt(passChars.baseAddress, passChars.count,
                                       saltBuffer.baseAddress, saltBuffer.count,
                                       UInt64(parameters.costN), UInt64(parameters.r), UInt64(parameters.p),
                                       UInt64(parameters.memoryByteCount),
                                       out.baseAddress, out.count)
                    }
                }
            }
        }
        guard rc == 1 else { throw CryptoError.openSSL("EVP_PBE_scrypt") }
        return output
    }

    /// Runs the KDF while holding one of the `maxConcurrent` slots; the password's byte copy is wiped after.
    private func runLimited(password: String, salt: [UInt8], parameters: Parameters) throws -> [UInt8] {
        var bytes = Array(password.utf8)
        defer { bytes.withUnsafeMutableBytes { if let b = $0.baseAddress { OPENSSL_cleanse(b, $0.count) } } }
        slots.wait()
        defer { slots.signal() }
        load.withLock { state in
            state.running += 1
            state.peak = max(state.peak, state.running)
        }
        defer { load.withLock { $0.running -= 1 } }
        return try Self.deriveKey(password: bytes, salt: salt, parameters: parameters)
    }
}
