import Foundation

/// A complete HTTP/1.1 response read from a keep-alive connection (Content-Length framing only: every response
/// this server sends on these routes has a known length).
struct HTTPResponse {
    let status: Int
    let body: ArraySlice<UInt8>
    let closeAfter: Bool

    enum Parse {
        case incomplete
        case complete(HTTPResponse, consumed: Int)
        case invalid(String)
    }

    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)

    /// Parses the response at the start of `buffer`, if it is all there.
    static func parse(_ buffer: [UInt8]) -> Parse {
        guard let end = find(headerEnd, in: buffer) else {
            return buffer.count > 64 * 1024 ? .invalid("header_too_large") : .incomplete
        }
        guard let head = String(bytes: buffer[0..<end], encoding: .isoLatin1) else { return .invalid("bad_header") }
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            return .invalid("bad_status_line")
        }
        var length = 0
        var close = statusParts[0] == "HTTP/1.0"
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            switch name {
            case "content-length":
                guard let parsed = Int(value), parsed >= 0 else { return .invalid("bad_content_length") }
                length = parsed
            case "transfer-encoding":
                return .invalid("chunked_not_supported")
            case "connection":
                close = value.contains("close")
            default:
                break
            }
        }
        let bodyStart = end + headerEnd.count
        guard buffer.count >= bodyStart + length else { return .incomplete }
        return .complete(HTTPResponse(status: status, body: buffer[bodyStart..<(bodyStart + length)], closeAfter: close),
                         consumed: bodyStart + length)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] && haystack[index + 1] == needle[1] && haystack[index + 2] == needle[2]
                && haystack[index + 3] == needle[3] {
                return index
            }
            index += 1
        }
        return nil
    }
}
