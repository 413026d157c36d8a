import Store

/// Counts failed logins per normalized username (whether or not the account exists, so a lockout reveals
/// nothing) and per client address. Counters live in SQLite, so they survive restarts.
struct LoginThrottle: Sendable {
    let settings: TokenSettings

    /// Seconds until `username` or `ip` may try again, or nil when allowed.
    func retryAfter(username: String, ip: String, now: Int64, in connection: Connection) throws -> Int64? {
        if let row = try connection.first("SELECT locked_until FROM login_throttle WHERE key = ?", ["u:" + username]),
           let until = row.int("locked_until"), until > now {
            return until - now
        }
        if let row = try connection.first("SELECT failures, window_start FROM login_throttle WHERE key = ?", ["ip:" + ip]),
           let failures = row.int("failures"), let start = row.int("window_start"),
           now - start < 3600, failures >= settings.perIPFailuresPerHour {
            return start + 3600 - now
        }
        return nil
    }

    /// Records a failure; returns the lockout now in force for the username (seconds), if any.
    @discardableResult
    func recordFailure(username: String, ip: String, now: Int64, in connection: Connection) throws -> Int64? {
        let row = try connection.first("SELECT failures FROM login_throttle WHERE key = ?", ["u:" + username])
        let failures = (row?.int("failures") ?? 0) + 1
        var lockedUntil: Int64 = 0
        if failures >= settings.lockoutThreshold {
            let doublings = min(Int64(failures) - Int64(settings.lockoutThreshold), 10)
            lockedUntil = now + min(settings.lockoutBase << doublings, settings.lockoutMaximum)
        }
        try connection.run("""
            INSERT INTO login_throttle (key, failures, locked_until, window_start) VALUES (?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until
            """, ["u:" + username, failures, lockedUntil, now])
        let ipRow = try connection.first("SELECT failures, window_start FROM login_throttle WHERE key = ?", ["ip:" + ip])
        if let ipRow, let start = ipRow.int("window_start"), now - start < 3600 {
            try connection.run("UPDATE login_throttle SET failures = failures + 1 WHERE key = ?", ["ip:" + ip])
        } else {
            try connection.run("""
                INSERT INTO login_throttle (key, failures, locked_until, window_start) VALUES (?, 1, 0, ?)
                ON CONFLICT(key) DO UPDATE SET failures = 1, window_start = excluded.window_start
                """, ["ip:" + ip, now])
        }
        return lockedUntil > now ? lockedUntil - now : nil
    }

    func recordSuccess(username: String, in connection: Connection) throws {
        try connection.run("DELETE FROM login_throttle WHERE key = ?", ["u:" + username])
    }
}
