import Foundation

/// A failure of the benchmark's own setup (spawning the server, sockets, epoll). Per-request failures during a
/// phase are not errors: they are counted as lost chunks.
struct BenchError: Error, CustomStringConvertible {
    enum Code: String, Sendable {
        case systemCall
        case serverStart
        case protocolViolation
        case invalidArgument
    }

    let code: Code
    let detail: String
    let errnoValue: Int32?

    init(_ code: Code, _ detail: String, errno errnoValue: Int32? = nil) {
        self.code = code
        self.detail = detail
        self.errnoValue = errnoValue
    }

    /// A failed C call, with the `errno` it left.
    static func call(_ name: String, _ value: Int32 = errno) -> BenchError {
        BenchError(.systemCall, "\(name) failed: \(String(cString: strerror(value)))", errno: value)
    }

    var description: String { "\(code.rawValue): \(detail)" }
}
