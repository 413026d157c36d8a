// Release benchmark for the Security module:
// `swift run -c release bench-security [--jwt-only] [--iterations N]`.
//
// Reports ns per HS256 JWT verification against ns per raw HMAC-SHA256 check of the same signing input. The two
// are measured in alternating rounds of the same run, in thread CPU time, and the ratio is taken per round (the
// median is reported), so load from other processes on the machine affects both sides alike. The ratio is the cost of the strict
// parsing and claim checks on top of the MAC. Also: ns per JWT sign, and the time of scrypt hashes at production
// parameters. Prints no token, key or password.
import Glibc
import Security

let clock = ContinuousClock()

func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
}

/// CPU time of this thread in ns: unlike wall time it does not grow when other processes share the cores.
func threadCPUNanoseconds() -> Double {
    var spec = timespec()
    precondition(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec) == 0)
    return Double(spec.tv_sec) * 1e9 + Double(spec.tv_nsec)
}

func rounded(_ value: Double) -> String { "\((value * 10).rounded() / 10)" }

/// Thread-CPU ns per call of `body` over `iterations` calls.
@inline(never)
func time(_ iterations: Int, _ sink: inout Int, _ body: () throws -> Int) rethrows -> Double {
    let start = threadCPUNanoseconds()
    for _ in 0..<iterations { sink &+= try body() }
    return (threadCPUNanoseconds() - start) / Double(iterations)
}

let key = try HMACKey(key: try SecureRandom.bytes(32))
let kid = "3f9a1c0b7d2e4a65"
let keyring = try JWTKeyring(keys: [(kid: "0000000000000000", key: try HMACKey(key: try SecureRandom.bytes(32))),
                                    (kid: kid, key: key)],
                             signingKID: kid)
let now: Int64 = 1_764_072_000
let claims = AccessClaims(iss: "paramedic-recorder", aud: "paramedic-recorder-api", sub: "42",
                          sid: "6f1c2b1e-8a3d-4c5e-9f70-1a2b3c4d5e6f", jti: "b1946ac92492d2347c6235b4d2611184",
                          iat: now, nbf: now, exp: now + 900, ver: 3)
let token = try JWT.sign(claims, keyring: keyring)
let lastDot = token.utf8.lastIndex(of: UInt8(ascii: "."))!
let signingInput = Array(token.utf8[..<lastDot])
let signature = Base64URL.decode(String(token[token.index(after: lastDot)...]))!
print("token: \(token.utf8.count) bytes, signing input \(signingInput.count) bytes")

@inline(never)
func verifyOnce() throws -> Int {
    Int(try JWT.verify(token, keyring: keyring, issuer: "paramedic-recorder", audience: "paramedic-recorder-api",
                       now: now + 10).ver)
}
@inline(never)
func macOnce() -> Int { key.isValidAuthenticationCode(signature, for: signingInput) ? 1 : 0 }

var sink = 0
let iterations = CommandLine.arguments.firstIndex(of: "--iterations")
    .flatMap { Int(CommandLine.arguments[$0 + 1]) } ?? 50_000
_ = try time(iterations, &sink, verifyOnce)  // warm-up
_ = time(iterations, &sink, macOnce)
var verifyTimes: [Double] = [], macTimes: [Double] = [], ratios: [Double] = []
for _ in 0..<9 {
    let v = try time(iterations, &sink, verifyOnce)
    let m = time(iterations, &sink, macOnce)
    verifyTimes.append(v)
    macTimes.append(m)
    ratios.append(v / m)
}
let signNs = try time(iterations, &sink) { try JWT.sign(claims, keyring: keyring).utf8.count }
ratios.sort()
precondition(sink != 0)
print("JWT.verify (HS256, all checks): best \(rounded(verifyTimes.min()!)) ns/op (thread CPU time)")
print("HMACKey.isValidAuthenticationCode, same signing input: best \(rounded(macTimes.min()!)) ns/op (thread CPU time)")
print("ratio verify / raw MAC: median \(rounded(ratios[4]))x (9 alternating rounds of \(iterations); "
    + "range \(rounded(ratios[0]))x-\(rounded(ratios[8]))x)")
print("JWT.sign: \(rounded(signNs)) ns/op")
print("verifications per CPU-second (best round): \(Int(1e9 / verifyTimes.min()!))")

if CommandLine.arguments.contains("--jwt-only") { exit(0) }

let hasher = try PasswordHasher()
var hashTimes: [Double] = [], hashCPU: [Double] = []
var encoded = ""
for _ in 0..<5 {
    let start = clock.now
    let cpuStart = threadCPUNanoseconds()
    encoded = try hasher.hash("correct horse battery staple")
    hashCPU.append((threadCPUNanoseconds() - cpuStart) / 1e6)
    hashTimes.append(nanoseconds(clock.now - start) / 1e6)
}
hashTimes.sort()
hashCPU.sort()
let start = clock.now
let verification = try hasher.verify("correct horse battery staple", against: encoded)
let verifyMs = nanoseconds(clock.now - start) / 1e6
precondition(verification.isValid)
print("scrypt hash, production parameters (N=2^16, r=8, p=2, 64 MiB): median \(rounded(hashCPU[2])) ms CPU "
    + "(min \(rounded(hashCPU[0])), max \(rounded(hashCPU[4])) over 5); wall median \(rounded(hashTimes[2])) ms; "
    + "one verify \(rounded(verifyMs)) ms wall")
