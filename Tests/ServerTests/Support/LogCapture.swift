import Foundation
import Logging

/// Collects every log line the server writes (message and metadata rendered as text), so tests can assert that
/// no token, password or refresh token ever reaches a log.
final class LogCapture: Sendable {
    private let lines = Locked<[String]>([])

    var all: [String] { lines.value }

    func append(_ line: String) { lines.mutate { $0.append(line) } }

    /// A logger writing here, at trace level (everything).
    func logger(label: String = "test") -> Logger {
        var logger = Logger(label: label) { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let error = event.error.map { " error=\($0)" } ?? ""
            capture.append("\(event.level) \(event.message) \(rendered)\(error)")
        }
    }
}

/// A value behind a lock (test support).
final class Locked<Value: Sendable>: @unchecked Sendable {
    // Safety: `storage` is only read or written with `lock` held.
    private let lock = NSLock()
    private var storage: Value
    init(_ value: Value) { storage = value }
    var value: Value { lock.withLock { storage } }
    func mutate<T>(_ body: (inout Value) throws -> T) rethrows -> T { try lock.withLock { try body(&storage) } }
}
