import Foundation
import Testing
import Vault

/// The zeros an appendable file keeps ahead of its data (`Vault.growthStep`): appends overwrite them instead of
/// growing the file, and no reader, recovery or finished file ever sees them.
@Suite struct VaultGrowthTests {
    let directory: TemporaryDirectory
    let vault: Vault
    let key: DataKey
    let id: VaultFileIdentity

    init() throws {
        directory = try TemporaryDirectory()
        vault = Vault(directory: directory.path)
        key = try DataKey.generate()
        id = identity()
    }

    func size(_ name: String = "r.enc") throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: directory.path + "/" + name)[.size] as? Int) ?? -1
    }

    /// The zeros of this file's first growth, from the nonce prefix in its header (the header's last 7 bytes).
    func firstGrowth(_ name: String = "r.enc") throws -> Int64 {
        let header = try directory.bytes(name)[0..<Layout.headerSize]
        return Vault.firstGrowth(noncePrefix: Array(header.suffix(7)))
    }

    /// Bytes of header plus `chunks` data segments of `chunkSize` plaintext each.
    func dataEnd(chunks: Int, chunkSize: Int) -> Int {
        Layout.headerSize + chunks * (chunkSize + 20)
    }

    @Test func appendsOverwriteZerosAheadAndGrowOneStepAtATime() throws {
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        #expect(try size() == Layout.headerSize)
        try appender.append(pattern(8000, seed: 1))
        let step = Int(Vault.growthStep)
        let first = dataEnd(chunks: 1, chunkSize: 8000) + Int(try firstGrowth())
        #expect(try size() == first, "the first append writes its segment and the file's first growth of zeros")
        let bytes = try directory.bytes("r.enc")
        #expect(bytes[dataEnd(chunks: 1, chunkSize: 8000)...].allSatisfy { $0 == 0 })
        // Appends that fit in the zeros leave the size alone.
        var chunks = 1
        while dataEnd(chunks: chunks + 1, chunkSize: 8000) <= first {
            chunks += 1
            try appender.append(pattern(8000, seed: UInt8(chunks)))
            #expect(try size() == first)
        }
        // The next one passes the end: one more step.
        chunks += 1
        try appender.append(pattern(8000, seed: UInt8(chunks)))
        #expect(try size() == dataEnd(chunks: chunks, chunkSize: 8000) + step)
        #expect(Layout.segments(try directory.bytes("r.enc")).count == chunks)

        try appender.finish()
        #expect(try size() == dataEnd(chunks: chunks, chunkSize: 8000) + 20, "finish cuts the zeros")
        let expected = (1...chunks).flatMap { pattern(8000, seed: UInt8($0)) }
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key) == expected)
    }

    /// Files started together must not reach the end of their zeros together (they would all write the next
    /// step in the same second): the first growth is 1/16 to 16/16 of a step, by the file's random nonce prefix.
    @Test func filesStartedTogetherGrowOutOfStep() throws {
        #expect(Vault.firstGrowth(noncePrefix: [0, 1, 2, 3, 4, 5, 6]) == Vault.growthStep / 16)
        #expect(Vault.firstGrowth(noncePrefix: [15, 1, 2, 3, 4, 5, 6]) == Vault.growthStep)
        #expect(Vault.firstGrowth(noncePrefix: [0x27, 1, 2, 3, 4, 5, 6]) == Vault.growthStep / 16 * 8)
        var firsts: Set<Int> = []
        for index in 0..<24 {
            let name = "r\(index).enc"
            let appender = try vault.create(name: name, identity: identity(), dataKey: key)
            try appender.append(pattern(8000, seed: 1))
            let growth = try firstGrowth(name)
            #expect(try size(name) == dataEnd(chunks: 1, chunkSize: 8000) + Int(growth))
            #expect(growth >= Vault.growthStep / 16 && growth <= Vault.growthStep)
            firsts.insert(Int(growth))
            // Every later growth is a whole step.
            var chunks = 1
            let first = try size(name)
            while try size(name) == first {
                chunks += 1
                try appender.append(pattern(8000, seed: UInt8(chunks)))
            }
            #expect(try size(name) == dataEnd(chunks: chunks, chunkSize: 8000) + Int(Vault.growthStep))
        }
        // 24 files drawing from 16 equally likely sizes: all the same has probability 16^-23.
        #expect(firsts.count > 1)
    }

    @Test func aGrowingFileReadsAsUnfinishedNotAsZeros() throws {
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(3000, seed: 1))
        try appender.append(pattern(3000, seed: 2))
        // Without its final segment the file is cut short, whatever follows the data.
        expectVaultError(.truncated) { _ = try vault.readAll(name: "r.enc", identity: id, dataKey: key) }
    }

    @Test func recoveryCutsTheZerosAfterTheCommittedSegments() throws {
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(4000, seed: 1))
        try appender.append(pattern(4000, seed: 2))
        let committed = appender.segmentsWritten
        try appender.append(pattern(4000, seed: 3))   // on disk, never acknowledged
        let before = try size()
        let result = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: committed)
        #expect(result.segments == 2 && result.plaintextBytes == 8000)
        #expect(result.discardedBytes == Int64(before - dataEnd(chunks: 2, chunkSize: 4000)))
        #expect(try size() == dataEnd(chunks: 2, chunkSize: 4000) + 20)
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(4000, seed: 1) + pattern(4000, seed: 2))
    }

    @Test func truncateThenAppendGrowsAgainFromTheCut() throws {
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(4000, seed: 1))
        try appender.append(pattern(4000, seed: 2))
        try appender.truncate(toSegments: 1)
        #expect(try size() == dataEnd(chunks: 1, chunkSize: 4000), "the cut removes the zeros too")
        try appender.append(pattern(4000, seed: 2))   // the same bytes again: the usual retry
        #expect(try size() == dataEnd(chunks: 2, chunkSize: 4000) + Int(Vault.growthStep))
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key)
                == pattern(4000, seed: 1) + pattern(4000, seed: 2))
    }

    /// Uploads append segments as large as a step: zeros ahead would only be overwritten by the next one.
    @Test func aSegmentAsLargeAsTheStepIsWrittenWithoutZeros() throws {
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        let big = Int(Vault.growthStep) * 2 + 123
        try appender.append(pattern(big, seed: 9))
        #expect(try size() == dataEnd(chunks: 1, chunkSize: big))
        try appender.finish()
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key) == pattern(big, seed: 9))
    }

    /// A truncate that fails (the file swapped for a directory: open fails) leaves the appender refusing
    /// everything; the file is settled by recovery from the caller's committed count.
    @Test func aFailedTruncateStopsTheAppenderUntilRecovery() throws {
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(4000, seed: 1))
        try appender.append(pattern(4000, seed: 2))   // its commit "failed": the caller takes it back
        let path = directory.path + "/r.enc"
        try FileManager.default.moveItem(atPath: path, toPath: path + ".saved")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        expectVaultError(.io) { try appender.truncate(toSegments: 1) }
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: path + ".saved", toPath: path)
        #expect(appender.needsRecovery)
        expectVaultError(.invalidState) { try appender.append(pattern(4000, seed: 3)) }
        expectVaultError(.invalidState) { try appender.finish() }
        _ = try vault.recover(name: "r.enc", identity: id, dataKey: key, committedSegments: 1)
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key) == pattern(4000, seed: 1))
    }

    /// Zeros count as "the written data ends here" only when nothing but zeros follows; zeros in the middle of a
    /// finished file are tampering.
    @Test func zerosInTheMiddleAreTamperingZerosToTheEndAreTruncation() throws {
        let appender = try vault.create(name: "r.enc", identity: id, dataKey: key)
        try appender.append(pattern(3000, seed: 1))
        try appender.append(pattern(3000, seed: 2))
        try appender.finish()
        let original = try directory.bytes("r.enc")
        let segments = Layout.segments(original)
        #expect(segments.count == 3)
        var middle = original
        for index in segments[1] { middle[index] = 0 }
        middle.replaceSubrange(segments[1], with: [UInt8](repeating: 0, count: 20))   // an "empty segment" of zeros
        try directory.write("r.enc", middle)
        expectVaultError(.integrity) { _ = try vault.readAll(name: "r.enc", identity: id, dataKey: key) }

        let cut = Array(original[..<segments[1].lowerBound]) + [UInt8](repeating: 0, count: 4096)
        try directory.write("r.enc", cut)
        expectVaultError(.truncated) { _ = try vault.readAll(name: "r.enc", identity: id, dataKey: key) }
    }
}
