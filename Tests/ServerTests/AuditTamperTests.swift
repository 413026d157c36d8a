@testable import App
import Foundation
import Store
import Testing

/// Tampering with the audit log as an attacker who can write the database and the head file (but does not
/// hold the audit key): each attack is detected by BOTH verifiers — `GET /api/audit/verify` and the command
/// line (`AdminTool.verifyAudit`, and the `paramedic audit verify` exit code) — and stays detected after the
/// server appends more entries.
@Suite struct AuditTamperTests {
    struct Fixture {
        let server: TestServer
        let auditor: Session

        init() throws {
            server = try TestServer()
            try server.addUser("auditor1", role: "auditor")
            try server.addUser("medic", role: "paramedic")
            for _ in 0..<3 { _ = try server.session("medic") }
            _ = try server.login("medic", "Wrong-Password-0000")
            auditor = try server.session("auditor1")  // logged in before the tampering
        }

        /// An attacker's own connection to the database file.
        func attack(_ sql: String) throws {
            let database = try Database(path: server.databasePath, readers: 1, migrations: Schema.migrations)
            try database.write { connection in
                try connection.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
                try connection.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
                try connection.execute(sql)
            }
        }

        var count: Int {
            get throws {
                let database = try Database(path: server.databasePath, readers: 1, migrations: Schema.migrations)
                return Int(try database.read { try $0.first("SELECT max(seq) AS n FROM audit_log")?.int("n") } ?? 0)
            }
        }

        func httpVerify() throws -> [String: Any] {
            let response = try server.json("GET", "/api/audit/verify", token: auditor.access)
            try #require(response.status == 200, "\(response)")
            return try #require(response.json)
        }

        /// Both verifiers (three ways), in an order where no verifier's own audit entry can hide the attack from
        /// the next one; then once more after the server has appended new entries.
        func expectDetected(firstBadSeq: Int? = nil, _ label: String,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
            let cli = try server.adminTool().verifyAudit()
            #expect(!cli.isValid, "\(label): AdminTool.verifyAudit missed it", sourceLocation: sourceLocation)
            if let firstBadSeq, case .broken(let seq, _, _) = cli {
                #expect(seq == Int64(firstBadSeq), "\(label): \(cli)", sourceLocation: sourceLocation)
            }
            if let code = try CLI.auditVerify(dataDirectory: server.directory) {
                #expect(code != 0, "\(label): `paramedic audit verify` exited 0", sourceLocation: sourceLocation)
            }
            let http = try httpVerify()
            #expect(http["valid"] as? Bool == false, "\(label): GET /api/audit/verify missed it: \(http)",
                    sourceLocation: sourceLocation)
            if let firstBadSeq {
                #expect(http["first_bad_seq"] as? Int == firstBadSeq, "\(label): \(http)", sourceLocation: sourceLocation)
            }
            #expect(http["reason"] is String, sourceLocation: sourceLocation)
            // The verify call and further activity append entries: the attack must stay visible.
            _ = try server.session("medic")
            let later = try server.adminTool().verifyAudit()
            #expect(!later.isValid, "\(label): hidden by later appends (\(later))", sourceLocation: sourceLocation)
            #expect(try httpVerify()["valid"] as? Bool == false, "\(label): hidden from the API by later appends",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func intactChainVerifiesEverywhere() throws {
        let f = try Fixture()
        #expect(CLI.binary != nil, "the paramedic executable is built next to the tests")
        let cli = try f.server.adminTool().verifyAudit()
        guard case .valid(let entries, let head) = cli else { Issue.record("\(cli)"); return }
        #expect(entries == Int64(try f.count))
        #expect(head.count == 64)
        if let code = try CLI.auditVerify(dataDirectory: f.server.directory) { #expect(code == 0) }
        let http = try f.httpVerify()
        #expect(http["valid"] as? Bool == true, "\(http)")
        #expect(http["entries"] as? Int == Int(entries))
        #expect(http["head"] as? String == head)
        // The triggers refuse changes through an ordinary connection.
        let database = try Database(path: f.server.databasePath, readers: 1, migrations: Schema.migrations)
        #expect(throws: StoreError.self) { try database.write { try $0.run("UPDATE audit_log SET reason = 'x' WHERE seq = 1") } }
        #expect(throws: StoreError.self) { try database.write { try $0.run("DELETE FROM audit_log WHERE seq = 1") } }
        #expect(try f.httpVerify()["valid"] as? Bool == true)
    }

    @Test func editingAMiddleRowIsDetected() throws {
        let f = try Fixture()
        let middle = try f.count / 2
        try f.attack("UPDATE audit_log SET actor_username = 'someone-else', reason = 'edited' WHERE seq = \(middle)")
        try f.expectDetected(firstBadSeq: middle, "edited row \(middle)")
    }

    @Test func deletingAMiddleRowIsDetected() throws {
        let f = try Fixture()
        let middle = try f.count / 2
        try f.attack("DELETE FROM audit_log WHERE seq = \(middle)")
        try f.expectDetected(firstBadSeq: middle, "deleted row \(middle)")
    }

