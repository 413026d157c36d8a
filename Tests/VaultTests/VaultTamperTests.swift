import Foundation
import Testing
import Vault

/// Every attack on the bytes at rest must fail closed: an error, and no plaintext from the altered segment.
@Suite struct VaultTamperTests {
    let directory: TemporaryDirectory
    let vault: Vault
    let key: DataKey
    let id: VaultFileIdentity
    let contents: [UInt8]
    let original: [UInt8]

    /// A finished recording of four data segments (1000, 2000, 3000, 4000 bytes) plus the empty final one.
    init() throws {
        directory = try TemporaryDirectory()
        vault = Vault(directory: directory.path)
        key = try DataKey.generate()
        id = identity(.recording)
        let appender = try vault.create(name: "rec.enc", identity: id, dataKey: key)
        var all: [UInt8] = []
        for (index, size) in [1000, 2000, 3000, 4000].enumerated() {
            let chunk = pattern(size, seed: UInt8(index))
            try appender.append(chunk)
            all += chunk
        }
        try appender.finish()
        contents = all
        original = try directory.bytes("rec.enc")
        #expect(Layout.segments(original).count == 5)
    }

    private func expectRejected(_ bytes: [UInt8], _ codes: Set<VaultError.Code> = [.integrity],
                                as readIdentity: VaultFileIdentity? = nil, key readKey: DataKey? = nil,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        try directory.write("rec.enc", bytes)
        do {
            let data = try vault.readAll(name: "rec.enc", identity: readIdentity ?? id, dataKey: readKey ?? key)
            Issue.record("read succeeded with \(data.count) bytes", sourceLocation: sourceLocation)
        } catch let error as VaultError {
            #expect(codes.contains(error.code), "got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func untouchedFileReads() throws {
        #expect(try vault.readAll(name: "rec.enc", identity: id, dataKey: key) == contents)
    }

    @Test func bitFlipInHeader() throws {
        for position in 0..<Layout.headerSize {
            var bytes = original
            bytes[position] ^= 0x01
            let codes: Set<VaultError.Code> = position == 8 ? [.unsupportedVersion] : [.integrity]
            try expectRejected(bytes, codes)
        }
    }

    @Test func bitFlipInBodyTagAndLength() throws {
        let segments = Layout.segments(original)
        for segment in segments {
            for position in [segment.lowerBound + 4, segment.lowerBound + 5, segment.upperBound - 17,
                             segment.upperBound - 16, segment.upperBound - 1] where position >= segment.lowerBound + 4 {
                var bytes = original
                bytes[position] ^= 0x80
                try expectRejected(bytes)
            }
            for position in segment.lowerBound..<segment.lowerBound + 4 {
                for bit in [0x01, 0x80] {
                    var bytes = original
                    bytes[position] ^= UInt8(bit)
                    // A changed length moves every boundary: the tag fails, or the file now ends too early.
                    try expectRejected(bytes, [.integrity, .truncated])
                }
            }
        }
    }

    @Test func streamingReaderReturnsOnlyAuthenticSegments() throws {
        let segments = Layout.segments(original)
        var bytes = original
        bytes[segments[2].lowerBound + 10] ^= 0x04
        try directory.write("rec.enc", bytes)
        let reader = try vault.read(name: "rec.enc", identity: id, dataKey: key)
        #expect(try reader.next() == pattern(1000, seed: 0))
        #expect(try reader.next() == pattern(2000, seed: 1))
        #expect(throws: VaultError.self) { _ = try reader.next() }
        #expect(throws: VaultError.self) { _ = try reader.next() }  // stays failed
        #expect(reader.plaintextBytes == 3000)
    }

    @Test func droppedFinalSegmentIsTruncation() throws {
        let segments = Layout.segments(original)
        try expectRejected(Array(original[..<segments[4].lowerBound]), [.truncated])
        // Cut inside the final segment, inside a data segment, and right after the header.
        try expectRejected(Array(original[..<(segments[4].lowerBound + 7)]), [.truncated])
        try expectRejected(Array(original[..<(segments[2].lowerBound + 100)]), [.truncated])
        try expectRejected(Array(original[..<segments[1].lowerBound]), [.truncated])
        try expectRejected(Array(original[..<Layout.headerSize]), [.truncated])
        try expectRejected(Array(original[..<10]), [.truncated])
    }

    @Test func droppedMiddleSegment() throws {
        let segments = Layout.segments(original)
        try expectRejected(Array(original[..<segments[1].lowerBound] + original[segments[1].upperBound...]))
    }

    @Test func swappedSegments() throws {
        let s = Layout.segments(original)
        let swapped = Array(original[..<s[1].lowerBound]) + original[s[2]] + original[s[1]]
            + original[s[3].lowerBound...]
        try expectRejected(swapped)
        // The final segment moved before a data segment.
        try expectRejected(Array(original[..<s[3].lowerBound]) + original[s[4]] + original[s[3]], [.integrity])
    }

    @Test func appendedGarbageAfterFinal() throws {
        try expectRejected(original + [0, 0, 0, 0] + [UInt8](repeating: 1, count: 16))
    }

    @Test func segmentFromAnotherFileWithTheSameKey() throws {
        // Even under the same data key (a caller bug), another file's prefix and identity keep segments apart.
        let other = try vault.create(name: "other.enc", identity: id, dataKey: key)
        try other.append(pattern(2000, seed: 1))
        try other.finish()
        let foreign = try directory.bytes("other.enc")
        let s = Layout.segments(original)
        let mixed = Array(original[..<s[1].lowerBound]) + foreign[Layout.segments(foreign)[0]]
            + original[s[2].lowerBound...]
        try expectRejected(mixed)
    }

    @Test func wholeFileSwappedBetweenRecordingsAndTypes() throws {
        // Read the untouched file as another recording, and as another type of the same recording.
        try expectRejected(original, as: VaultFileIdentity(recordingID: UUID(), fileType: .recording))
        for type in VaultFileType.allCases where type != .recording {
            try expectRejected(original, as: VaultFileIdentity(recordingID: id.recordingID, fileType: type))
        }
        // Rewrite the header's identity fields to the expected ones: the header check passes, the tags do not.
        let victim = identity(.transcript)
        var forged = original
        let victimID = withUnsafeBytes(of: victim.recordingID.uuid) { Array($0) }
        forged[9] = VaultFileType.transcript.rawValue
        forged.replaceSubrange(10..<26, with: victimID)
        try expectRejected(forged, as: victim)
    }

    @Test func wrongDataKey() throws {
        try expectRejected(original, key: try DataKey.generate())
    }

    @Test func wrongMasterKey() throws {
        let master = try MasterKey.generate(id: "mk-1")
        let wrapped = try master.wrap(key)
        let other = try MasterKey.generate(id: "mk-1")
        expectVaultError(.keyUnwrapFailed) { _ = try other.unwrap(wrapped) }
        var altered = wrapped
        altered[20] ^= 1
        expectVaultError(.keyUnwrapFailed) { _ = try master.unwrap(altered) }
        expectVaultError(.keyUnwrapFailed) { _ = try master.unwrap(Array(wrapped.prefix(32))) }
        #expect(try vault.readAll(name: "rec.enc", identity: id, dataKey: try master.unwrap(wrapped)) == contents)
    }

    @Test func oversizedLengthFieldIsRejectedBeforeAllocation() throws {
        var bytes = original
        let s = Layout.segments(original)
        bytes.replaceSubrange(s[0].lowerBound..<s[0].lowerBound + 4, with: [0x7f, 0xff, 0xff, 0xff])
        try expectRejected(bytes)
    }
}
