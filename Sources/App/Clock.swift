import Foundation

/// The time every rule of the product reads: token lifetimes, lockouts, session expiry, retention.
/// Tests use `ManualClock` and advance it instead of sleeping.
public protocol Clock: Sendable {
    /// Seconds since 1970, UTC.
    func now() -> Int64
}

/// The system's wall clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}

/// A clock tests move by hand. Thread-safe.
public final class ManualClock: Clock, @unchecked Sendable {
    // Safety: `current` is only read or written with `lock` held.
    private let lock = NSLock()
    private var current: Int64

    public init(_ start: Int64 = Int64(Date().timeIntervalSince1970)) { current = start }
    public func now() -> Int64 { lock.withLock { current } }
    public func advance(by seconds: Int64) { lock.withLock { current += seconds } }
}
