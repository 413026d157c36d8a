import Foundation
import Testing
import Vault

/// Reading a file that is still being appended to (live transcription): committed segments only, resumable.
@Suite struct VaultLiveReadTests {
    @Test func committedSegmentsOfAGrowingFileReadAndResume() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(3000, seed: 1))
        try appender.append(pattern(3000, seed: 2))

        let first = try vault.read(name: "r.enc", identity: id, dataKey: key)
        #expect(try first.nextCommitted() == pattern(3000, seed: 1))
        #expect(try first.nextCommitted() == pattern(3000, seed: 2), "the last segment so far, not mistaken for a cut file")
        let position = first.position
        #expect(position.counter == 2)
        // Past the committed segments: refused like any file without its final segment.
        expectVaultError(.truncated) { _ = try first.nextCommitted() }
        first.close()

        try appender.append(pattern(500, seed: 3))
        let second = try vault.read(name: "r.enc", identity: id, dataKey: key, from: position)
        #expect(try second.nextCommitted() == pattern(500, seed: 3), "resumes without reading the earlier segments")
        second.close()

        try appender.finish()
        let rest = try vault.read(name: "r.enc", identity: id, dataKey: key, from: position)
        #expect(try rest.next() == pattern(500, seed: 3))
        #expect(try rest.next() == nil, "the finished file ends normally")
    }

    @Test func aWrongPositionFailsAuthentication() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(100, seed: 1))
        try appender.append(pattern(100, seed: 2))
        let reader = try vault.read(name: "r.enc", identity: id, dataKey: key)
        _ = try reader.nextCommitted()
        let afterFirst = reader.position
        reader.close()
        // The same position on a file whose segment at that offset is number 2, not 1 (three 60-byte segments):
        // the counter is in the nonce, so the segment does not authenticate.
        let other = try vault.create(name: "s.enc", identity: id, dataKey: key)
        for _ in 0..<3 { try other.append(pattern(40, seed: 9)) }
        let misplaced = try vault.read(name: "s.enc", identity: id, dataKey: key, from: afterFirst)
        expectVaultError(.integrity) { _ = try misplaced.nextCommitted() }
    }
}
