import Foundation
import Testing
import Vault

@Suite struct VaultRecoveryTests {
    @Test func partialTrailingWriteIsCutAndFileFinished() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(5000, seed: 1))
        try appender.append(pattern(7000, seed: 2))
        let committed = appender.segmentsWritten
        try appender.append(pattern(9000, seed: 3))  // written, never acknowledged
        // Simulate the crash: half of the last segment reached the disk, and no final segment.
        var bytes = try directory.bytes("r.enc")
        let last = Layout.segments(bytes)[2]
        bytes.removeSubrange((last.lowerBound + 4000)...)
        try directory.write("r.enc", bytes)
        expectVaultError(.truncated) { _ = try vault.readAll(name: "r.enc", identity: id, dataKey: key) }

        let result = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: committed)
        #expect(result.segments == 2 && result.plaintextBytes == 12_000 && result.discardedBytes == 4000)
        #expect(!result.wasAlreadyFinished)
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(5000, seed: 1) + pattern(7000, seed: 2))
        // Running it again changes nothing.
        let again = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: committed)
        #expect(again.wasAlreadyFinished && again.discardedBytes == 0)
    }

    @Test func recoverRefusesMissingOrForgedCommittedSegments() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(100))
        try appender.append(pattern(200))
        let before = try directory.bytes("r.enc")
        expectVaultError(.truncated) {
            _ = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: 3)
        }
        expectVaultError(.integrity) {
            _ = try vault.recover(name: "r.enc", identity: identity(), dataKey: key, committedSegments: 2)
        }
        expectVaultError(.integrity) {
            _ = try vault.recover(name: "r.enc", identity: id, dataKey: try DataKey.generate(), committedSegments: 1)
        }
        var tampered = before
        tampered[Layout.segments(before)[1].lowerBound + 9] ^= 1
        try directory.write("r.enc", tampered)
        expectVaultError(.integrity) {
            _ = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: 2)
        }
        #expect(try directory.bytes("r.enc") == tampered, "a failed recovery leaves the file untouched")
    }

    /// The chunk path commits the file's segment count with each chunk (not derived from the chunk's number: a
    /// chunk that resamples to nothing writes no segment).
    @Test func segmentCountIsWhatAppendWrites() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let appender = try vault.create(name: "r.enc", identity: identity(), dataKey: try DataKey.generate())
        for size in [0, 1, 5000, 0, (1 << 20), (1 << 20) + 1, 3 * (1 << 20) - 7] {
            let before = appender.segmentsWritten
            try appender.append(pattern(size, seed: 4))
            #expect(appender.segmentsWritten - before == VaultAppender.segmentCount(forBytes: size), "\(size) bytes")
        }
        #expect(VaultAppender.segmentCount(forBytes: 0) == 0 && VaultAppender.segmentCount(forBytes: 1 << 20) == 1)
    }

    @Test func recoverWithNothingCommitted() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        _ = try vault.create(name: "empty.enc", identity: id, dataKey: key)
        _ = try vault.recover(name: "empty.enc", identity: id, dataKey: key, committedSegments: 0)
        #expect(try vault.readAll(name: "empty.enc", identity: id, dataKey: key) == [])
        // A crash during create: only part of the header on disk.
        try directory.write("half.enc", Array(try directory.bytes("empty.enc").prefix(20)))
        let result = try vault.recover(name: "half.enc", identity: id, dataKey: key, committedSegments: 0)
        #expect(result.segments == 0 && !result.wasAlreadyFinished)
        #expect(try vault.readAll(name: "half.enc", identity: id, dataKey: key) == [])
    }

    @Test func appendAfterTruncateWithTheSameBytesKeepsThePrefix() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(3000, seed: 1))
        try appender.append(pattern(4000, seed: 2))
        let withTwo = try directory.bytes("r.enc")
        try appender.truncate(toSegments: 1)
        #expect(appender.segmentsWritten == 1 && appender.plaintextBytes == 3000)
        #expect(try directory.bytes("r.enc").count == Layout.segments(withTwo)[1].lowerBound)
        // The client retries the same chunk: identical ciphertext, no rewrite needed.
        try appender.append(pattern(4000, seed: 2))
        let dataEnd = Layout.segments(withTwo)[1].upperBound   // the zeros after the data may differ in length
        #expect(Array(try directory.bytes("r.enc")[..<dataEnd]) == Array(withTwo[..<dataEnd]))
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(3000, seed: 1) + pattern(4000, seed: 2))
    }

    @Test func appendAfterTruncateWithDifferentBytesNeverReusesANonce() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(3000, seed: 1))
        try appender.append(pattern(4000, seed: 2))
        let dropped = try directory.bytes("r.enc")
        try appender.truncate(toSegments: 1)
        try appender.append(pattern(4000, seed: 99))  // different plaintext for counter 1
        let after = try directory.bytes("r.enc")
        // The file was re-encrypted under a new nonce prefix: no segment of the old file reappears.
        #expect(Array(after[26..<33]) != Array(dropped[26..<33]))
        for segment in Layout.segments(dropped) {
            let old = Array(dropped[(segment.upperBound - 16)..<segment.upperBound])
            #expect(!Layout.segments(after).contains { Array(after[($0.upperBound - 16)..<$0.upperBound]) == old })
        }
        try appender.append(pattern(10))
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(3000, seed: 1) + pattern(4000, seed: 99) + pattern(10))
        #expect(try directory.names() == ["r.enc"], "no temporary file left behind")
    }

    @Test func truncateRemovesTheFinalSegmentAndRangeIsChecked() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(10))
        try appender.finish()
        expectVaultError(.invalidState) { try appender.truncate(toSegments: 2) }
        expectVaultError(.invalidState) { try appender.truncate(toSegments: -1) }
        try appender.truncate(toSegments: 1)
        #expect(!appender.isFinished)
        expectVaultError(.truncated) { _ = try vault.readAll(name: "r.enc", identity: id, dataKey: key) }
        try appender.append(pattern(20))
        try appender.truncate(toSegments: 0)
        try appender.append(pattern(30))
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key) == pattern(30))
    }

    @Test func removeTemporaryFiles() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        try directory.write(".r.enc.0123456789abcdef.vtmp", [1, 2, 3])
        try directory.write("keep.enc", [1])
        #expect(try vault.removeTemporaryFiles() == 1)
        #expect(try directory.names() == ["keep.enc"])
    }
}
