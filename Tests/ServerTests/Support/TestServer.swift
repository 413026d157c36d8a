import App
import Foundation
import Logging
import Security
import Testing

/// Fast scrypt for tests that assert neither timing nor KDF memory/concurrency (N=2^10 instead of 2^16, so a
/// login costs ~1 ms instead of ~0.5 s). Tests about enumeration timing or KDF concurrency use `.production`.
let fastPasswords = PasswordHasher.Parameters(logN: 10, r: 8, p: 1)

/// A strong password every test user gets unless a test says otherwise (passes the policy).
let userPassword = "Quarry-Lantern-Violet-8142"

/// A device session that ends up bound to a user.
struct Session: Sendable {
    let access: String
    let refresh: String
    let sessionID: String
    let userID: Int64
    let username: String
}

/// A fresh UUID v4 device session id, as the browser would keep in localStorage.
func newSessionID() -> String { UUID().uuidString.lowercased() }

/// The real server on a free loopback port, in its own temporary data directory, with a `ManualClock`.
/// Stopped and its directory removed when the fixture goes away.
final class TestServer: Sendable {
    let directory: String
    let clock: ManualClock
    let configuration: AppConfiguration
    let app: Application
    let port: UInt16
    let logs = LogCapture()
    /// The first admin's one-time password (the account must change it at first login).
    let initialAdminPassword: String
    /// The admin password after `adminSession()` changed it.
    static let adminPassword = "Harbor-Copper-Lantern-9031"
    private let adminChanged = Locked(false)
    /// The fixture made the directory (and removes it); a directory passed in belongs to the caller.
    private let ownsDirectory: Bool

    init(passwords: PasswordHasher.Parameters = fastPasswords, directory: String? = nil,
         configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        let root = try directory ?? makeTemporaryDirectory()
        self.directory = root
        ownsDirectory = directory == nil
        clock = ManualClock(1_800_000_000)
        var configuration = AppConfiguration()
        configuration.dataDirectory = root
        configuration.http.port = 0
        configuration.http.threadPoolSize = 2
        configuration.clock = clock
        configuration.passwordParameters = passwords
        configuration.asr = "pocketsphinx"
        configuration.processingWorkers = 1
        configuration.prestartSpeechEngines = false   // these tests exercise HTTP and identity, not speech
        configure(&configuration)
        self.configuration = configuration
        app = try Application(configuration: configuration, logger: logs.logger())
        initialAdminPassword = app.initialAdminPassword ?? ""
        port = try app.start()
    }

    deinit {
        app.stop()
        if ownsDirectory { try? FileManager.default.removeItem(atPath: directory) }
    }

    var keysDirectory: String { directory + "/keys" }
    var databasePath: String { directory + "/paramedic.db" }

    // MARK: Requests

    func request(_ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8]? = nil,
                 timeout: TimeInterval = 15) throws -> HTTPResult {
        try RawHTTP.request(port: port, method, target, headers: headers, body: body, timeout: timeout)
    }

    func json(_ method: String, _ target: String, _ object: Any? = nil, token: String? = nil,
              timeout: TimeInterval = 30) throws -> HTTPResult {
        try RawHTTP.json(port: port, method, target, object, token: token, timeout: timeout)
    }

    func login(_ username: String, _ password: String, session: String = newSessionID()) throws -> HTTPResult {
        try json("POST", "/api/auth/login", ["username": username, "password": password, "session_id": session])
    }

    /// Logs in and returns the tokens; fails the test unless the login answers 200.
    func session(_ username: String, _ password: String = userPassword, sessionID: String = newSessionID(),
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> Session {
        let response = try login(username, password, session: sessionID)
        try #require(response.status == 200, "login of \(username): \(response)", sourceLocation: sourceLocation)
        return try Self.session(from: response)
    }

    static func session(from response: HTTPResult) throws -> Session {
        let json = try #require(response.json)
        let user = try #require(json["user"] as? [String: Any])
        return Session(access: try #require(json["access_token"] as? String),
                       refresh: try #require(json["refresh_token"] as? String),
                       sessionID: try #require(json["session_id"] as? String),
                       userID: Int64(try #require(user["id"] as? Int)),
                       username: try #require(user["username"] as? String))
    }

    func me(_ token: String) throws -> HTTPResult { try json("GET", "/api/me", token: token) }

    /// The first admin, after the forced password change (done once per server).
    func adminSession() throws -> Session {
        let needsChange = adminChanged.mutate { changed -> Bool in
            defer { changed = true }
            return !changed
        }
        if needsChange {
            let change = try json("POST", "/api/auth/password", ["username": "admin",
                                                                 "old_password": initialAdminPassword,
                                                                 "new_password": Self.adminPassword])
            try #require(change.status == 204, "admin password change: \(change)")
        }
        return try session("admin", Self.adminPassword)
    }

    // MARK: The command line's tool (a separate database handle, as a second process would have)

    func adminTool() throws -> AdminTool { try AdminTool(configuration: configuration) }

    @discardableResult
    func addUser(_ name: String, role: String, teams: [String] = [], password: String = userPassword) throws -> User {
        try adminTool().addUser(name: name, role: role, teams: teams, password: password)
    }

    /// Every audit entry (as the auditor API returns them), oldest first, read with `token`.
    func auditEntries(token: String, query: String = "") throws -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var cursor: Int?
        repeat {
            var target = "/api/audit?limit=1000" + (query.isEmpty ? "" : "&" + query)
            if let cursor { target += "&cursor=\(cursor)" }
            let page = try json("GET", target, token: token)
            try #require(page.status == 200, "audit page: \(page)")
            let body = try #require(page.json)
            entries += try #require(body["entries"] as? [[String: Any]])
            cursor = body["next_cursor"] as? Int
        } while cursor != nil
        return entries
    }
}

func makeTemporaryDirectory() throws -> String {
    var template = Array((NSTemporaryDirectory() + "/servertests-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw ClientError(.connect, "mkdtemp failed: errno \(errno)") }
    return String(cString: made)
}
