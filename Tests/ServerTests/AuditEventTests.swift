import App
import Foundation
import Testing

/// Issue 7 over live HTTP: each security action produces its audit event; only auditors read the log; exports
/// parse; hostile text stays inert.
@Suite struct AuditEventTests {
    static func find(_ entries: [[String: Any]], _ action: String, outcome: String? = nil, actor: String? = nil,
                     reason: String? = nil) -> [String: Any]? {
        entries.last { entry in
            entry["action"] as? String == action
                && (outcome == nil || entry["outcome"] as? String == outcome)
                && (actor == nil || entry["actor_username"] as? String == actor)
                && (reason == nil || entry["reason"] as? String == reason)
        }
    }

    @Test func eachSecurityActionIsAudited() throws {
        let server = try TestServer()
        let admin = try server.adminSession()
        try server.addUser("auditor1", role: "auditor")
        try server.addUser("medic", role: "paramedic")
        try server.addUser("victim", role: "paramedic")

        let medic = try server.session("medic")                                           // login + session_bind
        _ = try server.login("medic", "Wrong-Password-0000")                               // login failure
        for _ in 1...5 { _ = try server.login("victim", "Wrong-Password-0000") }           // lockout
        _ = try server.login("victim", userPassword)                                      // locked_out
        let rotated = try TestServer.session(from: try server.json("POST", "/api/auth/refresh",
                                                                   ["refresh_token": medic.refresh]))  // token_refresh
        _ = try server.json("POST", "/api/auth/refresh", ["refresh_token": medic.refresh])  // refresh_reuse
        let again = try server.session("medic")
        #expect(try server.json("POST", "/api/auth/logout", token: again.access).status == 204)  // logout
        _ = try server.json("GET", "/api/users", token: try server.session("medic").access)  // access denied (403)
        _ = try server.request("GET", "/api/audit")                                       // access denied (401)
        let created = try server.json("POST", "/api/users", ["username": "newbie", "password": userPassword,
                                                             "role": "paramedic", "teams": ["north"]],
                                      token: admin.access)                                 // user_create
        #expect(created.status == 201, "\(created)")
        let newbieID = try #require(created.json?["id"] as? Int)
        #expect(try server.json("PATCH", "/api/users/\(newbieID)", ["role": "supervisor"], token: admin.access).status == 200)
        #expect(try server.json("PATCH", "/api/users/\(newbieID)", ["disabled": true], token: admin.access).status == 200)
        let tablet = newSessionID()
        _ = try server.session("medic", sessionID: tablet)
        try server.addUser("second", role: "paramedic")
        _ = try server.session("second", sessionID: tablet)                               // session_rebind
        #expect(try server.json("POST", "/api/auth/password", ["username": "medic", "old_password": userPassword,
                                                               "new_password": "Changed-Secret-3391"]).status == 204)
        _ = rotated

        let auditor = try server.session("auditor1")
        let entries = try server.auditEntries(token: auditor.access)
        let expected: [(String, String, String?, String?)] = [
            ("login", "success", "medic", nil), ("login", "failure", "medic", "bad_password"),
            ("session_bind", "success", "medic", nil), ("lockout", "success", "victim", nil),
            ("login", "denied", "victim", "locked_out"), ("token_refresh", "success", "medic", nil),
            ("refresh_reuse", "denied", nil, nil), ("logout", "success", "medic", nil),
            ("access", "denied", "medic", "forbidden"), ("access", "denied", nil, "unauthorized"),
            ("user_create", "success", "admin", nil), ("role_change", "success", "admin", "supervisor"),
            ("user_disable", "success", "admin", nil), ("session_rebind", "success", "second", nil),
            ("password_change", "success", "medic", nil), ("user_create", "success", nil, "first_admin"),
            ("password_change", "success", "admin", nil),
        ]
        for (action, outcome, actor, reason) in expected {
            #expect(Self.find(entries, action, outcome: outcome, actor: actor, reason: reason) != nil,
                    "no \(action)/\(outcome) by \(actor ?? "-") (\(reason ?? "-"))")
        }
        // Entries carry who, when, from where, and the chain MAC.
        let login = try #require(entries.first { $0["action"] as? String == "login" && $0["outcome"] as? String == "success"
                                                 && $0["session_short"] as? String == String(medic.sessionID.prefix(8)) })
        #expect(login["actor_username"] as? String == "medic")
        #expect(login["actor_role"] as? String == "paramedic")
        #expect(login["client_ip"] as? String == "127.0.0.1")
        #expect(login["at"] as? Int == Int(server.clock.now()))
        #expect((login["mac"] as? String)?.count == 64)
        let seqs = entries.compactMap { $0["seq"] as? Int }
        #expect(seqs == Array(1...seqs.count), "gapless sequence")
        // Never a password or a token.
        let everything = String(decoding: try JSONSerialization.data(withJSONObject: entries), as: UTF8.self)
        for secret in [userPassword, "Wrong-Password-0000", "Changed-Secret-3391", TestServer.adminPassword,
                       server.initialAdminPassword, medic.access, medic.refresh, rotated.refresh] {
            #expect(!everything.contains(secret), "a secret reached the audit log")
        }
        // Reading the log is itself audited, and the filters work.
        let reads = try server.auditEntries(token: auditor.access, query: "action=audit_read")
        #expect(!reads.isEmpty && reads.allSatisfy { $0["action"] as? String == "audit_read" })
        let failures = try server.auditEntries(token: auditor.access, query: "actor=victim&outcome=failure")
        #expect(failures.count == 5)
        let page = try server.json("GET", "/api/audit?limit=3", token: auditor.access)
        #expect((page.json?["entries"] as? [Any])?.count == 3)
        #expect(page.json?["next_cursor"] as? Int == 3)
        FoundationTests.expectError(try server.json("GET", "/api/audit?limit=0", token: auditor.access), 400,
                                    "invalid_request")
        FoundationTests.expectError(try server.json("GET", "/api/audit?seq=1", token: auditor.access), 400,
                                    "invalid_request")
        let injected = try server.auditEntries(token: auditor.access, query: "actor=medic'%20OR%20'1'='1")
        #expect(injected.isEmpty, "filters are bound, not spliced into SQL")
    }

    @Test func onlyAuditorsReadTheLog() throws {
        let server = try TestServer()
        let admin = try server.adminSession()
        try server.addUser("auditor1", role: "auditor")
        try server.addUser("medic", role: "paramedic")
        try server.addUser("chief", role: "supervisor")
        let tokens = ["admin": admin.access, "paramedic": try server.session("medic").access,
                      "supervisor": try server.session("chief").access]
        for target in ["/api/audit", "/api/audit/verify", "/api/audit/export?format=jsonl", "/api/audit/export?format=csv"] {
            for (role, token) in tokens {
                let response = try server.json("GET", target, token: token)
                #expect(response.status == 403 && response.errorCode == "forbidden", "\(role) \(target): \(response)")
            }
            FoundationTests.expectError(try server.request("GET", target), 401, "unauthorized")
            let auditor = try server.json("GET", target, token: try server.session("auditor1").access)
            #expect(auditor.status == 200, "auditor \(target): \(auditor)")
            FoundationTests.expectSecurityHeaders(auditor, api: true)
        }
        // The auditor cannot administer either.
        let auditor = try server.session("auditor1")
        FoundationTests.expectError(try server.json("GET", "/api/users", token: auditor.access), 403, "forbidden")
    }

    /// Usernames with CR/LF, ANSI escapes and spreadsheet formulas, tried at login, are stored inert and stay
    /// inert in both exports; JSON lines parse one by one; CSV parses and neutralizes formula cells.
    @Test func exportsParseAndHostileTextStaysInert() throws {
        let server = try TestServer()
        try server.addUser("auditor1", role: "auditor")
        let hostile = ["evil\r\nFAKE 2026 login success admin", "\u{1b}[31mred\u{1b}[0m", "=cmd|' /c calc'!a0",
                       "+1+1", "-2-3", "@sum(a1:a9)", "tab\there", "quote\"comma,", "nul\u{0}byte", "bell\u{7}\u{9b}x"]
        for name in hostile { _ = try server.login(name, "Wrong-Password-0000") }
        let auditor = try server.session("auditor1")
        let entries = try server.auditEntries(token: auditor.access, query: "action=login&outcome=failure")
        let names = entries.compactMap { $0["actor_username"] as? String }
        #expect(names.count == hostile.count, "\(names)")
        for name in names {
            #expect(!name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f || (0x80...0x9f).contains($0.value) },
                    "control character stored: \(name.debugDescription)")
        }
        #expect(names.contains { $0.contains("evil") && $0.contains("fake") })

        // JSON lines: one object per line, no line broken by an injected newline.
        let jsonl = try server.json("GET", "/api/audit/export?format=jsonl", token: auditor.access)
        #expect(jsonl.status == 200)
        #expect(jsonl.header("Content-Type")?.contains("ndjson") == true)
        #expect(jsonl.header("Content-Disposition")?.contains("attachment") == true)
        #expect(!jsonl.body.contains(0x1b) && !jsonl.body.contains(0x0d))
        let lines = jsonl.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "ends with a newline")
        var seqs: [Int] = []
        for line in lines.dropLast() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                                      "not a JSON object: \(line)")
            seqs.append(try #require(object["seq"] as? Int))
            #expect((object["mac"] as? String)?.count == 64)
        }
        #expect(seqs == Array(1...seqs.count))

        // CSV: RFC 4180, header row, every record one line, formula cells neutralized.
        let csv = try server.json("GET", "/api/audit/export?format=csv", token: auditor.access)
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(!csv.body.contains(0x1b))
        let rows = try CSV.parse(csv.text)
        let header = try #require(rows.first)
        #expect(header.first == "seq" && header.contains("actor_username") && header.last == "mac")
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        #expect(rows.count - 1 >= seqs.count)
        let userColumn = try #require(header.firstIndex(of: "actor_username"))
        let cells = rows.dropFirst().map { $0[userColumn] }
        for cell in cells where !cell.isEmpty {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""),
                    "formula cell not neutralized: \(cell.debugDescription)")
        }
        #expect(cells.contains("'=cmd|' /c calc'!a0"))
        #expect(cells.contains("'+1+1") && cells.contains("'-2-3") && cells.contains("'@sum(a1:a9)"))
        #expect(cells.contains("quote\"comma,"))
        // The export itself is audited.
        let exports = try server.auditEntries(token: auditor.access, query: "action=audit_export")
        #expect(exports.count == 2)
        FoundationTests.expectError(try server.json("GET", "/api/audit/export?format=xml", token: auditor.access), 400,
                                    "invalid_request")
    }
}

/// A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF records) for checking the export.
enum CSV {
    struct Malformed: Error { let reason: String }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else { throw Malformed(reason: "quote inside an unquoted field") }
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" {
                guard scalars.popFirst() == "\n" else { throw Malformed(reason: "CR without LF") }
                row.append(field); field = ""
                rows.append(row); row = []
            } else if c == "\n" {
                throw Malformed(reason: "bare LF")
            } else {
                field.unicodeScalars.append(c)
            }
        }
        guard !quoted else { throw Malformed(reason: "unterminated quote") }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
