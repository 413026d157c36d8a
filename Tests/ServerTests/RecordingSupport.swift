import App
import Foundation
import Logging
import Security
import Testing

#if canImport(Glibc)
import Glibc
#endif

// Support for the live recording / access / vault tests: a raw-socket HTTP/1.1 client (so the tests see exactly
// the bytes the server sends), a fixture that runs the real Application on a loopback port over a fresh data
// directory, and real audio made with sox and espeak-ng. Names carry a `Rec` prefix so they cannot collide with
// the general ServerTests support.

/// One HTTP response as it came off the wire.
struct RecResponse: Sendable {
    let status: Int
    /// Header names lowercased.
    let headers: [String: String]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// `error.code` of an error body.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }

    func string(_ key: String) -> String? { json[key] as? String }
}

struct RecClientError: Error, CustomStringConvertible {
    let description: String
}

/// A blocking HTTP/1.1 client over a POSIX socket, one connection per request (`Connection: close`).
struct RecClient: Sendable {
    let port: UInt16

    /// Sends one request. `declaredLength` overrides Content-Length (the body is then sent only up to it, or not at
    /// all when `sendBody` is false) to test limits checked on the headers.
    func request(_ method: String, _ path: String, token: String? = nil, headers: [String: String] = [:],
                 body: [UInt8] = [], declaredLength: Int? = nil, sendBody: Bool = true) throws -> RecResponse {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RecClientError(description: "socket: errno \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw RecClientError(description: "connect: errno \(errno)") }

        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method != "GET" || !body.isEmpty || declaredLength != nil {
            head += "Content-Length: \(declaredLength ?? body.count)\r\n"
        }
        head += "\r\n"
        var out = Array(head.utf8)
        if sendBody { out += body.prefix(declaredLength ?? body.count) }
        var sent = 0
        while sent < out.count {
            let n = out[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }  // the server may answer early (413) and close; read what it said
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                received += buffer[0..<n]
            } else if n == 0 || (errno != EINTR) {
                break
            }
        }
        return try Self.parse(received)
    }

    /// A JSON request.
    func json(_ method: String, _ path: String, token: String? = nil, _ object: [String: Any]) throws -> RecResponse {
        let body = try JSONSerialization.data(withJSONObject: object)
        return try request(method, path, token: token, headers: ["Content-Type": "application/json"], body: Array(body))
    }

    static func parse(_ bytes: [UInt8]) throws -> RecResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.firstRange(of: separator) else {
            throw RecClientError(description: "no response head (\(bytes.count) bytes)")
        }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RecClientError(description: "bad status line")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length else {
                throw RecClientError(description: "short body: \(body.count) of \(length) bytes")
            }
            body = Array(body.prefix(length))
        }
        return RecResponse(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstRange(of: [13, 10]) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
                .split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw RecClientError(description: "bad chunk size")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard start + size <= bytes.count else { throw RecClientError(description: "truncated chunk") }
            out += bytes[start..<start + size]
            index = start + size + 2
        }
        return out
    }
}

/// A logged-in device: its session id and access token.
struct RecDevice: Sendable {
    let username: String
    let sessionID: String
    let token: String
    let refreshToken: String
}

/// A real Application on a loopback port over a fresh data directory. Users are created with the real
/// `AdminTool` before the server starts (so no one-time admin password is generated).
final class RecServer: @unchecked Sendable {
    // Safety: every stored property is immutable after init; Application and ManualClock are thread-safe.
    static let password = "Vq8#tundra-Lamp-93x"
    let directory: String
    let configuration: AppConfiguration
    let clock: ManualClock
    let app: Application
    let client: RecClient

    /// - Parameters:
    ///   - users: (name, role, teams) created with `RecServer.password`.
    ///   - configure: adjusts the configuration before the server starts.
    init(users: [(String, String, [String])], configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        directory = try Self.makeTemporaryDirectory()
        clock = ManualClock()
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        configuration.http.port = 0
        configuration.clock = clock
        // A small scrypt cost: these tests exercise recording, access and the vault, not KDF timing.
        configuration.passwordParameters = PasswordHasher.Parameters(logN: 10, r: 8, p: 1)
        configuration.asr = "pocketsphinx"
        configuration.processingWorkers = 1
        configure(&configuration)
        self.configuration = configuration
        let tool = try AdminTool(configuration: configuration)
        for (name, role, teams) in users {
            _ = try tool.addUser(name: name, role: role, teams: teams, password: Self.password)
        }
        var logger = Logger(label: "rectests")
        logger.logLevel = .warning
        app = try Application(configuration: configuration, logger: logger)
        let port = try app.start()
        client = RecClient(port: port)
    }

