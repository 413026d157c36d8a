import Foundation
import Glibc

/// A blocking HTTP/1.1 client on one keep-alive connection to 127.0.0.1 — enough to drive the live server the way
/// a tablet does (sequential requests, each waiting for its answer).
final class LoopbackClient {
    struct Response {
        let status: Int
        let body: [UInt8]

        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    private let port: UInt16
    private var socket: Int32 = -1
    private var buffer: [UInt8] = []

    init(port: UInt16) {
        self.port = port
    }

    deinit {
        if socket >= 0 { close(socket) }
    }

    private func connectIfNeeded() throws {
        guard socket < 0 else { return }
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError(.system, operation: "socket", detail: "errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw BenchError(.system, operation: "connect", detail: "errno \(code)")
        }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        guard setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size)) == 0 else {
            let code = errno
            close(fd)
            throw BenchError(.system, operation: "setsockopt", detail: "errno \(code)")
        }
        socket = fd
        buffer = []
    }

    private func reset() {
        if socket >= 0 { close(socket) }
        socket = -1
        buffer = []
    }

    /// Sends one request and reads its answer. A JSON `object` becomes the body with its content type.
    func send(_ method: String, _ target: String, json object: Any? = nil, token: String? = nil,
              contentType: String? = nil, body: [UInt8] = []) throws -> Response {
        var payload = body
        var type = contentType
        if let object {
            payload = [UInt8](try JSONSerialization.data(withJSONObject: object))
            type = "application/json"
        }
        try connectIfNeeded()
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: \(payload.count)\r\n"
        if let type { head += "Content-Type: \(type)\r\n" }
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        head += "\r\n"
        do {
            try write(Array(head.utf8) + payload)
            return try readResponse()
        } catch {
            reset()
            throw error
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw BenchError(.system, operation: "send", detail: "errno \(errno)")
            }
            offset += n
        }
    }

    /// Reads more bytes into `buffer`; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                buffer += chunk[0..<n]
                return true
            }
            if n == 0 { return false }
            if errno == EINTR { continue }
            throw BenchError(.system, operation: "recv", detail: "errno \(errno)")
        }
    }

    private func readLine() throws -> String {
        while true {
            if let i = buffer.indices.dropFirst().first(where: { buffer[$0 - 1] == 13 && buffer[$0] == 10 }) {
                let line = String(decoding: buffer[..<(i - 1)], as: UTF8.self)
                buffer.removeFirst(i + 1)
                return line
            }
            guard try fill() else { throw BenchError(.server, operation: "read", detail: "connection closed") }
        }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw BenchError(.server, operation: "read", detail: "connection closed") }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    private func readResponse() throws -> Response {
        let statusLine = try readLine()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw BenchError(.server, operation: "status line", detail: String(statusLine.prefix(80)))
        }
        var headers: [String: String] = [:]
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                    .trimmingCharacters(in: .whitespaces)
            }
        }
        var body: [UInt8] = []
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                let sizeLine = try readLine()
                guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else {
                    throw BenchError(.server, operation: "chunk size", detail: String(sizeLine.prefix(20)))
                }
                if size == 0 {
                    while try !readLine().isEmpty {}
                    break
                }
                body += try readBytes(size)
                _ = try readLine()
            }
        } else if let length = headers["content-length"].flatMap(Int.init) {
            body = try readBytes(length)
        } else {
            while try fill() {}
            body = buffer
            buffer = []
            reset()
        }
        if headers["connection"]?.lowercased() == "close" { reset() }
        return Response(status: status, body: body)
    }
}
