#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Security

/// Encrypted files at rest in one directory (`output/`). Every file is a header plus AES-256-GCM segments under a
/// per-file `DataKey`, bound to its `VaultFileIdentity`; see docs/VAULT-FORMAT.md for the byte layout.
///
/// A `Vault` holds only its directory path (no open descriptors), so it is freely shared between threads. Two
/// writers must never work on the same file name at once; the caller's per-recording state guarantees that.
public final class Vault: Sendable {
    /// Largest plaintext per segment (1 MiB); longer appends are split into several segments.
    public static let maxSegmentSize = SegmentCipher.maxPlaintext

    /// Zeros an appendable file grows by when an append reaches its end, after its first growth (`firstGrowth`)
    /// (2 s of 16 kHz audio; see `VaultAppender`). At most this much disk per recording in progress is zeros.
    /// 256 KiB saved as much CPU per append but made tablets that started together write their zeros together:
    /// bench-tablets at 500 tablets had p99 173–219 ms with 256 KiB, 19 ms with 64 KiB and 17 ms with none.
    public static let growthStep: Int64 = 64 * 1024

    /// How much a new file's FIRST growth adds: 1/16 to 16/16 of `growthStep`, picked by the first byte of its
    /// random nonce prefix. Files started in the same second (a shift change; every tablet in bench-tablets)
    /// would otherwise reach each step's end in the same second too, and write all their zeros at once: at 750
    /// tablets, 48 MB every other second, which showed as a p99 of 70–150 ms in those seconds and 20–35 ms in the
    /// others. With the first step spread, each file keeps its own phase for the rest of the recording.
    public static func firstGrowth(noncePrefix: [UInt8]) -> Int64 {
        growthStep / 16 * Int64(1 + (noncePrefix.first ?? 15) % 16)
    }

    /// The directory the files live in (the caller keeps it 0700).
    public let directory: String

    /// A vault over `directory`, which must already exist.
    public init(directory: String) {
        self.directory = directory
    }

    /// Creates a new, empty, appendable file (header only, fdatasync'd, directory entry synced) with mode 0600.
    /// Fails with `.alreadyExists` if the name is taken.
    public func create(name: String, identity: VaultFileIdentity, dataKey: DataKey) throws -> VaultAppender {
        let path = try path(for: name)
        let header = VaultHeader(identity: identity, noncePrefix: try Self.randomPrefix())
        let cipher = try SegmentCipher(dataKey: dataKey, header: header)
        let file = try FileDescriptor.open(path, flags: O_WRONLY | O_CREAT | O_EXCL)
        do {
            try header.bytes.withUnsafeBytes { try file.writeAll($0, at: 0) }
            try file.syncData()
            try file.close()
            try FileSystem.syncDirectory(directory)
        } catch {
            try? FileSystem.unlink(path)
            throw error
        }
        return VaultAppender(vault: self, name: name, path: path, dataKey: dataKey, cipher: cipher)
    }

    /// Writes a complete file atomically: ciphertext goes to a temporary name in the same directory, is
    /// fdatasync'd, renamed over `name` and the directory is fsync'd. A reader sees the old file or the new one,
    /// never a mix; plaintext never reaches the disk. Each call draws a fresh nonce prefix.
    public func writeWhole(name: String, identity: VaultFileIdentity, dataKey: DataKey, contents: [UInt8]) throws {
        try contents.withUnsafeBytes { try writeWhole(name: name, identity: identity, dataKey: dataKey, contents: $0) }
    }

