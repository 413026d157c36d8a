import Foundation

/// Moves WAL frames into the database file on its own thread and connection, so the writer never pays for it.
///
/// With SQLite's default (`wal_autocheckpoint` = 1000 pages) the COMMIT that crosses the threshold runs the
/// checkpoint itself: copying the frames and fsyncing the database file. Under the chunk journal that stalled
/// the group committer for 80–120 ms every second or two (measured with bench-tablets), and every chunk in the
/// next batch waited for it. `start` turns the writer's automatic checkpoints off and runs PASSIVE checkpoints
/// (which never block the writer or readers) every `interval`. Under a steady stream of commits such a
/// checkpoint never catches the last frame, so the WAL could not restart; the group committer therefore also
/// calls `Database.checkpointOnWriter()` between batches now and then, which finds most frames already copied.
/// `stop` turns automatic checkpoints back on and runs a last one.
///
/// `@unchecked Sendable`: `stopping` and `thread` are guarded by `condition`; the connection is used only by the
/// checkpoint thread (and by `stop` after that thread has exited).
public final class Checkpointer: @unchecked Sendable {
    private let database: Database
    private let connection: Connection
    private let interval: TimeInterval
    private let condition = NSCondition()
    private var stopping = false
    private var running = false

    public init(database: Database, interval: TimeInterval = 0.1) throws {
        self.database = database
        self.interval = interval
        connection = try Connection(path: database.path, readOnly: false, busyTimeoutMilliseconds: 5_000)
        // Checkpoints fsync the database file before the WAL may be reused only with synchronous ≥ NORMAL; state
        // it rather than rely on the build's default.
        try connection.execute("PRAGMA synchronous = FULL")
    }

    /// Starts the thread (a second call while it runs does nothing; after `stop` it starts again).
    public func start() throws {
        let alreadyRunning: Bool = condition.withLock {
            if running { return true }
            running = true
            stopping = false
            return false
        }
        guard !alreadyRunning else { return }
        do {
            try database.setAutomaticCheckpoint(pages: 0)
        } catch {
            condition.withLock {
                running = false
                condition.broadcast()
            }
            throw error
        }
        let thread = Thread { [self] in run() }
        thread.name = "paramedic.checkpoint"
        thread.start()
    }

    /// Stops the thread, restores automatic checkpoints and checkpoints what is left.
    public func stop() {
        condition.lock()
        guard running else {
            condition.unlock()
            return
        }
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
        try? database.setAutomaticCheckpoint(pages: 1000)
        _ = try? connection.first("PRAGMA wal_checkpoint(PASSIVE)")
    }

    private func run() {
        condition.lock()
        while !stopping {
            _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
            if stopping { break }
            condition.unlock()
            checkpoint()
            condition.lock()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }

    private func checkpoint() {
        // An error is retried next time: a checkpoint that does not run costs disk space, never data.
        _ = try? connection.first("PRAGMA wal_checkpoint(PASSIVE)")
    }
}
