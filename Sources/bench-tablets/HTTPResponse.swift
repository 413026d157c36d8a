/// A complete HTTP/1.1 response read from a keep-alive connection (Content-Length framing only: every response
/// this server sends on these routes has a known length). Parsed on bytes: the client must stay cheap next to
/// the server it measures on the same two cores.
struct HTTPResponse {
    let status: Int
    let body: ArraySlice<UInt8>
    let closeAfter: Bool

    enum Parse {
        case incomplete
        case complete(HTTPResponse, consumed: Int)
        case invalid(String)
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Parses the response at the start of `buffer`, if it is all there.
    static func parse(_ buffer: [UInt8]) -> Parse {
        buffer.withUnsafeBufferPointer { bytes -> Parse in
            // Header end: CRLF CRLF.
            var end = -1
            var index = 3
            while index < bytes.count {
                if bytes[index] == lf && bytes[index - 1] == cr && bytes[index - 2] == lf && bytes[index - 3] == cr {
                    end = index + 1
                    break
                }
                index += 1
            }
            guard end > 0 else { return bytes.count > 64 * 1024 ? .invalid("header_too_large") : .incomplete }
            // "HTTP/1.x NNN"
            guard end > 12, bytes[0] == UInt8(ascii: "H"), bytes[5] == UInt8(ascii: "1"), bytes[8] == UInt8(ascii: " ") else {
                return .invalid("bad_status_line")
            }
            var status = 0
            for offset in 9..<12 {
                let digit = Int(bytes[offset]) - 48
                guard (0...9).contains(digit) else { return .invalid("bad_status_line") }
                status = status * 10 + digit
            }
            var length = 0
            var close = bytes[7] == UInt8(ascii: "0")
            // Header lines: name ":" value CRLF.
            var lineStart = 0
            while lineStart < end - 2 {
                var lineEnd = lineStart
                while lineEnd < end && bytes[lineEnd] != cr { lineEnd += 1 }
                if let colon = (lineStart..<lineEnd).first(where: { bytes[$0] == UInt8(ascii: ":") }) {
                    var valueStart = colon + 1
                    while valueStart < lineEnd && bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                    if matches(bytes, lineStart, colon, "content-length") {
                        var value = 0
                        for offset in valueStart..<lineEnd {
                            let digit = Int(bytes[offset]) - 48
                            guard (0...9).contains(digit), value < 1 << 40 else { return .invalid("bad_content_length") }
                            value = value * 10 + digit
                        }
                        length = value
                    } else if matches(bytes, lineStart, colon, "transfer-encoding") {
                        return .invalid("chunked_not_supported")
                    } else if matches(bytes, lineStart, colon, "connection") {
                        close = matches(bytes, valueStart, min(lineEnd, valueStart + 5), "close")
                    }
                }
                lineStart = lineEnd + 2
            }
            guard bytes.count >= end + length else { return .incomplete }
            return .complete(HTTPResponse(status: status, body: buffer[end..<(end + length)], closeAfter: close),
                             consumed: end + length)
        }
    }

    /// ASCII case-insensitive comparison of bytes[from..<to] with a lowercase `name`.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ name: StaticString) -> Bool {
        guard to - from == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for offset in 0..<(to - from) where bytes[from + offset] | 0x20 != expected[offset] | 0x20 {
            return false
        }
        return true
    }
}
