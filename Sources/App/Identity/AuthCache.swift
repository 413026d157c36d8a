import Foundation
import Store

/// What per-request authentication read from the database about one access token, kept while the database's
/// authorization epoch (`auth_epoch`, see Schema version 2) stays where it was when the row was read.
///
/// Why: every chunk request authenticates, and the one SQL statement that does it (user, teams, device session,
/// revocation) was about 10 % of the server's CPU at 1,000 streaming tablets. With the cache a request runs a
/// one-row read of the epoch instead. Triggers bump the epoch in the same transaction as any change that could
/// alter an answer, whoever commits it (this process or the CLI), and an entry is used only when its epoch
/// equals the current one, so a cached answer is never older than what the single statement would have read.
/// The token itself (MAC, expiry, claims) is still verified on every request before the cache is consulted.
///
/// Only successful lookups are cached (a denial always goes back to the database). The key is the token's jti
/// together with its user, device session and token version, so an entry can only answer for the token that
/// produced it. Bounded: when `capacity` is reached the cache is emptied.
///
/// `@unchecked Sendable`: `entries` is only touched with `lock` held, and entries are values.
final class AuthCache: @unchecked Sendable {
    struct Key: Hashable {
        let jti: String
        let userID: Int64
        let sessionID: String
        let tokenVersion: Int64
    }

    struct Entry {
        let epoch: Int64
        let user: User
        /// When the device session was last marked seen (kept here so the once-a-minute update still happens).
        var lastSeen: Int64
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private let capacity: Int
    private var hits = 0
    /// The highest epoch seen. A lower one means the database was replaced under the server (a restore): its
    /// numbers may repeat ones from the other history, so nothing cached before is trusted.
    private var highestEpoch: Int64 = .min
    /// False when the triggers that maintain the epoch are not all in the database (see `triggersPresent`).
    let enabled: Bool

    init(capacity: Int = 20_000, enabled: Bool = true) {
        self.capacity = capacity
        self.enabled = enabled
    }

    /// The triggers migration 2 creates, by name: without every one of them a cached answer could outlive a
    /// change, so the cache stays off.
    static let triggerNames: [String] = ["users", "teams", "user_teams", "revoked_tokens", "device_sessions"]
        .flatMap { table in ["insert", "update", "delete"].map { "auth_epoch_\(table)_\($0)" } }

    /// Whether every epoch trigger exists (checked once at start-up).
    static func triggersPresent(in database: Database) throws -> Bool {
        let present = try database.read { connection in
            try connection.query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'auth_epoch_%'")
                .compactMap { $0.string("name") }
        }
        return Set(triggerNames).isSubset(of: Set(present))
    }

    /// The entry for `key` if it was read at `epoch`; a stale one is dropped.
    func lookup(_ key: Key, epoch: Int64) -> Entry? {
        guard enabled else { return nil }
        return lock.withLock {
            if epoch < highestEpoch { entries.removeAll() }
            highestEpoch = max(highestEpoch, epoch)
            guard let entry = entries[key] else { return nil }
            guard entry.epoch == epoch else {
                entries[key] = nil
                return nil
            }
            hits += 1
            return entry
        }
    }

    func store(_ key: Key, _ entry: Entry) {
        guard enabled else { return }
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    /// Records that the session's `last_seen` update was scheduled at `now`.
    func markSeen(_ key: Key, at now: Int64) {
        lock.withLock { entries[key]?.lastSeen = now }
    }

    var hitCount: Int { lock.withLock { hits } }
}
