@testable import App
import Foundation
import Security
import Testing

/// Lockouts and user enumeration over live HTTP.
@Suite struct ThrottleTests {
    /// Five wrong passwords lock the account: the sixth attempt, with the RIGHT password, is 429 with
    /// Retry-After; another account is unaffected; advancing the clock past the lockout unlocks it.
    @Test func lockoutRefusesEvenTheRightPassword() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        try server.addUser("bystander", role: "paramedic")
        for attempt in 1...5 {
            FoundationTests.expectError(try server.login("medic", "Wrong-Password-\(attempt)000"), 401, "invalid_credentials")
        }
        let locked = try server.login("medic", userPassword)
        FoundationTests.expectError(locked, 429, "too_many_attempts")
        let retryAfter = try #require(locked.header("Retry-After").flatMap(Int.init), "\(locked.headers)")
        #expect((1...60).contains(retryAfter), "first lockout is 1 minute: \(retryAfter)")
        #expect(locked.json.flatMap { ($0["error"] as? [String: Any])?["retry_after"] as? Int } == retryAfter)
        // The password-change endpoint is throttled with the same counter.
        FoundationTests.expectError(try server.json("POST", "/api/auth/password",
                                                    ["username": "medic", "old_password": userPassword,
                                                     "new_password": "Other-Secret-Value-99"]), 429, "too_many_attempts")

        #expect(try server.login("bystander", userPassword).status == 200, "other accounts are unaffected")

