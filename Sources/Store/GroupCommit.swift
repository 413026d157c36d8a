import Foundation

/// Group commit: many small writes from many threads share ONE transaction and therefore one fsync.
///
/// `write(_:)` blocks its caller until the batch holding its change has committed (durable), so it can still be
/// used to acknowledge only what is on disk. A change that throws is rolled back alone and reported to its own
/// caller; the others commit (see `commit(_:)`: a change may run twice, so it must only touch the connection).
///
/// Threading: one committer thread drains `pending` (guarded by `condition`, on which only the committer waits);
/// each caller waits on its own ticket's semaphore, so a commit wakes exactly the callers it answers (a shared
/// condition with broadcast woke every waiting caller on every submission: measured as futex contention that
/// dominated the chunk path at 1,000 tablets). `@unchecked Sendable` rests on those rules.
public final class GroupCommit: @unchecked Sendable {
    public typealias Change = (Connection) throws -> Void

    private final class Ticket: @unchecked Sendable {
        // Safety: `result` is written once by the committer before `done.signal()`, and read by the caller only
        // after `done.wait()` returns; the semaphore orders the two.
        let change: Change
        let done = DispatchSemaphore(value: 0)
        var result: Result<Void, Error> = .success(())
        init(change: @escaping Change) { self.change = change }
    }

    private let database: Database
    private let condition = NSCondition()
    private var pending: [Ticket] = []
    private var stopping = false
    private var thread: Thread?
    /// Largest number of changes in one transaction.
    public let maxBatch: Int
    /// After this many changes, a checkpoint runs on the writer between two batches (see `Checkpointer`); 0: never.
    public let checkpointEvery: Int
    private var changesSinceCheckpoint = 0

    public init(database: Database, maxBatch: Int = 512, checkpointEvery: Int = 0) {
        self.database = database
        self.maxBatch = maxBatch
        self.checkpointEvery = checkpointEvery
        let thread = Thread { [self] in run() }  // strong: the committer lives until stop()
        thread.name = "paramedic.group-commit"
        self.thread = thread
        thread.start()
    }

    /// Runs `change` in the next batch; returns once that batch committed, or throws the change's own error (or the
    /// batch's commit error).
    public func write(_ change: @escaping Change) throws {
        let ticket = Ticket(change: change)
        condition.lock()
        guard !stopping else {
            condition.unlock()
            throw StoreError(.other, resultCode: 0, message: "group commit stopped")
        }
        pending.append(ticket)
        condition.signal()   // only the committer waits on `condition`
        condition.unlock()
        ticket.done.wait()
        try ticket.result.get()
    }

    /// Commits what is pending and stops the committer thread.
    public func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
        while condition.withLock({ thread != nil }) { usleep(1_000) }
    }

    private func run() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            if pending.isEmpty && stopping {
                thread = nil
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            condition.unlock()

            let results = commit(batch)
            for (ticket, result) in zip(batch, results) {
                ticket.result = result
                ticket.done.signal()
            }
            changesSinceCheckpoint += batch.count
            if checkpointEvery > 0, changesSinceCheckpoint >= checkpointEvery {
                changesSinceCheckpoint = 0
                try? database.checkpointOnWriter()   // retried after the next `checkpointEvery` changes
            }
        }
    }

    /// Commits `batch` in one transaction. First optimistically, every change straight in (one statement each);
    /// if any change throws, that transaction rolls back and the batch runs again with a SAVEPOINT around each
    /// change, so only the failing ones fail. Changes must therefore only touch the connection: a change can run
    /// twice, the first time rolled back. A change must also let SQLite's errors propagate (never `try?` them):
    /// after SQLITE_FULL or an I/O error SQLite may have rolled the whole transaction back, and statements run
    /// after a swallowed error would autocommit outside it and then run again in the retry. (Three statements
    /// per change instead of one cost ~13 % of the server's CPU per streamed chunk in bench-tablets' profile.)
    private func commit(_ batch: [Ticket]) -> [Result<Void, Error>] {
        var changeFailed = false
        do {
            try database.write { connection in
                for ticket in batch {
                    do {
                        try ticket.change(connection)
                    } catch {
                        changeFailed = true
                        throw error
                    }
                }
            }
            return Array(repeating: .success(()), count: batch.count)
        } catch {
            // BEGIN or COMMIT itself failed (busy past the timeout, I/O, disk full): every change fails now,
            // rather than waiting for the same failure a second time.
            guard changeFailed else { return batch.map { _ in .failure(error) } }
        }
        var results = [Result<Void, Error>](repeating: .success(()), count: batch.count)
        do {
            try database.write { connection in
                for (index, ticket) in batch.enumerated() {
                    // Prepared once and cached (run), not re-parsed per change (execute).
                    try connection.run("SAVEPOINT change")
                    do {
                        try ticket.change(connection)
                        try connection.run("RELEASE change")
                    } catch {
                        try connection.run("ROLLBACK TO change")
                        try connection.run("RELEASE change")
                        results[index] = .failure(error)
                    }
                }
            }
        } catch {
            results = results.map { _ in .failure(error) }
        }
        return results
    }
}
