// Audit append cost (issue 7: "appends must not slow the hot path by more than 10 %").
//
// Measures, in one run on the same database settings (WAL, synchronous=FULL):
//   baseline  — a write transaction that changes one row (what every audited action does anyway),
//   audited   — the same transaction plus AuditLog.append (read the chain head, HMAC, insert) and the head-file
//               append after commit (an extra fdatasync),
//   in-txn    — the same transaction plus AuditLog.append but WITHOUT the head-file append (what the cost would be
//               if the head were published in batches).
// Prints microseconds per operation and the ratios. Run: swift run -c release bench-audit [iterations]
import App
import Foundation
import Store

let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 300 : 300
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-audit-\(getpid())").path
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }

let database = try Database(path: directory + "/bench.db", migrations: [
    Migration(version: 1, sql: """
        CREATE TABLE counters (id INTEGER PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO counters (id, value) VALUES (1, 0);
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor_id INTEGER, actor_username TEXT, actor_role TEXT,
            session_short TEXT, client_ip TEXT, action TEXT NOT NULL, target_type TEXT, target_id TEXT,
            outcome TEXT NOT NULL, reason TEXT, mac BLOB NOT NULL);
        """),
])
let audit = try AuditLog(keyBytes: [UInt8](repeating: 7, count: 32), headPath: directory + "/audit.head",
                         clock: SystemClock())
let event = AuditEvent(action: "file_download", outcome: .success, actorID: 42, actorUsername: "medic1",
                       actorRole: "paramedic", sessionShort: "6f1c2b8e", clientIP: "127.0.0.1",
                       targetType: "recording", targetID: UUID().uuidString.lowercased(), reason: "report")

func measure(_ label: String, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<20 { try body() }   // warm up
    let start = ContinuousClock.now
    for _ in 0..<iterations { try body() }
    let elapsed = ContinuousClock.now - start
    let micros = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
    let per = micros / Double(iterations)
    print(String(format: "%-10@ %9.1f µs/op", label as NSString, per))
    return per
}

print("iterations: \(iterations) (WAL, synchronous=FULL, on \(directory))")
let baseline = try measure("baseline") {
    try database.write { connection in _ = try connection.run("UPDATE counters SET value = value + 1 WHERE id = 1") }
}
let audited = try measure("audited") {
    try database.write { connection in
        _ = try connection.run("UPDATE counters SET value = value + 1 WHERE id = 1")
        try audit.append(event, in: connection)
    }
    try audit.publishHead()
}
let inTransaction = try measure("in-txn") {
    try database.write { connection in
        _ = try connection.run("UPDATE counters SET value = value + 1 WHERE id = 1")
        try audit.append(event, in: connection)
    }
}
print(String(format: "audited / baseline = %.2f   in-txn / baseline = %.2f", audited / baseline, inTransaction / baseline))
