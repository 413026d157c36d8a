extension PasswordHasher {
    /// scrypt cost parameters plus the salt and output lengths.
    public struct Parameters: Hashable, Sendable {
        /// log2 of the CPU/memory cost N (the `ln` field of the encoded string).
        public var logN: Int
        /// Block size r.
        public var r: Int
        /// Parallelism p.
        public var p: Int
        /// Bytes of random salt for new hashes.
        public var saltByteCount: Int
        /// Bytes of derived output.
        public var hashByteCount: Int

        public init(logN: Int, r: Int, p: Int, saltByteCount: Int = 16, hashByteCount: Int = 32) {
            self.logN = logN
            self.r = r
            self.p = p
            self.saltByteCount = saltByteCount
            self.hashByteCount = hashByteCount
        }

        /// N = 2^16, r = 8, p = 2 (OWASP's scrypt setting), 16-byte salt, 32-byte output: 64 MiB per run.
        public static let production = Parameters(logN: 16, r: 8, p: 2)

        /// Upper bound on the memory one run may take, also applied to parameters read from stored hashes so a
        /// tampered row cannot make the server allocate without bound.
        public static let maximumMemoryByteCount = 1 << 30

        /// N = 2^logN.
        public var costN: Int { 1 << logN }

        /// The memory OpenSSL needs for these parameters, passed to it as `maxmem`: 128·r·(N + p + 2) bytes
        /// (OpenSSL 3.0 allocates B = 128·r·p and V = 128·r·(N + 2), and refuses when B + V exceeds maxmem).
        public var memoryByteCount: Int { 128 * r * (costN + p + 2) }

        /// Throws `CryptoError(.invalidInput)` unless 1 ≤ logN ≤ 24, 1 ≤ r ≤ 64, 1 ≤ p ≤ 64, 1 ≤ salt ≤ 64 bytes,
        /// 16 ≤ output ≤ 64 bytes and the memory is at most `maximumMemoryByteCount`.
        func validate(operation: String) throws {
            func fail(_ detail: String) -> CryptoError { CryptoError(.invalidInput, operation: operation, detail: detail) }
            guard (1...24).contains(logN) else { throw fail("scrypt ln out of range 1...24") }
            guard (1...64).contains(r) else { throw fail("scrypt r out of range 1...64") }
            guard (1...64).contains(p) else { throw fail("scrypt p out of range 1...64") }
            guard (1...64).contains(saltByteCount) else { throw fail("salt length out of range 1...64") }
            guard (16...64).contains(hashByteCount) else { throw fail("hash length out of range 16...64") }
            guard memoryByteCount <= Self.maximumMemoryByteCount else { throw fail("scrypt memory above 1 GiB") }
        }

        /// True when any cost or length here is below the one in `current`.
        func isWeaker(than current: Parameters) -> Bool {
            logN < current.logN || r < current.r || p < current.p
                || saltByteCount < current.saltByteCount || hashByteCount < current.hashByteCount
        }
    }
}
