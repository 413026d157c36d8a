import Foundation
import Store
import Testing

/// The group committer under many concurrent writers, on a real SQLite file: every caller returns only after its
/// change is committed, and a change that throws fails alone (its partial writes rolled back), whether it came
/// through the optimistic batch or the savepoint retry.
@Suite struct GroupCommitTests {
    private static func database() throws -> (Database, String) {
        let directory = NSTemporaryDirectory() + "/groupcommit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let database = try Database(path: directory + "/t.db", migrations: [
            Migration(version: 1, sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL)"),
        ])
        return (database, directory)
    }

    private struct Refused: Error, Equatable { let writer: Int }

    @Test func concurrentWritersAreAllCommittedAndAFailingChangeFailsAlone() throws {
        let (database, directory) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let commit = GroupCommit(database: database, checkpointEvery: 50)
        defer { commit.stop() }
        let writers = 64
        let failing: Set<Int> = [7, 40]
        let outcomes = Locked<[Int: Bool]>([:])
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                try commit.write { connection in
                    try connection.run("INSERT INTO t (writer) VALUES (?)", [writer])
                    // A failing change has written a row before it throws: that row must not survive.
                    if failing.contains(writer) { throw Refused(writer: writer) }
                    try connection.run("INSERT INTO t (writer) VALUES (?)", [writer + 1000])
                }
                // Returned: the change must already be visible to a fresh reader (committed, not just queued).
                let seen = try database.read { try $0.first("SELECT count(*) AS n FROM t WHERE writer = ?", [writer])?.int("n") }
                outcomes.mutate { $0[writer] = seen == 1 }
            } catch let error as Refused {
                outcomes.mutate { $0[writer] = error.writer == writer ? false : true }
            } catch {
                outcomes.mutate { $0[writer] = true }   // any other error is wrong: recorded as a mismatch below
            }
        }
        let result = outcomes.value
        #expect(result.count == writers)
        for writer in 0..<writers {
            #expect(result[writer] == !failing.contains(writer), "writer \(writer)")
        }
        let rows = try database.read { try $0.query("SELECT writer FROM t").compactMap { $0.int("writer") } }
        #expect(rows.count == 2 * (writers - failing.count))
        for writer in failing {
            #expect(!rows.contains(Int64(writer)) && !rows.contains(Int64(writer + 1000)), "writer \(writer)'s rows rolled back")
        }
    }

    @Test func writesAfterStopAreRefused() throws {
        let (database, directory) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let commit = GroupCommit(database: database)
        try commit.write { try $0.run("INSERT INTO t (writer) VALUES (1)") }
        commit.stop()
        #expect(throws: StoreError.self) { try commit.write { try $0.run("INSERT INTO t (writer) VALUES (2)") } }
        #expect(try database.read { try $0.first("SELECT count(*) AS n FROM t")?.int("n") } == 1)
    }
}
