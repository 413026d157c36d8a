import Foundation
import Security

/// A key file in keys/: one key per line, `kid base64url(key) created_at [retired_at]`, newest last.
/// Written atomically (temp file 0600, fsync, rename, fsync keys/), so a crash leaves the old or the new file,
/// never half of one. Keys are 256 bits from the CSPRNG.
public struct KeyFile: Sendable {
    public struct Entry: Sendable, Equatable {
        public let id: String
        public let bytes: [UInt8]
        public let createdAt: Int64
        public var retiredAt: Int64?
    }

    public let path: String
    public private(set) var entries: [Entry]

    /// The newest key that is not retired (the one to sign or wrap with).
    public var current: Entry? { entries.last { $0.retiredAt == nil } }

    /// Loads the file, creating it with one fresh key when it does not exist.
    public static func loadOrCreate(path: String, now: Int64) throws -> KeyFile {
        if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        var file = KeyFile(path: path, entries: [])
        try file.addNewKey(now: now)
        return file
    }

    public static func load(path: String) throws -> KeyFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError(.io, "cannot read \(path)")
        }
        var entries: [Entry] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.isEmpty {
            let parts = line.split(separator: " ")
            guard parts.count == 3 || parts.count == 4,
                  parts[0].count == 16, parts[0].allSatisfy(\.isHexDigit),
                  let bytes = Base64URL.decode(String(parts[1])), bytes.count == 32,
                  let created = Int64(parts[2]) else {
                throw AppError(.badKeyFile, "\(path) is malformed")
            }
            let retired = parts.count == 4 ? Int64(parts[3]) : nil
            if parts.count == 4 && retired == nil { throw AppError(.badKeyFile, "\(path) is malformed") }
            entries.append(Entry(id: String(parts[0]), bytes: bytes, createdAt: created, retiredAt: retired))
        }
        guard !entries.isEmpty else { throw AppError(.badKeyFile, "\(path) holds no key") }
        return KeyFile(path: path, entries: entries)
    }

    /// Adds a fresh key (it becomes `current`) and writes the file.
    public mutating func addNewKey(now: Int64) throws {
        let id = try SecureRandom.bytes(8).map { String(format: "%02x", $0) }.joined()
        entries.append(Entry(id: id, bytes: try SecureRandom.bytes(32), createdAt: now, retiredAt: nil))
        try save()
    }

    /// Marks every key but the current one retired at `now` (they still verify until dropped).
    public mutating func retireOthers(now: Int64) throws {
        guard let current else { return }
        for index in entries.indices where entries[index].id != current.id && entries[index].retiredAt == nil {
            entries[index].retiredAt = now
        }
        try save()
    }

    /// Drops keys for which `isObsolete` holds and writes the file (the bytes are gone from disk after rename).
    public mutating func drop(where isObsolete: (Entry) -> Bool) throws {
        let keep = current?.id
        entries.removeAll { $0.id != keep && isObsolete($0) }
        try save()
    }

    private func save() throws {
        let text = entries.map { entry in
            var line = "\(entry.id) \(Base64URL.encode(entry.bytes)) \(entry.createdAt)"
            if let retired = entry.retiredAt { line += " \(retired)" }
            return line
        }.joined(separator: "\n") + "\n"
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600)
    }
}
