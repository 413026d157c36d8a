import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failure of the test client itself (not an HTTP answer).
struct ClientError: Error, CustomStringConvertible {
    enum Code: Sendable { case connect, send, timeout, closed, malformed }
    let code: Code
    let message: String
    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    var description: String { "ClientError(\(code)): \(message)" }
}

/// One parsed HTTP/1.1 response.
struct HTTPResult: Sendable, CustomStringConvertible {
    let status: Int
    /// Header fields in order, names lowercased.
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, or nil.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// `error.code` of the error contract, or nil.
    var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }

    var description: String { "HTTP \(status) \(text.prefix(300))" }
}

/// A raw TCP connection to the server under test. Sends exactly the bytes it is given (so `/%2e%2e/`, `%00`
/// and malformed requests reach the server untouched) and parses responses itself: Content-Length, chunked
/// transfer-encoding, or read-to-close. Every read waits at most `timeout` seconds.
final class RawConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false
    let timeout: TimeInterval

    init(port: UInt16, timeout: TimeInterval = 15) throws {
        self.timeout = timeout
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ClientError(.connect, "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        // `fd` is assigned only after a successful connect. Were it assigned before, a throw here would leave the
        // object fully initialized, its deinit would close the socket a second time, and that second close would hit
        // whatever descriptor another test's thread had opened under the same number meanwhile. (That is how
        // LifecycleTests once saw SQLite's "disk I/O error" (SQLITE_IOERR_FSTAT) on its own database in CI.)
        guard rc == 0 else {
            let code = errno
            Glibc.close(socket)
            throw ClientError(.connect, "connect to 127.0.0.1:\(port): errno \(code)")
        }
        fd = socket
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int(timeout.truncatingRemainder(dividingBy: 1) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { Glibc.close(fd) }

    /// Sends every byte (or throws: a reset by the peer surfaces as `.send`).
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw ClientError(.send, "send: errno \(errno)")
            }
            offset += sent
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Reads more bytes into the buffer. Returns false at end of stream (or reset).
    private func fill() throws -> Bool {
        if closed { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count == 0 { closed = true; return false }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { throw ClientError(.timeout, "no data within \(timeout) s") }
            if errno == ECONNRESET { closed = true; return false }
            throw ClientError(.closed, "recv: errno \(errno)")
        }
    }

    private func readLine() throws -> String {
        while true {
            if let index = buffer.firstIndex(of: 0x0a) {
                var line = Array(buffer[..<index])
                buffer.removeFirst(index + 1)
                if line.last == 0x0d { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard try fill() else { throw ClientError(.closed, "connection closed inside a line") }
        }
    }

    private func readExactly(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw ClientError(.closed, "connection closed inside a body") }
        }
        let out = Array(buffer[..<count])
        buffer.removeFirst(count)
        return out
    }

    /// Reads one response. `headRequest` for a HEAD request (no body follows).
    func readResponse(headRequest: Bool = false) throws -> HTTPResult {
        let statusLine = try readLine()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw ClientError(.malformed, "bad status line '\(statusLine)'")
        }
        var headers: [(name: String, value: String)] = []
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { throw ClientError(.malformed, "bad header '\(line)'") }
            headers.append((line[..<colon].lowercased(),
                            line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        func value(_ name: String) -> String? { headers.first { $0.name == name }?.value }
        var body: [UInt8] = []
        if headRequest || status == 204 || status == 304 || (100..<200).contains(status) {
            // no body
        } else if value("transfer-encoding")?.lowercased().contains("chunked") == true {
            while true {
                let sizeLine = try readLine()
                let sizeText = sizeLine.split(separator: ";").first.map(String.init) ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw ClientError(.malformed, "bad chunk size '\(sizeLine)'")
                }
                if size == 0 {
                    while try !readLine().isEmpty {}  // trailers
                    break
                }
                body += try readExactly(size)
                guard try readLine().isEmpty else { throw ClientError(.malformed, "chunk not followed by CRLF") }
            }
        } else if let length = value("content-length").flatMap({ Int($0) }) {
            body = try readExactly(length)
        } else {
            while try fill() {}
            body = buffer
            buffer = []
        }
        return HTTPResult(status: status, headers: headers, body: body)
    }

    /// True when the peer closes the connection (EOF or reset) within the timeout without sending more bytes.
    /// Throws `.timeout` when the connection is still open (held) after the timeout.
    func waitForClose() throws -> Bool {
        while try fill() {
            if !buffer.isEmpty { return false }
        }
        return true
    }
}

/// One-shot requests (each on a fresh connection, `Connection: close`).
enum RawHTTP {
    static func request(port: UInt16, _ method: String, _ target: String, headers: [String: String] = [:],
                        body: [UInt8]? = nil, timeout: TimeInterval = 15) throws -> HTTPResult {
        let connection = try RawConnection(port: port, timeout: timeout)
        try connection.send(encode(method, target, headers: headers, body: body, keepAlive: false))
        return try connection.readResponse(headRequest: method == "HEAD")
    }

    /// A JSON request; `token` goes in the Authorization header.
    static func json(port: UInt16, _ method: String, _ target: String, _ object: Any? = nil, token: String? = nil,
                     timeout: TimeInterval = 15) throws -> HTTPResult {
        var headers: [String: String] = [:]
        var body: [UInt8]?
        if let object {
            headers["Content-Type"] = "application/json"
            body = [UInt8](try JSONSerialization.data(withJSONObject: object))
        }
        if let token { headers["Authorization"] = "Bearer " + token }
        return try request(port: port, method, target, headers: headers, body: body, timeout: timeout)
    }

    /// The exact bytes of a request. A body gets a Content-Length unless the caller set Transfer-Encoding.
    static func encode(_ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8]? = nil,
                       keepAlive: Bool = true) -> [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if !keepAlive { text += "Connection: close\r\n" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        if let body, !headers.keys.contains(where: { $0.lowercased() == "transfer-encoding" || $0.lowercased() == "content-length" }) {
            text += "Content-Length: \(body.count)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8) + (body ?? [])
    }
}