    func stop() {
        app.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func makeTemporaryDirectory() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/rectests.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw RecClientError(description: "mkdtemp failed") }
        return String(cString: made)
    }

    /// Logs `username` in on a fresh (or the given) device session.
    func login(_ username: String, session: String = RecServer.newSessionID()) throws -> RecDevice {
        try Self.login(client, username, session: session)
    }

    static func login(_ client: RecClient, _ username: String, session: String = RecServer.newSessionID(),
                      password: String = RecServer.password) throws -> RecDevice {
        let response = try client.json("POST", "/api/auth/login",
                                       ["username": username, "password": password, "session_id": session])
        guard response.status == 200, let token = response.string("access_token"),
              let refresh = response.string("refresh_token") else {
            throw RecClientError(description: "login \(username): \(response.status) \(response.text)")
        }
        return RecDevice(username: username, sessionID: session, token: token, refreshToken: refresh)
    }

    /// A UUID v4 in the lowercase form the browser keeps.
    static func newSessionID() -> String { UUID().uuidString.lowercased() }
}

extension RecClient {
    static let pcm16k = "audio/L16;rate=16000;channels=1"

    /// POST /api/start-recording; returns the recording id.
    func start(_ device: RecDevice) throws -> String {
        let response = try json("POST", "/api/start-recording", token: device.token, ["session_id": device.sessionID])
        guard response.status == 201, let id = response.string("recording_id") else {
            throw RecClientError(description: "start: \(response.status) \(response.text)")
        }
        return id
    }

    func chunk(_ device: RecDevice, _ recordingID: String, seq: Int, _ pcm: [UInt8],
               contentType: String = RecClient.pcm16k) throws -> RecResponse {
        try request("POST", "/api/recordings/\(recordingID)/chunks?seq=\(seq)", token: device.token,
                    headers: ["Content-Type": contentType], body: pcm)
    }

    func stop(_ device: RecDevice) throws -> RecResponse {
        try json("POST", "/api/stop-recording", token: device.token, ["session_id": device.sessionID])
    }

    func recording(_ device: RecDevice, _ id: String) throws -> RecResponse {
        try request("GET", "/api/recordings/\(id)", token: device.token)
    }

    func file(_ device: RecDevice, _ id: String, _ type: String) throws -> RecResponse {
        try request("GET", "/api/recordings/\(id)/files/\(type)", token: device.token)
    }

    /// Streams `pcm` in chunks of `chunkBytes`, requiring a 200 for each, starting at chunk `firstSeq` after
    /// `alreadySent` bytes; returns the next seq (the number of chunks sent when starting at 0).
    @discardableResult
    func stream(_ device: RecDevice, _ id: String, _ pcm: [UInt8], chunkBytes: Int = 8_000, firstSeq: Int = 0,
                alreadySent: Int = 0) throws -> Int {
        var seq = firstSeq
        var offset = 0
        while offset < pcm.count {
            let end = min(offset + chunkBytes, pcm.count)
            let response = try chunk(device, id, seq: seq, Array(pcm[offset..<end]))
            guard response.status == 200, (response.json["bytes_received"] as? Int) == alreadySent + end else {
                throw RecClientError(description: "chunk \(seq): \(response.status) \(response.text)")
            }
            seq += 1
            offset = end
        }
        return seq
    }

    /// Polls GET /api/recordings/{id} until its status is one of `statuses` (and, if given, `file` is listed),
    /// up to `timeout` seconds. Returns the last JSON seen.
    func waitFor(_ device: RecDevice, _ id: String, statuses: Set<String> = ["ready", "failed", "interrupted"],
                 file: String? = nil, timeout: Double = 120) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String: Any] = [:]
        while Date() < deadline {
            let response = try recording(device, id)
            last = response.json
            let files = last["files"] as? [String] ?? []
            if let status = last["status"] as? String, statuses.contains(status), file.map(files.contains) ?? true {
                return last
            }
            usleep(50_000)
        }
        throw RecClientError(description: "recording \(id) did not reach \(statuses) in \(timeout) s: \(last)")
    }
}