    /// Writes a complete file atomically (buffer variant).
    public func writeWhole(name: String, identity: VaultFileIdentity, dataKey: DataKey,
                           contents: UnsafeRawBufferPointer) throws {
        let path = try path(for: name)
        let header = VaultHeader(identity: identity, noncePrefix: try Self.randomPrefix())
        let cipher = try SegmentCipher(dataKey: dataKey, header: header)
        let segmentCount = max(1, (contents.count + Self.maxSegmentSize - 1) / Self.maxSegmentSize)
        guard segmentCount < SegmentCipher.maxSegments else {
            throw VaultError(.tooLarge, operation: "writeWhole", detail: "too many segments")
        }
        let temporary = try temporaryPath(for: name)
        let file = try FileDescriptor.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL)
        var renamed = false
        do {
            try header.bytes.withUnsafeBytes { try file.writeAll($0, at: 0) }
            var offset = Int64(VaultHeader.size)
            var sealed = [UInt8](repeating: 0, count: min(contents.count, Self.maxSegmentSize) + SegmentCipher.overhead)
            for index in 0..<segmentCount {
                let start = index * Self.maxSegmentSize
                let end = min(start + Self.maxSegmentSize, contents.count)
                let piece = UnsafeRawBufferPointer(rebasing: contents[start..<end])
                let size = piece.count + SegmentCipher.overhead
                try sealed.withUnsafeMutableBytes { buffer in
                    let out = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size])
                    try cipher.seal(counter: index, last: index == segmentCount - 1, plaintext: piece, into: out)
                    try file.writeAll(UnsafeRawBufferPointer(out), at: offset)
                }
                offset += Int64(size)
            }
            try file.syncData()
            try file.close()
            try FileSystem.rename(temporary, to: path)
            renamed = true
            try FileSystem.syncDirectory(directory)
        } catch {
            if !renamed { try? FileSystem.unlink(temporary) }
            throw error
        }
    }

    /// Opens a file for streaming, authenticated reading. Nothing is decrypted until `next()`.
    public func read(name: String, identity: VaultFileIdentity, dataKey: DataKey) throws -> VaultReader {
        let file = try FileDescriptor.open(try path(for: name), flags: O_RDONLY)
        return try VaultReader(file: file, identity: identity, dataKey: dataKey)
    }

    /// Opens a file for reading from `position` (taken from an earlier reader of the same file).
    public func read(name: String, identity: VaultFileIdentity, dataKey: DataKey,
                     from position: VaultReader.Position) throws -> VaultReader {
        let reader = try read(name: name, identity: identity, dataKey: dataKey)
        reader.seek(to: position)
        return reader
    }

    /// Reads and authenticates a whole (small) file. Throws without returning any plaintext if any segment fails
    /// or the final segment is missing.
    public func readAll(name: String, identity: VaultFileIdentity, dataKey: DataKey) throws -> [UInt8] {
        // Every segment is authenticated before its bytes are kept; on any failure the partial plaintext is
        // zeroed and nothing is returned.
        try read(name: name, identity: identity, dataKey: dataKey).readRemaining()
    }

    /// Deletes a file and syncs the directory. Crypto-shredding is deleting the wrapped data key; this removes
    /// the ciphertext too.
    public func remove(name: String) throws {
        try FileSystem.unlink(try path(for: name))
        try FileSystem.syncDirectory(directory)
    }

    /// Deletes temporary files left by a crash during `writeWhole` or a nonce-prefix rewrite (names starting
    /// with `.` and ending `.vtmp`). Call at start-up, before any vault writes. Returns how many were removed.
    public func removeTemporaryFiles() throws -> Int {
        var removed = 0
        for name in try FileSystem.names(in: directory) where name.hasPrefix(".") && name.hasSuffix(".vtmp") {
            try FileSystem.unlink(directory + "/" + name)
            removed += 1
        }
        if removed > 0 { try FileSystem.syncDirectory(directory) }
        return removed
    }

    /// Validates `name` and joins it to the directory. Allowed: 1...200 characters from `[A-Za-z0-9._-]`, not
    /// starting with `.` (reserved for temporary files), without `..`. This rules out `/`, NUL and traversal.
    func path(for name: String) throws -> String {
        let bytes = Array(name.utf8)
        let allowed = bytes.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || byte == 0x2e || byte == 0x5f || byte == 0x2d
        }
        guard !bytes.isEmpty, bytes.count <= 200, allowed, bytes.first != 0x2e, !name.contains("..") else {
            throw VaultError(.invalidName, operation: "name", detail: "file name must match [A-Za-z0-9_-][A-Za-z0-9._-]*")
        }
        return directory + "/" + name
    }

    /// A fresh temporary path next to `name`: `.{name}.{16 hex}.vtmp`.
    func temporaryPath(for name: String) throws -> String {
        _ = try path(for: name)
        let suffix = try SecureRandom.bytes(8).map { byte -> String in
            let digits = Array("0123456789abcdef")
            return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
        }.joined()
        return directory + "/." + name + "." + suffix + ".vtmp"
    }

    static func randomPrefix() throws -> [UInt8] {
        do {
            return try SecureRandom.bytes(VaultHeader.noncePrefixSize)
        } catch let error as CryptoError {
            throw VaultError(.crypto, operation: "RAND_bytes", detail: error.description)
        }
    }
}
