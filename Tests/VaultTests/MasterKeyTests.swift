import Testing
import Vault

@Suite struct MasterKeyTests {
    @Test func rotationRewrapsEveryKeyWithoutTouchingFiles() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let old = try MasterKey.generate(id: "vault-2026-01")
        // What the caller keeps in SQLite: (name, identity, master key id, wrapped data key).
        var rows: [(name: String, identity: VaultFileIdentity, keyID: String, wrapped: [UInt8], contents: [UInt8])] = []
        for (index, type) in VaultFileType.allCases.enumerated() {
            let key = try DataKey.generate()
            let name = "f\(index).enc"
            let id = identity(type)
            let contents = pattern(1000 * (index + 1), seed: UInt8(index))
            try vault.writeWhole(name: name, identity: id, dataKey: key, contents: contents)
            rows.append((name, id, old.id, try old.wrap(key), contents))
        }
        let filesBefore = try rows.map { try directory.bytes($0.name) }

        let new = try MasterKey.generate()
        #expect(new.id.hasPrefix("mk-") && new.id != old.id)
        for index in rows.indices {
            let rewrapped = try new.rewrap(rows[index].wrapped, from: old)
            #expect(rewrapped.count == MasterKey.wrappedSize && rewrapped != rows[index].wrapped)
            rows[index].wrapped = rewrapped
            rows[index].keyID = new.id
        }
        for (row, before) in zip(rows, filesBefore) {
            #expect(try directory.bytes(row.name) == before, "rotation does not touch file bytes")
            #expect(try vault.readAll(name: row.name, identity: row.identity, dataKey: try new.unwrap(row.wrapped))
                    == row.contents)
            expectVaultError(.keyUnwrapFailed) { _ = try old.unwrap(row.wrapped) }
        }
    }

    @Test func persistedMasterKeyReloads() throws {
        let key = try MasterKey.generate(id: "k1")
        let stored = key.withUnsafeKeyBytes { Array($0) }
        #expect(stored.count == MasterKey.size)
        let reloaded = try MasterKey(id: "k1", bytes: stored)
        let dataKey = try DataKey.generate()
        #expect(try reloaded.wrap(dataKey) == key.wrap(dataKey))
        #expect(!"\(key)".contains(stored.map { String($0) }.joined()), "description is redacted")
        #expect("\(dataKey)" == "DataKey(redacted)")
    }

    @Test func invalidMasterKeys() {
        expectVaultError(.invalidKey) { _ = try MasterKey(id: "k", bytes: [UInt8](repeating: 1, count: 16)) }
        expectVaultError(.invalidKey) { _ = try MasterKey(id: "", bytes: [UInt8](repeating: 1, count: 32)) }
        expectVaultError(.invalidKey) { _ = try MasterKey(id: "a b", bytes: [UInt8](repeating: 1, count: 32)) }
        expectVaultError(.invalidKey) { _ = try MasterKey.generate(id: "bad/id") }
    }
}
