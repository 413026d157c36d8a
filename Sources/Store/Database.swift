import CSQLite
import Foundation

/// The product's SQLite database.
///
/// Concurrency model: ONE writer connection, serialized by `writeLock` (SQLite allows one writer at a time
/// anyway; serializing in-process avoids busy-waiting), and a small pool of read-only connections that WAL lets
/// run alongside the writer. A connection is only ever used by the thread that holds it (the lock, or a pool
/// checkout), so `Connection` itself needs no locking — that is the safety argument for `@unchecked Sendable`.
/// Other processes (the CLI while the server runs) coordinate through SQLite's own file locks and busy timeout.
public final class Database: @unchecked Sendable {
    public let path: String
    private let writer: Connection
    private let writeLock = NSLock()
    private let poolLock = NSCondition()
    private var idleReaders: [Connection] = []
    private let busyTimeout: Int32

    /// Opens (creating if needed) the database at `path` with mode 0600, WAL, foreign keys, busy timeout, and
    /// applies `migrations` in order.
    public init(path: String, readers: Int = 4, busyTimeoutMilliseconds: Int32 = 5_000,
                migrations: [Migration]) throws {
        self.path = path
        self.busyTimeout = busyTimeoutMilliseconds
        let existed = FileManager.default.fileExists(atPath: path)
        if !existed {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
        }
        writer = try Connection(path: path, readOnly: false, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        try writer.execute("PRAGMA journal_mode = WAL")
        try writer.execute("PRAGMA synchronous = FULL")
        try Self.migrate(writer, migrations)
        for _ in 0..<max(1, readers) {
            idleReaders.append(try Connection(path: path, readOnly: true,
                                              busyTimeoutMilliseconds: busyTimeoutMilliseconds))
        }
    }

    /// Runs `body` in a write transaction (BEGIN IMMEDIATE … COMMIT) on the writer connection.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try writeLock.withLock { try writer.transaction(immediate: true, body) }
    }

    /// Sets the writer's `wal_autocheckpoint` (0: off, while a `Checkpointer` runs).
    public func setAutomaticCheckpoint(pages: Int) throws {
        try writeLock.withLock { _ = try writer.first("PRAGMA wal_autocheckpoint = \(max(0, pages))") }
    }

    /// Runs a PASSIVE checkpoint on the writer connection, between transactions. As the only writer holds
    /// `writeLock` meanwhile, no frame can be appended during it, so it completes whenever no reader still needs
    /// the WAL, and the next write transaction starts the WAL from its beginning again (a checkpoint on another
    /// connection rarely completes under a steady stream of commits, and the WAL would grow without bound).
    public func checkpointOnWriter() throws {
        try writeLock.withLock { _ = try writer.first("PRAGMA wal_checkpoint(PASSIVE)") }
    }

    /// Runs `body` with a read-only connection in one consistent snapshot.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = checkout()
        defer { checkin(connection) }
        return try connection.transaction(immediate: false, body)
    }

    /// Runs ONE statement on a reader connection without BEGIN/COMMIT: a single statement already reads one
    /// consistent snapshot, and the hot path (authenticating every request) saves two round trips through
    /// SQLite's parser.
    public func readOne(_ sql: String, _ bindings: [any SQLBindable] = []) throws -> Row? {
        let connection = checkout()
        defer { checkin(connection) }
        return try connection.first(sql, bindings)
    }

    /// The current schema version.
    public func schemaVersion() throws -> Int {
        try read { Int(try $0.first("PRAGMA user_version")?.int("user_version") ?? 0) }
    }

    private func checkout() -> Connection {
        poolLock.lock()
        defer { poolLock.unlock() }
        while idleReaders.isEmpty { poolLock.wait() }
        return idleReaders.removeLast()
    }

    private func checkin(_ connection: Connection) {
        poolLock.lock()
        idleReaders.append(connection)
        poolLock.signal()
        poolLock.unlock()
    }

    /// Applies every migration newer than `PRAGMA user_version`, each in its own transaction with the version
    /// bump, so a crash leaves the schema at a whole step. Running twice is a no-op.
    static func migrate(_ connection: Connection, _ migrations: [Migration]) throws {
        for (index, migration) in migrations.enumerated() {
            precondition(migration.version == index + 1, "migrations must be numbered 1, 2, 3…")
        }
        try connection.transaction(immediate: true) { connection in
            let current = Int(try connection.first("PRAGMA user_version")?.int("user_version") ?? 0)
            guard current <= migrations.count else {
                throw StoreError(.schemaTooNew, resultCode: 0,
                                 message: "database schema \(current) is newer than this program (\(migrations.count))")
            }
            for migration in migrations where migration.version > current {
                try connection.execute(migration.sql)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
