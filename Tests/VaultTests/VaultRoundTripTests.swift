import Foundation
import Testing
import Vault

@Suite struct VaultRoundTripTests {
    static let segment = Vault.maxSegmentSize
    static let sizes = [0, 1, 15, 16, 17, segment - 1, segment, segment + 1, 2 * segment, 5 * segment + 12_345]

    @Test(arguments: sizes) func wholeFileRoundTrip(size: Int) throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity(.transcript)
        let contents = pattern(size, seed: 3)
        try vault.writeWhole(name: "a_transcript.txt.enc", identity: id, dataKey: key, contents: contents)
        #expect(try vault.readAll(name: "a_transcript.txt.enc", identity: id, dataKey: key) == contents)
        let file = try directory.bytes("a_transcript.txt.enc")
        let segments = max(1, (size + Self.segment - 1) / Self.segment)
        #expect(file.count == Layout.headerSize + size + segments * 20)
        #expect(Layout.segments(file).count == segments)
        #expect(try directory.names() == ["a_transcript.txt.enc"], "no temporary file left behind")
    }

    @Test(arguments: sizes) func appendedRoundTrip(size: Int) throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let contents = pattern(size, seed: 9)
        let appender = try vault.create(name: "rec.enc", identity: id, dataKey: key)
        // Variable chunk sizes, as a streamed recording sends them.
        var position = 0
        var chunk = 1
        while position < contents.count {
            let end = min(contents.count, position + chunk)
            try appender.append(Array(contents[position..<end]))
            position = end
            chunk = chunk * 7 + 3
        }
        #expect(appender.plaintextBytes == Int64(size))
        try appender.finish()
        #expect(appender.isFinished)
        #expect(try vault.readAll(name: "rec.enc", identity: id, dataKey: key) == contents)

        // The streaming reader yields the same bytes, one authenticated segment at a time.
        let reader = try vault.read(name: "rec.enc", identity: id, dataKey: key)
        var streamed: [UInt8] = []
        var chunks = 0
        while let next = try reader.next() {
            #expect(next.count <= Vault.maxSegmentSize)
            streamed += next
            chunks += 1
        }
        #expect(streamed == contents)
        #expect(chunks == appender.segmentsWritten)
        #expect(try reader.next() == nil)

        var viaCallback: [UInt8] = []
        try vault.read(name: "rec.enc", identity: id, dataKey: key).forEachChunk { viaCallback += $0 }
        #expect(viaCallback == contents)
    }

    @Test func oversizedAppendIsSplitIntoSegments() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity()
        let appender = try vault.create(name: "big.enc", identity: id, dataKey: key)
        try appender.append(pattern(3 * Vault.maxSegmentSize + 5))
        #expect(appender.segmentsWritten == 4)
        try appender.append([])
        #expect(appender.segmentsWritten == 4, "an empty append writes nothing")
        try appender.finish()
        #expect(try vault.readAll(name: "big.enc", identity: id, dataKey: key) == pattern(3 * Vault.maxSegmentSize + 5))
    }

    @Test func filesAreOwnerOnlyAndAppendHoldsNoDescriptor() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        // Count only descriptors that point into this test's directory: other suites run in parallel in the same
        // process and open files of their own.
        func openHere() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd)) ?? ""
                return target.hasPrefix(directory.path)
            }.count
        }
        var appenders: [VaultAppender] = []
        for index in 0..<50 {
            let appender = try vault.create(name: "r\(index).enc", identity: identity(), dataKey: key)
            try appender.append(pattern(100))
            appenders.append(appender)
        }
        #expect(try openHere() == 0, "50 idle appenders must not hold descriptors")
        try vault.writeWhole(name: "w.enc", identity: identity(.report), dataKey: key, contents: [1, 2, 3])
        for name in try directory.names() {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.path + "/" + name)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(name)")
        }
    }

    @Test func writeWholeReplacesAtomically() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let id = identity(.report)
        try vault.writeWhole(name: "r.enc", identity: id, dataKey: key, contents: Array("first".utf8))
        let first = try directory.bytes("r.enc")
        try vault.writeWhole(name: "r.enc", identity: id, dataKey: key, contents: Array("second version".utf8))
        #expect(try vault.readAll(name: "r.enc", identity: id, dataKey: key) == Array("second version".utf8))
        // Each write draws a fresh nonce prefix (bytes 26..<33 of the header).
        #expect(Array(first[26..<33]) != Array(try directory.bytes("r.enc")[26..<33]))
        #expect(try directory.names() == ["r.enc"])
    }

    @Test func createRefusesExistingAndRemoveDeletes() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        _ = try vault.create(name: "x.enc", identity: identity(), dataKey: key)
        expectVaultError(.alreadyExists) { _ = try vault.create(name: "x.enc", identity: identity(), dataKey: key) }
        try vault.remove(name: "x.enc")
        #expect(try directory.names().isEmpty)
        expectVaultError(.notFound) { try vault.remove(name: "x.enc") }
        expectVaultError(.notFound) { _ = try vault.read(name: "x.enc", identity: identity(), dataKey: key) }
    }

    @Test func appendAfterFinishIsRefused() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let appender = try vault.create(name: "f.enc", identity: identity(), dataKey: try DataKey.generate())
        try appender.finish()
        expectVaultError(.invalidState) { try appender.append([1]) }
        expectVaultError(.invalidState) { try appender.finish() }
    }

    @Test func nameValidation() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        let bad = ["", "a/b", "../x", "..", ".", "a..b", ".hidden", "x\0y", "nul\0", "sp ace", "new\nline",
                   "é.enc", String(repeating: "a", count: 201)]
        for name in bad {
            expectVaultError(.invalidName) { _ = try vault.create(name: name, identity: identity(), dataKey: key) }
            expectVaultError(.invalidName) {
                try vault.writeWhole(name: name, identity: identity(), dataKey: key, contents: [1])
            }
            expectVaultError(.invalidName) { _ = try vault.readAll(name: name, identity: identity(), dataKey: key) }
            expectVaultError(.invalidName) { try vault.remove(name: name) }
        }
        #expect(try directory.names().isEmpty)
        let good = "abcd1234_20260101120000_recording.wav.enc"
        _ = try vault.create(name: good, identity: identity(), dataKey: key)
        #expect(try directory.names() == [good])
    }

    @Test func noPlaintextOnDisk() throws {
        let directory = try TemporaryDirectory()
        let vault = Vault(directory: directory.path)
        let key = try DataKey.generate()
        // A recognizable pattern, repeated so any 16-byte window of plaintext would stand out.
        let marker = Array("PATIENT-JOHN-DOE-BP-140-OVER-90;".utf8)
        let contents = Array((0..<40_000).flatMap { _ in marker })
        let appender = try vault.create(name: "s.enc", identity: identity(), dataKey: key)
        try appender.append(Array(contents.prefix(700_000)))
        try appender.append(Array(contents.dropFirst(700_000)))
        try appender.truncate(toSegments: 1)
        try appender.append(Array(contents.dropFirst(700_000)))
        try appender.finish()
        try vault.writeWhole(name: "t.enc", identity: identity(.transcript), dataKey: key, contents: contents)
        for name in try directory.names() {
            let file = try directory.bytes(name)
            let window = Array(marker.prefix(12))
            let found = file.indices.dropLast(window.count).contains { start in
                file[start] == window[0] && Array(file[start..<start + window.count]) == window
            }
            #expect(!found, "plaintext found in \(name)")
        }
    }
}
