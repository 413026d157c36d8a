#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Security

extension Vault {
    /// Finishes a file whose writer died (crash, power loss). Authenticates segments `0..<committedSegments` (the
    /// count the caller committed with its last acknowledged chunk), cuts everything after them (an
    /// unacknowledged, possibly partial write), appends the empty final segment and fdatasyncs. The file then
    /// reads normally. Idempotent: a file that already ends with its final segment is left as it is.
    ///
    /// Throws `.truncated` if fewer than `committedSegments` segments are on disk, `.integrity` if any of them
    /// fails authentication (the file is then not modified).
    public func recover(name: String, identity: VaultFileIdentity, dataKey: DataKey,
                        committedSegments: Int) throws -> VaultRecovery {
        let path = try path(for: name)
        guard committedSegments >= 0, committedSegments < SegmentCipher.maxSegments else {
            throw VaultError(.invalidState, operation: "recover", detail: "segment count out of range")
        }
        let file = try FileDescriptor.open(path, flags: O_RDWR)
        let size = try file.size()
        if size < Int64(VaultHeader.size) {
            // The crash hit `create` before its header was durable. With nothing committed, write a fresh one.
            guard committedSegments == 0 else {
                throw VaultError(.truncated, operation: "recover", detail: "file shorter than its header")
            }
            let header = VaultHeader(identity: identity, noncePrefix: try Self.randomPrefix())
            let cipher = try SegmentCipher(dataKey: dataKey, header: header)
            try file.truncate(to: 0)
            try header.bytes.withUnsafeBytes { try file.writeAll($0, at: 0) }
            try writeFinal(cipher: cipher, counter: 0, file: file, at: Int64(VaultHeader.size))
            try file.close()
            return VaultRecovery(segments: 0, plaintextBytes: 0, discardedBytes: size, wasAlreadyFinished: false)
        }
        var headerBytes = [UInt8](repeating: 0, count: VaultHeader.size)
        _ = try headerBytes.withUnsafeMutableBytes { try file.read(into: $0, at: 0) }
        let cipher = try SegmentCipher(dataKey: dataKey,
                                       header: try VaultHeader.parse(headerBytes, expected: identity))
        var body = [UInt8](repeating: 0, count: SegmentCipher.maxPlaintext + SegmentCipher.overhead)
        var plain = [UInt8](repeating: 0, count: SegmentCipher.maxPlaintext)
        defer { for index in plain.indices { plain[index] = 0 } }
        var offset = Int64(VaultHeader.size)
        var plaintextBytes: Int64 = 0
        for counter in 0..<committedSegments {
            let length = try authenticate(counter: counter, last: false, cipher: cipher, file: file, at: offset, size: size,
                                          body: &body, plain: &plain)
            offset += Int64(length + SegmentCipher.overhead)
            plaintextBytes += Int64(length)
        }
        if size - offset == Int64(SegmentCipher.overhead),
           (try? authenticate(counter: committedSegments, last: true, cipher: cipher, file: file, at: offset, size: size,
                              body: &body, plain: &plain)) == 0 {
            try file.close()
            return VaultRecovery(segments: committedSegments, plaintextBytes: plaintextBytes, discardedBytes: 0,
                                 wasAlreadyFinished: true)
        }
        try file.truncate(to: offset)
        try writeFinal(cipher: cipher, counter: committedSegments, file: file, at: offset)
        try file.close()
        return VaultRecovery(segments: committedSegments, plaintextBytes: plaintextBytes,
                             discardedBytes: size - offset, wasAlreadyFinished: false)
    }

    /// Reads and authenticates one segment at `offset`; returns its plaintext length.
    private func authenticate(counter: Int, last: Bool, cipher: SegmentCipher, file: FileDescriptor, at offset: Int64, size: Int64,
                              body: inout [UInt8], plain: inout [UInt8]) throws -> Int {
        try body.withUnsafeMutableBytes { buffer in
            let head = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<SegmentCipher.lengthSize])
            guard try file.read(into: head, at: offset) == SegmentCipher.lengthSize else {
                throw VaultError(.truncated, operation: "recover", detail: "committed segment \(counter) missing")
            }
            let length = SegmentCipher.decodeLength(UnsafeRawBufferPointer(head))
            guard length <= SegmentCipher.maxPlaintext else {
                throw VaultError(.integrity, operation: "recover", detail: "segment \(counter) length out of range")
            }
            let sealedSize = length + AESGCM.tagSize
            let sealed = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<sealedSize])
            guard try file.read(into: sealed, at: offset + Int64(SegmentCipher.lengthSize)) == sealedSize else {
                throw VaultError(.truncated, operation: "recover", detail: "committed segment \(counter) cut short")
            }
            if length == 0 && !last && SegmentCipher.isZeroFill(tag: UnsafeRawBufferPointer(sealed)),
               try file.isZero(from: offset) {
                throw VaultError(.truncated, operation: "recover", detail: "committed segment \(counter) missing (zeros)")
            }
            try plain.withUnsafeMutableBytes {
                try cipher.open(counter: counter, last: last, body: UnsafeRawBufferPointer(sealed),
                                into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<length]))
            }
            return length
        }
    }

    /// Seals the empty final segment, writes it at `offset` and fdatasyncs.
    private func writeFinal(cipher: SegmentCipher, counter: Int, file: FileDescriptor, at offset: Int64) throws {
        var sealed = [UInt8](repeating: 0, count: SegmentCipher.overhead)
        try sealed.withUnsafeMutableBytes { out in
            try cipher.seal(counter: counter, last: true, plaintext: UnsafeRawBufferPointer(start: nil, count: 0),
                            into: out)
        }
        try sealed.withUnsafeBytes { try file.writeAll($0, at: offset) }
        try file.syncData()
    }
}
