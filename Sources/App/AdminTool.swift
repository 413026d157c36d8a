import Foundation
import Security
import Store
import Vault

/// What the command line does to a data directory, safe while the server runs (SQLite coordinates writers;
/// the server re-reads every user on each request, so a change here applies to its next request).
public struct AdminTool {
    let directory: DataDirectory
    let database: Database
    let audit: AuditLog
    let accounts: Accounts
    let hasher: PasswordHasher
    let clock: any Clock

    public init(configuration: AppConfiguration) throws {
        clock = configuration.clock
        directory = DataDirectory(root: configuration.dataDirectory)
        try directory.prepare()
        database = try Database(path: directory.database, readers: 1, migrations: Schema.migrations)
        let key = try KeyFile.loadOrCreate(path: directory.keys + "/audit.key", now: clock.now())
        audit = try AuditLog(keyBytes: key.current!.bytes, headPath: directory.auditHead, clock: clock)
        hasher = try PasswordHasher(parameters: configuration.passwordParameters)
        accounts = Accounts(database: database, hasher: hasher, clock: clock)
    }

    private var cli: AuditEvent { AuditEvent(action: "", outcome: .success, actorUsername: "cli:" + NSUserName()) }

    public func addUser(name: String, role: String, teams: [String], password: String) throws -> User {
        guard let username = User.normalize(name) else {
            throw AppError(.invalidArgument, "username must be 3–64 of a-z 0-9 . _ -")
        }
        guard let role = Role(rawValue: role) else {
            throw AppError(.invalidArgument, "role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard teams.allSatisfy(User.validTeam) else { throw AppError(.invalidArgument, "invalid team name") }
        if let violation = PasswordPolicy().check(password, username: username) {
            throw AppError(.invalidArgument, "password refused: \(violation.message)")
        }
        let hash = try hasher.hash(password)
        let user: User = try database.write { connection in
            guard try accounts.user(named: username, in: connection) == nil else {
                throw AppError(.invalidArgument, "user \(username) exists")
            }
            let id = try accounts.create(username: username, passwordHash: hash, role: role, teams: teams,
                                         mustChange: false, in: connection)
            var event = cli
            event.action = "user_create"; event.targetType = "user"; event.targetID = String(id)
            event.reason = role.rawValue
            try audit.append(event, in: connection)
            return try accounts.user(id: id, in: connection)!
        }
        try audit.publishHead()
        return user
    }

    public func listUsers() throws -> [User] { try accounts.list() }

    public func disableUser(name: String) throws {
        try database.write { connection in
            guard let user = try accounts.user(named: name.lowercased(), in: connection) else {
                throw AppError(.invalidArgument, "no user \(name)")
            }
            try accounts.setDisabled(true, of: user.id, in: connection)
            var event = cli
            event.action = "user_disable"; event.targetType = "user"; event.targetID = String(user.id)
            try audit.append(event, in: connection)
        }
        try audit.publishHead()
    }

    public func setPassword(name: String, password: String) throws {
        guard let user = try database.read({ try accounts.user(named: name.lowercased(), in: $0) }) else {
            throw AppError(.invalidArgument, "no user \(name)")
        }
        if let violation = PasswordPolicy().check(password, username: user.username) {
            throw AppError(.invalidArgument, "password refused: \(violation.message)")
        }
        let hash = try hasher.hash(password)
        try database.write { connection in
            try accounts.setPassword(hash: hash, of: user.id, mustChange: false, in: connection)
            var event = cli
            event.action = "password_reset"; event.targetType = "user"; event.targetID = String(user.id)
            try audit.append(event, in: connection)
        }
        try audit.publishHead()
    }

    public func verifyAudit() throws -> AuditVerification {
        try audit.verify(database: database)
    }

    /// Adds a JWT signing key; older keys stay for verification until every token they signed has expired
    /// (access tokens live 15 minutes), then are dropped at the next rotation.
    public func rotateJWT() throws -> String {
        let now = clock.now()
        var file = try KeyFile.loadOrCreate(path: directory.keys + "/jwt.key", now: now)
        try file.drop { ($0.retiredAt ?? .max) + TokenSettings().accessLifetime + 120 < now }
        try file.addNewKey(now: now)
        try file.retireOthers(now: now)
        var event = cli
        event.action = "key_rotate"; event.targetType = "key"; event.targetID = file.current!.id; event.reason = "jwt"
        try audit.record(event, database: database)
        return file.current!.id
    }

    /// New vault master key; every data key re-wrapped in ONE SQLite transaction (bulk data untouched); the old
    /// master key destroyed afterwards. Crash-safe at every step: (1) the new key is added to keys/vault.key
    /// beside the old one (atomic rename); (2) one transaction re-wraps every row and records the new key id in
    /// `settings` (a running server wraps new files with the id it reads there, inside its own transaction);
    /// (3) only after the commit is the old key dropped from the file. A kill before (2) commits leaves old rows
    /// and both keys; after it, new rows and both or only the new key: every file stays readable.
    public func rotateVault(abortAfterRewrap: Bool = false) throws {
        let path = directory.keys + "/vault.key"
        var file = try KeyFile.loadOrCreate(path: path, now: clock.now())
        try file.addNewKey(now: clock.now())
        var masters: [String: MasterKey] = [:]
        for entry in file.entries { masters[entry.id] = try MasterKey(id: entry.id, bytes: entry.bytes) }
        let newKey = masters[file.current!.id]!
        try database.write { connection in
            let rows = try connection.query("SELECT recording_id, type, kek_id, wrapped_key FROM vault_files")
            for row in rows where row.string("kek_id") != newKey.id {
                guard let kek = row.string("kek_id"), let wrapped = row.bytes("wrapped_key"), let old = masters[kek] else {
                    throw AppError(.badKeyFile, "a file is wrapped by a master key that keys/vault.key does not hold")
                }
                try connection.run("UPDATE vault_files SET kek_id = ?, wrapped_key = ? WHERE recording_id = ? AND type = ?",
                                   [newKey.id, try newKey.rewrap(wrapped, from: old), row.string("recording_id"),
                                    row.string("type")])
            }
            try connection.run("INSERT INTO settings (key, value) VALUES ('vault_kek', ?) "
                               + "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [newKey.id])
            var event = cli
            event.action = "key_rotate"; event.targetType = "key"; event.targetID = newKey.id
            event.reason = "vault rewrapped=\(rows.count)"
            try audit.append(event, in: connection)
        }
        try audit.publishHead()
        if abortAfterRewrap { return }   // tests: a kill between the commit and the key's destruction
        try file.drop { $0.id != newKey.id }
    }
}
