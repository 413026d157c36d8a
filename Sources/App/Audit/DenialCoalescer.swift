import Foundation

/// Keeps a flood of unauthenticated requests from turning into a flood of durable audit writes (each one a
/// SQLite commit under the single writer lock): for 401 denials, the first per (client address, route, code) in
/// each minute is audited with the count of those suppressed since the previous one; the others are only counted.
/// Every distinct denial still appears in the log within a minute, with its number. 403 and 404 denials (an
/// authenticated caller) are always audited one by one.
///
/// `@unchecked Sendable`: `windows` is only touched with `lock` held.
final class DenialCoalescer: @unchecked Sendable {
    private struct Window {
        var start: Int64
        var suppressed: Int
    }

    private let lock = NSLock()
    private var windows: [String: Window] = [:]
    private let interval: Int64
    private let maximumKeys: Int

    init(interval: Int64 = 60, maximumKeys: Int = 10_000) {
        self.interval = interval
        self.maximumKeys = maximumKeys
    }

    /// nil: do not audit this one (counted). Otherwise: audit it, reporting this many suppressed before it.
    func admit(ip: String, route: String, code: String, now: Int64) -> Int? {
        let key = ip + "\u{1f}" + route + "\u{1f}" + code
        return lock.withLock {
            if var window = windows[key], now - window.start < interval {
                window.suppressed += 1
                windows[key] = window
                return nil
            }
            let suppressed = windows[key]?.suppressed ?? 0
            if windows.count >= maximumKeys { windows.removeAll(keepingCapacity: true) }
            windows[key] = Window(start: now, suppressed: 0)
            return suppressed
        }
    }
}
