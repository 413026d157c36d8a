@testable import App
import Foundation
import Logging
import Security
import Store
import Testing

/// Start, stop, restart, migrations and the data directory's permissions.
@Suite struct LifecycleTests {
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    static var quietLogger: Logger { Logger(label: "test") { _ in SwiftLogNoOpLogHandler() } }

    static func configuration(_ root: String) -> AppConfiguration {
        var configuration = AppConfiguration()
        configuration.dataDirectory = root
        configuration.http.port = 0
        configuration.clock = ManualClock(1_800_000_000)
        configuration.passwordParameters = fastPasswords  // permissions are under test, not the KDF
        configuration.asr = "pocketsphinx"
        configuration.processingWorkers = 1
        return configuration
    }

    /// A request whose KDF is running when `stop()` is called still gets its answer, and MHD stops cleanly.
    /// Production scrypt, so the work really is in flight (~0.5 s) when the server is told to stop.
    @Test func gracefulShutdownAnswersTheRequestInFlight() throws {
        let server = try TestServer(passwords: .production)
        try server.addUser("inflight", role: "paramedic")
        let port = server.port
        let outcome = Locked<HTTPResult?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            outcome.mutate {
                $0 = try? RawHTTP.json(port: port, "POST", "/api/auth/login",
                                       ["username": "inflight", "password": userPassword, "session_id": newSessionID()],
                                       timeout: 30)
            }
            done.signal()
        }
        // Wait (bounded) until the login's KDF is running on the slow queue.
        let deadline = Date().addingTimeInterval(20)
        while server.app.hasher.runningCount == 0, Date() < deadline { usleep(500) }
        try #require(server.app.hasher.runningCount > 0, "the login never reached the KDF")
        server.app.stop()
        #expect(done.wait(timeout: .now() + 30) == .success)
        let response = try #require(outcome.value, "the in-flight login got no answer")
        #expect(response.status == 200, "\(response)")
        #expect(response.json?["access_token"] is String)
        // Stopped: new connections are refused.
        #expect(throws: (any Error).self) { try RawHTTP.request(port: port, "GET", "/healthz", timeout: 2) }
    }

    /// Work that outlasts the grace period is answered 503 `shutting_down` (its suspended connection resumed
    /// first — MHD aborts the process otherwise); nothing hangs, nothing crashes, and the work finishing later is
    /// harmless.
    @Test func shutdownPastTheGracePeriodAnswers503() throws {
        let server = try TestServer(passwords: .production) { $0.http.shutdownGracePeriod = 0.1 }
        try server.addUser("slowpoke", role: "paramedic")
        let port = server.port
        let outcome = Locked<HTTPResult?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            outcome.mutate {
                $0 = try? RawHTTP.json(port: port, "POST", "/api/auth/login",
                                       ["username": "slowpoke", "password": userPassword, "session_id": newSessionID()],
                                       timeout: 30)
            }
            done.signal()
        }
        // Once its KDF runs (~0.5 s of production scrypt), the login surely outlasts a 0.1 s grace period.
        let deadline = Date().addingTimeInterval(20)
        while server.app.hasher.runningCount == 0, Date() < deadline { usleep(500) }
        try #require(server.app.hasher.runningCount > 0, "the login never reached the KDF")
        server.app.stop()
        #expect(done.wait(timeout: .now() + 30) == .success)
        let response = try #require(outcome.value, "the in-flight login got no answer (connection cut)")
        FoundationTests.expectError(response, 503, "shutting_down")
        // The abandoned KDF run finishes on its own afterwards, harmlessly.
        let settle = Date().addingTimeInterval(20)
        while server.app.hasher.runningCount > 0, Date() < settle { usleep(1_000) }
        #expect(server.app.hasher.runningCount == 0)
    }

    @Test func migrationsRunTwiceAreANoOp() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/twice.db"
        func tables(_ database: Database) throws -> [String] {
            try database.read { try $0.query("SELECT type || ':' || name AS n FROM sqlite_master ORDER BY n") }
                .compactMap { $0.string("n") }
        }
        let first = try Database(path: path, migrations: Schema.migrations)
        #expect(try first.schemaVersion() == Schema.migrations.count)
        _ = try first.write { try $0.run("INSERT INTO teams (name) VALUES ('alpha')") }
        let before = try tables(first)
        #expect(before.contains("table:users") && before.contains("table:audit_log"))
        #expect(before.contains("trigger:audit_log_no_update") && before.contains("trigger:audit_log_no_delete"))

        let second = try Database(path: path, migrations: Schema.migrations)
        #expect(try second.schemaVersion() == Schema.migrations.count)
        #expect(try tables(second) == before)
        #expect(try second.read { try $0.first("SELECT count(*) AS n FROM teams")?.int("n") } == 1)
        #expect(Self.mode(path) == 0o600)

        // A database from a newer program is refused, not downgraded.
        try second.write { try $0.execute("PRAGMA user_version = \(Schema.migrations.count + 1)") }
        #expect(throws: StoreError.self) { _ = try Database(path: path, migrations: Schema.migrations) }
    }

    /// A restart keeps users, the audit chain and the admin (no second first-admin).
    @Test func restartKeepsStateAndTheChain() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var configuration = Self.configuration(root)
        configuration.clock = ManualClock(1_800_000_000)
        do {
            let app = try Application(configuration: configuration, logger: Self.quietLogger)
            #expect(app.initialAdminPassword != nil)
            try app.start()
            app.stop()
        }
        _ = try AdminTool(configuration: configuration).addUser(name: "keeper", role: "paramedic", teams: [],
                                                                 password: userPassword)
        let again = try Application(configuration: configuration, logger: Self.quietLogger)
        #expect(again.initialAdminPassword == nil, "a restart must not create another admin")
        let port = try again.start()
        defer { again.stop() }
        let login = try RawHTTP.json(port: port, "POST", "/api/auth/login",
                                     ["username": "keeper", "password": userPassword, "session_id": newSessionID()])
        #expect(login.status == 200)
        #expect(try AdminTool(configuration: configuration).verifyAudit().isValid)
    }

    /// A fresh clone has keys/ at 0755 with only its README and .gitignore: it is tightened to 0700 and the
    /// server starts; the files it creates are owner-only.
    @Test func freshCloneKeysDirectoryIsTightened() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/keys", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: root + "/output", withIntermediateDirectories: false)
        try Data("# keys\n".utf8).write(to: URL(fileURLWithPath: root + "/keys/README.md"))
        try Data("*\n".utf8).write(to: URL(fileURLWithPath: root + "/keys/.gitignore"))
        chmod(root + "/keys", 0o755)
        chmod(root + "/output", 0o755)
        #expect(Self.mode(root + "/keys") == 0o755)

        let app = try Application(configuration: Self.configuration(root), logger: Self.quietLogger)
        let port = try app.start()
        defer { app.stop() }
        #expect(try RawHTTP.request(port: port, "GET", "/healthz").status == 200)
        #expect(Self.mode(root + "/keys") == 0o700)
        #expect(Self.mode(root + "/output") == 0o700)
        #expect(Self.mode(root + "/paramedic.db") == 0o600)
        let keyFiles = try FileManager.default.contentsOfDirectory(atPath: root + "/keys")
            .filter { $0 != "README.md" && $0 != ".gitignore" }
        #expect(keyFiles.contains("jwt.key") && keyFiles.contains("audit.key"))
        for name in keyFiles { #expect(Self.mode(root + "/keys/" + name) == 0o600, "\(name)") }
    }

    @Test func exposedKeyFileRefusesToStart() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        do { _ = try Application(configuration: Self.configuration(root), logger: Self.quietLogger) }
        chmod(root + "/keys/jwt.key", 0o644)
        do {
            _ = try Application(configuration: Self.configuration(root), logger: Self.quietLogger)
            Issue.record("started with a world-readable key file")
        } catch let error as AppError {
            #expect(error.code == .insecurePermissions)
            #expect(error.message.contains("jwt.key"))
        }
        #expect(Self.mode(root + "/keys/jwt.key") == 0o644, "an exposed key is not silently 'fixed'")
        // The CLI refuses too.
        #expect(throws: AppError.self) { _ = try AdminTool(configuration: Self.configuration(root)) }
    }

    @Test func exposedKeysDirectoryHoldingKeysRefusesToStart() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        do { _ = try Application(configuration: Self.configuration(root), logger: Self.quietLogger) }
        chmod(root + "/keys", 0o755)
        do {
            _ = try Application(configuration: Self.configuration(root), logger: Self.quietLogger)
            Issue.record("started with keys/ open to others while it holds keys")
        } catch let error as AppError {
            #expect(error.code == .insecurePermissions)
        }
    }
}
