import Foundation
import Testing
import Vault

/// Real write failures without mocks: the file is swapped for a directory, so `open(O_WRONLY)` fails with EISDIR.
@Suite struct VaultWriteFailureTests {
    let directory: TemporaryDirectory
    let vault: Vault
    let key: DataKey
    let id: VaultFileIdentity
    let appender: VaultAppender

    init() throws {
        directory = try TemporaryDirectory()
        vault = Vault(directory: directory.path)
        key = try DataKey.generate()
        id = identity()
        appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(1000, seed: 1))
    }

    /// Makes the next write fail, then puts the file back with `garbage` after it (a partial write that reached
    /// the disk before the failure).
    func failNextAppend(_ plaintext: [UInt8], garbage: [UInt8] = []) throws {
        let path = directory.path + "/r.enc"
        try FileManager.default.moveItem(atPath: path, toPath: path + ".saved")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        expectVaultError(.io) { try appender.append(plaintext) }
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: path + ".saved", toPath: path)
        if !garbage.isEmpty {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: garbage)
            try handle.close()
        }
        #expect(appender.segmentsWritten == 1, "a failed append is not counted")
    }

    @Test func retryWithSameBytesAfterFailureCutsTheDirtyTail() throws {
        let before = try directory.bytes("r.enc")
        try failNextAppend(pattern(500, seed: 2), garbage: pattern(777, seed: 5))
        try appender.append(pattern(500, seed: 2))
        let after = try directory.bytes("r.enc")
        #expect(Array(after[26..<33]) == Array(before[26..<33]), "same plaintext: no rewrite needed")
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(1000, seed: 1) + pattern(500, seed: 2))
    }

    @Test func differentBytesAfterFailureMoveToANewPrefix() throws {
        let before = try directory.bytes("r.enc")
        try failNextAppend(pattern(500, seed: 2), garbage: pattern(300, seed: 5))
        try appender.append(pattern(500, seed: 3))
        let after = try directory.bytes("r.enc")
        #expect(Array(after[26..<33]) != Array(before[26..<33]), "different plaintext for counter 1: new prefix")
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(1000, seed: 1) + pattern(500, seed: 3))
        #expect(try directory.names() == ["r.enc"])
    }

    @Test func finishAfterFailureStillCompletes() throws {
        try failNextAppend(pattern(10), garbage: [1, 2, 3])
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key) == pattern(1000, seed: 1))
    }
}
