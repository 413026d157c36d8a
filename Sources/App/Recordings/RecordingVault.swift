import Foundation
import Store
import Vault

/// Every stored file of a recording goes through here: a fresh data key per file, wrapped by the master key in
/// keys/vault.key; the wrapped key and its master-key id live in SQLite (`vault_files`), so rotation re-wraps
/// keys in one transaction without touching a file, and deleting the row crypto-shreds the file.
///
/// `@unchecked Sendable`: the master keys are replaced under `lock`; Vault is Sendable; Database is thread-safe.
public final class RecordingVault: @unchecked Sendable {
    let vault: Vault
    let database: Database
    private let keyPath: String
    private let clock: any Clock
    private let lock = NSLock()
    private var masters: [String: MasterKey] = [:]
    private var currentID = ""

    init(outputDirectory: String, keyPath: String, database: Database, clock: any Clock) throws {
        vault = Vault(directory: outputDirectory)
        self.database = database
        self.keyPath = keyPath
        self.clock = clock
        try reloadKeys()
    }

    /// Re-reads keys/vault.key (after a rotation by the CLI).
    func reloadKeys() throws {
        let file = try KeyFile.loadOrCreate(path: keyPath, now: clock.now())
        var loaded: [String: MasterKey] = [:]
        for entry in file.entries { loaded[entry.id] = try MasterKey(id: entry.id, bytes: entry.bytes) }
        guard let current = file.current else { throw AppError(.badKeyFile, "\(keyPath) has no current key") }
        lock.withLock {
            masters = loaded
            currentID = current.id
        }
    }

    func master(_ id: String) throws -> MasterKey {
        if let key = lock.withLock({ masters[id] }) { return key }
        try reloadKeys()
        guard let key = lock.withLock({ masters[id] }) else {
            throw VaultError(.invalidKey, operation: "unwrap", detail: "unknown master key id")
        }
        return key
    }

    /// The master key to wrap new data keys with, read inside the write transaction that stores the wrapped key.
    /// `paramedic keys rotate --vault` records the new key's id in `settings` in the same transaction that re-wraps
    /// every row, so a file created while a rotation runs is either re-wrapped by it or wrapped with the new key,
    /// never left under a master key that is about to be destroyed.
    private func currentMaster(in connection: Connection) throws -> MasterKey {
        if let recorded = try connection.first("SELECT value FROM settings WHERE key = 'vault_kek'")?.string("value") {
            return try master(recorded)
        }
        let id = lock.withLock { currentID }
        try connection.run("INSERT INTO settings (key, value) VALUES ('vault_kek', ?)", [id])
        return try master(id)
    }

    static func fileName(sessionShort: String, stamp: String, type: VaultFileType) -> String {
        "\(sessionShort)_\(stamp)_\(type.fileSuffix).enc"
    }

    /// The `file_stamp` for a new recording of device session `sessionShort` starting at `epoch`: that second, or
    /// the next one whose recording file name is free. File names carry only `{sid8}_{yyyyMMddHHmmss}`, so a
    /// device that stops and starts again (or uploads) within one second would otherwise reuse the previous
    /// recording's names, and its start or upload would fail on the existing file (500). Call inside the write
    /// transaction that records the new file, so concurrent starts cannot pick the same name.
    static func freeStamp(sessionShort: String, at epoch: Int64, in connection: Connection) throws -> String {
        var second = epoch
        while true {
            let stamp = RecordingInfo.stamp(second)
            let name = fileName(sessionShort: sessionShort, stamp: stamp, type: .recording)
            if try connection.first("SELECT 1 AS x FROM vault_files WHERE file_name = ?", [name]) == nil { return stamp }
            second += 1
        }
    }

    /// Creates an appendable file and records its wrapped key (in `connection`'s transaction).
    func createAppendable(recordingID: UUID, type: VaultFileType, name: String,
                          in connection: Connection) throws -> VaultAppender {
        let key = try DataKey.generate()
        let master = try currentMaster(in: connection)
        let appender = try vault.create(name: name, identity: VaultFileIdentity(recordingID: recordingID, fileType: type),
                                        dataKey: key)
        try connection.run("""
            INSERT INTO vault_files (recording_id, type, file_name, kek_id, wrapped_key, complete) VALUES (?, ?, ?, ?, ?, 0)
            """, [recordingID.uuidString.lowercased(), type.name, name, master.id, try master.wrap(key)])
        return appender
    }