    @Test func deletingTheNewestRowIsDetected() throws {
        let f = try Fixture()
        let newest = try f.count
        try f.attack("DELETE FROM audit_log WHERE seq = \(newest)")
        try f.expectDetected("deleted newest row \(newest)")
    }

    @Test func reorderingRowsIsDetected() throws {
        let f = try Fixture()
        let a = try f.count / 2
        let b = a + 1
        try f.attack("""
            UPDATE audit_log SET seq = -1 WHERE seq = \(a);
            UPDATE audit_log SET seq = \(a) WHERE seq = \(b);
            UPDATE audit_log SET seq = \(b) WHERE seq = -1;
            """)
        try f.expectDetected(firstBadSeq: a, "rows \(a) and \(b) swapped")
    }

    @Test func replacingTheHeadFileIsDetected() throws {
        // With a forged MAC for the right seq.
        let f = try Fixture()
        let head = f.server.keysDirectory + "/audit.head"
        let forged = "\(try f.count) " + String(repeating: "ab", count: 32) + "\n"
        try Data(forged.utf8).write(to: URL(fileURLWithPath: head))
        try f.expectDetected("head file replaced with a forged MAC")

        // With the genuine head file of another installation.
        let g = try Fixture()
        let other = try Data(contentsOf: URL(fileURLWithPath: f.server.keysDirectory + "/audit.head"))
        try other.write(to: URL(fileURLWithPath: g.server.keysDirectory + "/audit.head"))
        try g.expectDetected("head file of another installation")

        // Removed altogether.
        let h = try Fixture()
        try FileManager.default.removeItem(atPath: h.server.keysDirectory + "/audit.head")
        try h.expectDetected("head file removed")
    }

    /// An entry forged without the audit key (any MAC the attacker can make), with a matching head line.
    @Test func appendingAForgedEntryIsDetected() throws {
        let f = try Fixture()
        let next = try f.count + 1
        let mac = String(repeating: "5a", count: 32)
        try f.attack("""
            INSERT INTO audit_log (seq, at, actor_username, action, outcome, mac)
            VALUES (\(next), \(f.server.clock.now()), 'admin', 'user_enable', 'success', x'\(mac)');
            """)
        let head = try FileHandle(forWritingTo: URL(fileURLWithPath: f.server.keysDirectory + "/audit.head"))
        try head.seekToEnd()
        try head.write(contentsOf: Data("\(next) \(mac)\n".utf8))
        try head.close()
        try f.expectDetected(firstBadSeq: next, "forged entry \(next)")
    }
}

/// The `paramedic` executable built next to the test bundle, run as a separate process.
enum CLI {
    static var binary: String? {
        let candidates = [Bundle.main.executableURL?.deletingLastPathComponent(),
                          URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
                          Bundle.main.bundleURL.deletingLastPathComponent()]
        for directory in candidates.compactMap({ $0 }) {
            let path = directory.appendingPathComponent("paramedic").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The exit status of `paramedic audit verify --data-dir DIR`, or nil when the executable is not built in
    /// this package (the AdminTool check covers the same code in process).
    static func auditVerify(dataDirectory: String) throws -> Int32? {
        guard let binary else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["audit", "verify", "--data-dir", dataDirectory]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// The command line writing (user add, disable) while the server handles logins: both append to one chain and
/// one head file; afterwards the chain verifies.
@Suite struct AuditConcurrencyTests {
    @Test func serverAndCommandLineAppendConcurrently() throws {
        let server = try TestServer()
        try server.addUser("auditor1", role: "auditor")
        try server.addUser("medic", role: "paramedic")
        let port = server.port
        let failures = Locked(0)
        let group = DispatchGroup()
        for worker in 0..<4 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                for round in 0..<15 {
                    let password = round % 3 == 0 ? "Wrong-Password-0000" : userPassword
                    let user = worker % 2 == 0 ? "medic" : "ghost\(worker)"
                    if (try? RawHTTP.json(port: port, "POST", "/api/auth/login",
                                          ["username": user, "password": password, "session_id": newSessionID()])) == nil {
                        failures.mutate { $0 += 1 }
                    }
                }
            }
        }
        let tool = try server.adminTool()
        let falseAlarms = Locked<[String]>([])
        for index in 0..<15 {
            _ = try tool.addUser(name: "cli\(index)", role: "paramedic", teams: [], password: userPassword)
            // `paramedic audit verify` is documented as safe while the server runs.
            let result = try tool.verifyAudit()
            if !result.isValid { falseAlarms.mutate { $0.append("\(result)") } }
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(failures.value == 0)
        #expect(falseAlarms.value.isEmpty, "verify while the server writes: \(falseAlarms.value)")
        let cli = try server.adminTool().verifyAudit()
        #expect(cli.isValid, "\(cli)")
        let auditor = try server.session("auditor1")
        let http = try server.json("GET", "/api/audit/verify", token: auditor.access)
        #expect(http.json?["valid"] as? Bool == true, "\(http)")
    }
}
