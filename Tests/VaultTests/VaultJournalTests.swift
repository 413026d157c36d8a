import Foundation
import Testing
import Vault

/// Journaled appends (`VaultAppender+Journal.swift`): seal → durable elsewhere → journaled → flushed in batches,
/// and recovery from the file plus the journal copy after a crash at every point of that path.
@Suite struct VaultJournalTests {
    /// Seals `plaintext` and reports it journaled, returning the sealed bytes the caller would have stored.
    private func journal(_ appender: VaultAppender, _ plaintext: [UInt8]) throws -> VaultAppender.SealedSegments {
        let sealed = try plaintext.withUnsafeBytes { try appender.seal($0) }
        appender.journaled(sealed)
        return sealed
    }

    @Test func journaledSegmentsReachTheFileOnlyWhenFlushedAndReadBackInOrder() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        let headerOnly = try directory.bytes("r.enc").count
        let a = try journal(appender, pattern(8000, seed: 1))
        let b = try journal(appender, pattern(8000, seed: 2))
        #expect(a.firstCounter == 0 && b.firstCounter == 1 && a.count == 1 && b.count == 1)
        #expect(appender.committedSegments == 2 && appender.segmentsWritten == 0)
        #expect(appender.journaledBytes == a.bytes.count + b.bytes.count)
        #expect(try directory.bytes("r.enc").count == headerOnly, "nothing written before the flush")

        #expect(try appender.flushJournal() == 2)
        #expect(appender.journaledBytes == 0 && appender.segmentsWritten == 2)
        let file = try directory.bytes("r.enc")
        #expect(Array(file[headerOnly...]) == a.bytes + b.bytes, "the file holds exactly the journaled bytes")

        _ = try journal(appender, pattern(100, seed: 3))
        try appender.finish()   // journal and final segment together
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(8000, seed: 1) + pattern(8000, seed: 2) + pattern(100, seed: 3))
    }

    @Test func sealingContinuesWhileAFlushRuns() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        var expected: [UInt8] = []
        let flusher = DispatchQueue(label: "flusher")
        let group = DispatchGroup()
        for index in 0..<200 {
            let chunk = pattern(800, seed: UInt8(index % 251))
            _ = try journal(appender, chunk)
            expected += chunk
            if index % 7 == 0 {
                flusher.async(group: group) { _ = try? appender.flushJournal() }
            }
        }
        group.wait()
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key) == expected)
    }

    @Test func recoveryRebuildsTheFileFromItsFlushedSegmentsAndTheJournal() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        _ = try journal(appender, pattern(3000, seed: 1))
        _ = try journal(appender, pattern(3000, seed: 2))
        try appender.flushJournal()
        // Crash after these were committed to the journal but before any flush; half of one even reached the file
        // (a flush that died mid-write).
        let c = try journal(appender, pattern(3000, seed: 3))
        let d = try journal(appender, pattern(500, seed: 4))
        var file = try directory.bytes("r.enc")
        file += c.bytes.prefix(1000)
        try directory.write("r.enc", file)

        let result = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: 4,
                                       journal: c.bytes + d.bytes, journalSegments: 2)
        #expect(result.segments == 4 && result.plaintextBytes == 9500 && !result.wasAlreadyFinished)
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(3000, seed: 1) + pattern(3000, seed: 2) + pattern(3000, seed: 3) + pattern(500, seed: 4))
    }

    @Test func recoveryAcceptsJournalRowsThatWereAlreadyFlushed() throws {
        // Crash between the flush's fdatasync and the deletion of its journal rows: both copies exist.
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        let a = try journal(appender, pattern(4000, seed: 1))
        let b = try journal(appender, pattern(4000, seed: 2))
        try appender.flushJournal()
        _ = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: 2,
                              journal: a.bytes + b.bytes, journalSegments: 2)
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(4000, seed: 1) + pattern(4000, seed: 2))
    }

    @Test func aForgedOrMisplacedJournalIsRefusedAndTheFileLeftAsItWas() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        _ = try journal(appender, pattern(1000, seed: 1))
        try appender.flushJournal()
        let b = try journal(appender, pattern(1000, seed: 2))
        let before = try directory.bytes("r.enc")
        var flipped = b.bytes
        flipped[40] ^= 1
        expectVaultError(.integrity) {
            _ = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: 2,
                                  journal: flipped, journalSegments: 1)
        }
        // The right bytes claimed for the wrong position (counter 0 instead of 1) do not authenticate either.
        expectVaultError(.integrity) {
            _ = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: 1,
                                  journal: b.bytes, journalSegments: 1)
        }
        // Trailing bytes after the claimed segments.
        expectVaultError(.integrity) {
            _ = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: 2,
                                  journal: b.bytes + [0], journalSegments: 1)
        }
        #expect(try directory.bytes("r.enc") == before)
    }

    @Test func abandonedSealBlocksDifferentBytesUntilTheFileIsRewrittenUnderANewPrefix() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        _ = try journal(appender, pattern(2000, seed: 1))
        let prefixBefore = Array(try directory.bytes("r.enc")[0..<Layout.headerSize])

        // The commit of segment 1 failed: its ciphertext may be on disk (an uncommitted WAL frame).
        let lost = try pattern(2000, seed: 2).withUnsafeBytes { try appender.seal($0) }
        appender.abandon(lost)
        // The same bytes again (a retry) seal identically and are fine.
        let retry = try pattern(2000, seed: 2).withUnsafeBytes { try appender.seal($0) }
        #expect(retry.bytes == lost.bytes)
        appender.abandon(retry)
        // Different bytes for the same counter would reuse the nonce: refused.
        expectVaultError(.exposedCounter) { _ = try pattern(2000, seed: 9).withUnsafeBytes { try appender.seal($0) } }
        // Rewriting needs the journal in the file first.
        expectVaultError(.invalidState) { try appender.rewriteForExposedCounter() }
        try appender.flushJournal()
        try appender.rewriteForExposedCounter()
        #expect(Array(try directory.bytes("r.enc")[0..<Layout.headerSize]) != prefixBefore, "new nonce prefix")
        let fresh = try pattern(2000, seed: 9).withUnsafeBytes { try appender.seal($0) }
        #expect(fresh.bytes != lost.bytes)
        appender.journaled(fresh)
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key) == pattern(2000, seed: 1) + pattern(2000, seed: 9))
    }

    @Test func directAppendsAreRefusedWhileSegmentsAreJournaled() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let appender = try vault.create(name: "r.enc", identity: identity(), dataKey: try DataKey.generate())
        _ = try journal(appender, pattern(10))
        expectVaultError(.invalidState) { try appender.append(pattern(10)) }
        expectVaultError(.invalidState) { try appender.truncate(toSegments: 0) }
        let outstanding = try pattern(10).withUnsafeBytes { try appender.seal($0) }
        expectVaultError(.invalidState) { _ = try pattern(10).withUnsafeBytes { try appender.seal($0) } }
        expectVaultError(.invalidState) { try appender.finish() }
        appender.journaled(outstanding)
        try appender.flushJournal()
        try appender.append(pattern(10))
        try appender.finish()
    }
}