    /// Writes a whole file atomically and records its wrapped key.
    func writeWhole(recordingID: UUID, type: VaultFileType, name: String, contents: [UInt8]) throws {
        let key = try DataKey.generate()
        try vault.writeWhole(name: name, identity: VaultFileIdentity(recordingID: recordingID, fileType: type),
                             dataKey: key, contents: contents)
        try database.write { connection in
            let master = try currentMaster(in: connection)
            try connection.run("""
                INSERT INTO vault_files (recording_id, type, file_name, kek_id, wrapped_key, complete) VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT(recording_id, type) DO UPDATE SET file_name = excluded.file_name, kek_id = excluded.kek_id,
                    wrapped_key = excluded.wrapped_key, complete = 1
                """, [recordingID.uuidString.lowercased(), type.name, name, master.id, try master.wrap(key)])
        }
    }

    struct FileRow {
        let name: String
        let dataKey: DataKey
        let identity: VaultFileIdentity
    }

    func fileRow(recordingID: UUID, type: VaultFileType) throws -> FileRow? {
        let row = try database.read {
            try $0.first("SELECT file_name, kek_id, wrapped_key FROM vault_files WHERE recording_id = ? AND type = ?",
                         [recordingID.uuidString.lowercased(), type.name])
        }
        guard let row, let name = row.string("file_name"), let kek = row.string("kek_id"),
              let wrapped = row.bytes("wrapped_key") else { return nil }
        return FileRow(name: name, dataKey: try master(kek).unwrap(wrapped),
                       identity: VaultFileIdentity(recordingID: recordingID, fileType: type))
    }

    /// A streaming, authenticating reader, or nil when the recording has no such file.
    func reader(recordingID: UUID, type: VaultFileType) throws -> VaultReader? {
        guard let file = try fileRow(recordingID: recordingID, type: type) else { return nil }
        return try vault.read(name: file.name, identity: file.identity, dataKey: file.dataKey)
    }

    /// A reader that starts at `position` (from an earlier reader of the same file), or nil without such a file.
    func reader(recordingID: UUID, type: VaultFileType, from position: VaultReader.Position) throws -> VaultReader? {
        guard let file = try fileRow(recordingID: recordingID, type: type) else { return nil }
        return try vault.read(name: file.name, identity: file.identity, dataKey: file.dataKey, from: position)
    }

    func readAll(recordingID: UUID, type: VaultFileType) throws -> [UInt8]? {
        guard let file = try fileRow(recordingID: recordingID, type: type) else { return nil }
        return try vault.readAll(name: file.name, identity: file.identity, dataKey: file.dataKey)
    }

    /// Finishes a file whose writer died, keeping exactly `committedSegments` segments.
    func recover(recordingID: UUID, type: VaultFileType, committedSegments: Int) throws {
        guard let file = try fileRow(recordingID: recordingID, type: type) else {
            throw VaultError(.notFound, operation: "recover")
        }
        _ = try vault.recover(name: file.name, identity: file.identity, dataKey: file.dataKey,
                              committedSegments: committedSegments)
    }

    /// Crypto-shreds every file of a recording: the wrapped keys go first (in SQLite), then the files.
    func shred(recordingID: UUID, in connection: Connection) throws -> [String] {
        let names = try connection.query("SELECT file_name FROM vault_files WHERE recording_id = ?",
                                         [recordingID.uuidString.lowercased()]).compactMap { $0.string("file_name") }
        try connection.run("DELETE FROM vault_files WHERE recording_id = ?", [recordingID.uuidString.lowercased()])
        return names
    }

    func removeFiles(_ names: [String]) {
        for name in names { try? vault.remove(name: name) }
    }
}

extension VaultFileType {
    var name: String {
        switch self {
        case .recording: return "recording"
        case .transcript: return "transcript"
        case .analysis: return "analysis"
        case .report: return "report"
        }
    }

    /// The part of the file name after the timestamp (DESIGN.md "Files at rest").
    var fileSuffix: String {
        switch self {
        case .recording: return "recording.wav"
        case .transcript: return "transcript.txt"
        case .analysis: return "analysis.json"
        case .report: return "report.txt"
        }
    }

    init?(name: String) {
        guard let match = VaultFileType.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