        server.clock.advance(by: Int64(retryAfter) - 1)
        FoundationTests.expectError(try server.login("medic", userPassword), 429, "too_many_attempts")
        server.clock.advance(by: 2)
        #expect(try server.login("medic", userPassword).status == 200, "unlocked after Retry-After")
        // A success resets the counter: four new failures do not lock.
        for _ in 1...4 { _ = try server.login("medic", "Wrong-Password-0000") }
        #expect(try server.login("medic", userPassword).status == 200)
    }

    @Test func lockoutDoublesUpToFifteenMinutes() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        for _ in 1...5 { _ = try server.login("medic", "Wrong-Password-0000") }
        var waits: [Int] = []
        for _ in 0..<6 {
            let locked = try server.login("medic", "Wrong-Password-0000")
            let wait = try #require(locked.header("Retry-After").flatMap(Int.init), "\(locked)")
            waits.append(wait)
            server.clock.advance(by: Int64(wait))
            // One more failure once the lock has run out.
            FoundationTests.expectError(try server.login("medic", "Wrong-Password-0000"), 401, "invalid_credentials")
        }
        #expect(waits == [60, 120, 240, 480, 900, 900], "\(waits)")
    }

    /// The lockout is counted per username whether or not the account exists, so it reveals nothing.
    @Test func lockoutForAnUnknownUsernameBehavesTheSame() throws {
        let server = try TestServer()
        try server.addUser("realuser", role: "paramedic")
        var unknown: [HTTPResult] = []
        var real: [HTTPResult] = []
        for attempt in 1...6 {
            unknown.append(try server.login("ghostuser", "Wrong-Password-\(attempt)000"))
            real.append(try server.login("realuser", "Wrong-Password-\(attempt)000"))
        }
        for (a, b) in zip(unknown, real) {
            #expect(a.status == b.status)
            #expect(a.body == b.body, "\(a) vs \(b)")
            #expect(a.header("Retry-After") == b.header("Retry-After"))
        }
        #expect(unknown.last?.status == 429)
        #expect(unknown.last?.errorCode == "too_many_attempts")
    }

    /// Counters live in SQLite: a restart does not unlock an account.
    @Test func lockoutSurvivesARestart() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            let server = try TestServer(directory: root)
            try server.addUser("medic", role: "paramedic")
            for _ in 1...5 { _ = try server.login("medic", "Wrong-Password-0000") }
            server.app.stop()
        }
        let restarted = try TestServer(directory: root)  // same clock start: the lock has not run out
        FoundationTests.expectError(try restarted.login("medic", userPassword), 429, "too_many_attempts")
    }

    /// Unknown user and wrong password: identical status and body, and (production scrypt) similar timing —
    /// the server runs the KDF against a dummy hash for unknown users. Medians of interleaved tries, generous
    /// tolerance: the difference this guards against is ~1 ms vs ~500 ms.
    @Test func unknownUserAndWrongPasswordAreIndistinguishable() throws {
        let server = try TestServer(passwords: .production)
        try server.addUser("realmedic", role: "paramedic")
        func timed(_ username: String) throws -> (HTTPResult, Double) {
            let start = ContinuousClock.now
            let response = try server.login(username, "Wrong-Password-4242")
            let elapsed = ContinuousClock.now - start
            return (response, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        var unknownTimes: [Double] = []
        var wrongTimes: [Double] = []
        var bodies = Set<[UInt8]>()
        for round in 0..<4 {  // 4 failures: below the lockout threshold for the real account
            let (unknown, unknownTime) = try timed("ghost\(round)medic")
            let (wrong, wrongTime) = try timed("realmedic")
            #expect(unknown.status == 401 && wrong.status == 401)
            #expect(unknown.errorCode == "invalid_credentials")
            bodies.insert(unknown.body)
            bodies.insert(wrong.body)
            unknownTimes.append(unknownTime)
            wrongTimes.append(wrongTime)
        }
        #expect(bodies.count == 1, "identical bodies")
        func median(_ values: [Double]) -> Double { let s = values.sorted(); return (s[s.count / 2] + s[(s.count - 1) / 2]) / 2 }
        let (u, w) = (median(unknownTimes), median(wrongTimes))
        #expect(w > 0.05, "production scrypt runs for a wrong password (median \(w) s)")
        #expect(u > w * 0.5 && u < w * 2, "unknown \(u) s vs wrong password \(w) s")
    }
    /// Failures from one address are capped per hour (a station may share one address, so the default is 100):
    /// past the ceiling even a right password for another account is refused until the hour has passed.
    @Test func perAddressCeilingOnFailures() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        for attempt in 0..<100 {  // 25 names, 4 failures each: no single account locks
            let response = try server.login("spray\(attempt % 25)name", "Wrong-Password-0000")
            try #require(response.status == 401, "attempt \(attempt): \(response)")
        }
        let refused = try server.login("medic", userPassword)
        FoundationTests.expectError(refused, 429, "too_many_attempts")
        #expect(refused.header("Retry-After").flatMap(Int.init).map { (3000...3600).contains($0) } == true)
        server.clock.advance(by: 3600)
        #expect(try server.login("medic", userPassword).status == 200)
    }

    /// The password-change endpoint answers an unknown user exactly like a wrong old password.
    @Test func passwordChangeDoesNotRevealAccounts() throws {
        let server = try TestServer()
        try server.addUser("medic", role: "paramedic")
        let unknown = try server.json("POST", "/api/auth/password", ["username": "ghostmedic", "old_password": "Whatever-0000-x",
                                                                     "new_password": "Next-Secret-Value-12"])
        let wrong = try server.json("POST", "/api/auth/password", ["username": "medic", "old_password": "Whatever-0000-x",
                                                                   "new_password": "Next-Secret-Value-12"])
        FoundationTests.expectError(unknown, 401, "invalid_credentials")
        #expect(unknown.status == wrong.status && unknown.body == wrong.body)
    }

    /// Logins run the KDF off the HTTP threads, at most two at once: while six production-cost logins are being
    /// hashed, other requests are still answered promptly (were the KDF on the two HTTP threads, each would wait
    /// for a whole scrypt run).
    @Test func loginsNeverStarveOtherRequests() throws {
        let server = try TestServer(passwords: .production)
        try server.addUser("medic", role: "paramedic")
        let port = server.port
        let statuses = Locked<[Int]>([])
        let group = DispatchGroup()
        for _ in 0..<6 {
            group.enter()
            DispatchQueue.global().async {
                let response = try? RawHTTP.json(port: port, "POST", "/api/auth/login",
                                                 ["username": "medic", "password": userPassword,
                                                  "session_id": newSessionID()], timeout: 60)
                statuses.mutate { $0.append(response?.status ?? 0) }
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(20)
        while server.app.hasher.runningCount == 0, Date() < deadline { usleep(500) }
        try #require(server.app.hasher.runningCount > 0)
        var latencies: [Double] = []
        for _ in 0..<20 where server.app.hasher.runningCount > 0 {
            let start = ContinuousClock.now
            #expect(try server.request("GET", "/healthz").status == 200)
            let elapsed = ContinuousClock.now - start
            latencies.append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        }
        #expect(group.wait(timeout: .now() + 60) == .success)
        #expect(statuses.value == Array(repeating: 200, count: 6))
        #expect(server.app.hasher.peakRunningCount <= 2, "KDF runs at once: \(server.app.hasher.peakRunningCount)")
        let sorted = latencies.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        #expect(median < 0.2, "healthz median \(median) s while logins hash: \(sorted)")
    }
}
