import Foundation
import Testing
import Vault

@Suite struct VaultFileSystemTests {
    @Test func symlinkedFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        try vault.writeWhole(name: "real.enc", identity: id, dataKey: key, contents: [1, 2, 3])
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link.enc",
                                                   withDestinationPath: directory.path + "/real.enc")
        expectVaultError(.io) { _ = try vault.readAll(name: "link.enc", identity: id, dataKey: key) }
        expectVaultError(.io) {
            _ = try vault.recover(name: "link.enc", identity: id, dataKey: key, committedSegments: 0)
        }
    }

    @Test func readerClosedEarlyStopsCleanly() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(10))
        try appender.append(pattern(20))
        try appender.finish()
        let reader = try vault.read(name: "r.enc", identity: id, dataKey: key)
        #expect(try reader.next() == pattern(10))
        reader.close()
        expectVaultError(.invalidState) { _ = try reader.next() }
    }

    @Test func concurrentAppendsAreSerialized() async throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<16 {
                group.addTask { try appender.append([UInt8](repeating: UInt8(index), count: 1000)) }
            }
            try await group.waitForAll()
        }
        try appender.finish()
        let contents = try vault.readAll(name: "r.enc", identity: id, dataKey: key)
        #expect(contents.count == 16_000)
        // Each append landed whole: 16 runs of 1000 equal bytes, each value once.
        let runs = stride(from: 0, to: 16_000, by: 1000).map { contents[$0] }
        #expect(Set(runs).count == 16)
        for start in stride(from: 0, to: 16_000, by: 1000) {
            #expect(contents[start..<start + 1000].allSatisfy { $0 == contents[start] })
        }
    }
}