/// Real audio, made by the real tools.
enum RecAudio {
    /// Runs a tool; throws with its stderr when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RecClientError(description: "\(tool) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }

    /// `seconds` of a sine at `frequency` Hz as raw s16le mono at `rate`, made by sox.
    static func tone(_ frequency: Int, seconds: Double, rate: Int = 16_000) throws -> [UInt8] {
        let dir = try RecServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/tone.raw"
        try run("/usr/bin/sox", ["-n", "-r", String(rate), "-c", "1", "-b", "16", "-e", "signed", out,
                                 "synth", String(seconds), "sine", String(frequency), "vol", "0.5"])
        return Array(try Data(contentsOf: URL(fileURLWithPath: out)))
    }

    /// `text` spoken by espeak-ng, as a WAV file (22.05 kHz, espeak's own format).
    static func speechWAV(_ text: String) throws -> [UInt8] {
        let dir = try RecServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/speech.wav"
        try run("/usr/bin/espeak-ng", ["-s", "140", "-w", out, text])
        return Array(try Data(contentsOf: URL(fileURLWithPath: out)))
    }

    /// `text` spoken by espeak-ng, converted by sox to raw s16le mono 16 kHz (what a browser streams).
    static func speechPCM(_ text: String) throws -> [UInt8] {
        let dir = try RecServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(try speechWAV(text)).write(to: URL(fileURLWithPath: dir + "/speech.wav"))
        try run("/usr/bin/sox", [dir + "/speech.wav", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed",
                                 dir + "/speech.raw"])
        return Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/speech.raw")))
    }

    /// `wav` converted by sox to another container (`flac`, `ogg`).
    static func convert(_ wav: [UInt8], to ext: String) throws -> [UInt8] {
        let dir = try RecServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(wav).write(to: URL(fileURLWithPath: dir + "/in.wav"))
        try run("/usr/bin/sox", [dir + "/in.wav", dir + "/out." + ext])
        return Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/out." + ext)))
    }

    /// Deterministic noise-like PCM distinct per `seed` (xorshift), `bytes` long (even).
    static func pattern(seed: UInt64, bytes: Int) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var out = [UInt8](repeating: 0, count: bytes)
        for index in stride(from: 0, to: bytes, by: 8) {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            withUnsafeBytes(of: state.littleEndian) { raw in
                for k in 0..<min(8, bytes - index) { out[index + k] = raw[k] }
            }
        }
        return out
    }
}

/// The WAV a download returns, split into header facts and PCM.
struct RecWAV {
    let sampleRate: UInt32
    let channels: UInt16
    let bits: UInt16
    let pcm: [UInt8]

    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8),
              bytes[36..<40].elementsEqual("data".utf8) else {
            throw RecClientError(description: "not a canonical 44-byte-header WAV")
        }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        channels = u16(22)
        sampleRate = u32(24)
        bits = u16(34)
        let length = Int(u32(40))
        guard 44 + length == bytes.count else {
            throw RecClientError(description: "data chunk says \(length) bytes, body has \(bytes.count - 44)")
        }
        pcm = Array(bytes[44...])
    }
}

/// Runs `count` blocking jobs on their own threads at once (real concurrency, not the cooperative pool's two
/// threads) and returns their results in order.
func recConcurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T) -> [Result<T, any Error>] {
    let results = RecResults<T>(count: count)
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            results.set(index, Result { try body(index) })
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    return results.all()
}

/// Results written from many threads.
final class RecResults<T: Sendable>: @unchecked Sendable {
    // Safety: `values` is only touched with `lock` held.
    private let lock = NSLock()
    private var values: [Result<T, any Error>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<T, any Error>) { lock.withLock { values[index] = value } }
    func all() -> [Result<T, any Error>] { lock.withLock { values.map { $0! } } }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs anywhere in self.
    func recContains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return self.firstRange(of: needle) != nil
    }
}
