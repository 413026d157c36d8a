import Foundation
import Security

/// Streams the plaintext of one vault file segment by segment, authenticating each segment before any of its
/// bytes are returned. Fails closed: a bad tag throws `.integrity`, a file that ends before its final segment
/// throws `.truncated`, data after the final segment throws `.integrity`, and after any failure every further
/// call throws the same error.
///
/// Holds one open descriptor until the end of the file, `close()`, or deinit.
///
/// `@unchecked Sendable`: all mutable state (descriptor, cipher, buffers, position) is touched only while `lock`
/// is held, so a reader may be handed to another thread (e.g. an HTTP response callback).
public final class VaultReader: @unchecked Sendable {
    private let lock = NSLock()
    private var file: FileDescriptor?
    private let cipher: SegmentCipher
    private let fileSize: Int64
    private var offset = Int64(VaultHeader.size)
    private var counter = 0
    private var finished = false
    private var failure: VaultError?
    /// Read-ahead window over the ciphertext: `window[0..<windowCount]` holds the file bytes at `windowStart`.
    /// One `pread` fills it with as many whole segments as fit (two maximum-size segments), so small segments
    /// do not cost two system calls each.
    private var window: [UInt8]
    private var windowStart: Int64 = 0
    private var windowCount = 0
    private var plain: [UInt8] = []
    private var bytesRead: Int64 = 0

    init(file: FileDescriptor, identity: VaultFileIdentity, dataKey: DataKey) throws {
        fileSize = try file.size()
        var headerBytes = [UInt8](repeating: 0, count: VaultHeader.size)
        let got = try headerBytes.withUnsafeMutableBytes { try file.read(into: $0, at: 0) }
        let header = try VaultHeader.parse(Array(headerBytes[0..<got]), expected: identity)
        cipher = try SegmentCipher(dataKey: dataKey, header: header)
        // Small files get a small window: no 2 MiB allocation to read a 2 KiB transcript.
        let windowSize = min(2 * (SegmentCipher.maxPlaintext + SegmentCipher.overhead), Int(max(fileSize, 1)))
        window = [UInt8](repeating: 0, count: windowSize)
        self.file = file
    }

    deinit { wipe(&plain) }

    /// An upper bound on the plaintext size (file size minus the header), for reserving capacity.
    var plaintextUpperBound: Int { Int(max(0, fileSize - Int64(VaultHeader.size))) }

    /// Plaintext bytes returned so far.
    public var plaintextBytes: Int64 { withLock { bytesRead } }

    /// The next authenticated plaintext chunk (one segment), or nil after the final segment. A final segment
    /// is empty when the last append was followed by `finish()`; it ends the stream without an empty chunk.
    public func next() throws -> [UInt8]? {
        try withLock {
            guard let length = try frameNext() else { return nil }
            // Decrypt straight into the returned array; on failure it is zeroed and dropped.
            let chunk = try [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
                try openFramed(length: length, into: UnsafeMutableRawBufferPointer(buffer))
                initialized = length
            }
            // An empty final segment ends the stream without an empty chunk.
            return length == 0 && finished ? nil : chunk
        }
    }

    /// Where the next segment starts: pass it to `Vault.read(..., from:)` to continue later without decrypting
    /// the earlier segments again (a wrong position only fails authentication: the counter is in the nonce).
    public struct Position: Sendable, Equatable {
        let offset: Int64
        /// Index of the next segment (the data segments before it have been read).
        public let counter: Int
        /// The start of the file's data.
        public static let start = Position(offset: Int64(VaultHeader.size), counter: 0)
    }

    public var position: Position { withLock { Position(offset: offset, counter: counter) } }

    /// For a file that is still being appended to: the next data segment, authenticated as a non-final segment.
    /// Read only as many segments as are known to be committed (count them before opening the reader); past
    /// them this throws `.truncated` like any file without its final segment.
    public func nextCommitted() throws -> [UInt8] {
        try withLock {
            guard let length = try frameNext() else {
                throw VaultError(.invalidState, operation: "read", detail: "the file is finished")
            }
            return try [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
                try openFramed(length: length, into: UnsafeMutableRawBufferPointer(buffer), last: false)
                initialized = length
            }
        }
    }

    func seek(to position: Position) {
        withLock {
            offset = position.offset
            counter = position.counter
        }
    }

    /// Calls `body` with each authenticated chunk in order, without copying: the buffer is valid only during the
    /// call and is overwritten by the next segment. Ends after the final segment; throws on the first failure.
    /// `handler` runs under the reader's lock: it must not call back into this reader.
    public func forEachChunk(_ handler: (UnsafeRawBufferPointer) throws -> Void) throws {
        try withLock {
            if plain.isEmpty {
                plain = [UInt8](repeating: 0, count: max(1, min(SegmentCipher.maxPlaintext, plaintextUpperBound)))
            }
            while let length = try frameNext() {
                do {
                    try plain.withUnsafeMutableBytes { buffer in
                        let clear = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length])
                        try openFramed(length: length, into: clear)
                        if length > 0 { try handler(UnsafeRawBufferPointer(clear)) }
                    }
                } catch {
                    // Wiped here, after the buffer access ends (fail() must not touch `plain` while it is borrowed).
                    wipe(&plain)
                    throw error
                }
            }
        }
    }

    /// Decrypts every remaining segment straight into one array (no intermediate copy). Throws on the first
    /// failure; the partial array is zeroed and dropped.
    func readRemaining() throws -> [UInt8] {
        try withLock {
            let capacity = plaintextUpperBound
            return try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                var filled = 0
                do {
                    while let length = try frameNext() {
                        guard filled + length <= capacity else {
                            throw VaultError(.integrity, operation: "read", detail: "segments exceed the file size")
                        }
                        let slot = UnsafeMutableRawBufferPointer(rebasing: raw[filled..<filled + length])
                        try openFramed(length: length, into: slot)
                        filled += length
                    }
                } catch {
                    UnsafeMutableRawBufferPointer(rebasing: raw[0..<filled]).initializeMemory(as: UInt8.self, repeating: 0)
                    throw error
                }
                initialized = filled
            }
        }
    }

    /// Closes the file early. Later calls return nil if the file was complete, otherwise throw.
    public func close() {
        withLock {
            try? file?.close()
            file = nil
        }
    }

    private func withLock<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Makes `window` hold the `count` bytes at `offset`, refilling it from there if needed. False at end of file.
    private func ensureWindow(_ count: Int, from file: FileDescriptor) throws -> Bool {
        if offset >= windowStart && offset + Int64(count) <= windowStart + Int64(windowCount) { return true }
        let wanted = Int(min(Int64(window.count), fileSize - offset))
        let got = try window.withUnsafeMutableBytes {
            try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted]), at: offset)
        }
        windowStart = offset
        windowCount = got
        return got >= count
    }

    /// Frames the next segment in `window`. Returns the plaintext length, or nil when the final segment has been
    /// read.
    private func frameNext() throws -> Int? {
        if let failure { throw failure }
        if finished { return nil }
        do {
            guard let file else {
                throw VaultError(.invalidState, operation: "read", detail: "reader closed")
            }
            guard offset < fileSize else {
                throw VaultError(.truncated, operation: "read", detail: "file ends before its final segment")
            }
            guard try ensureWindow(SegmentCipher.lengthSize, from: file) else {
                throw VaultError(.truncated, operation: "read", detail: "segment \(counter) cut short")
            }
            let start = Int(offset - windowStart)
            let length = window.withUnsafeBytes {
                SegmentCipher.decodeLength(UnsafeRawBufferPointer(rebasing: $0[start..<start + SegmentCipher.lengthSize]))
            }
            guard length <= SegmentCipher.maxPlaintext else {
                throw VaultError(.integrity, operation: "read", detail: "segment \(counter) length out of range")
            }
            guard offset + Int64(SegmentCipher.overhead + length) <= fileSize,
                  try ensureWindow(SegmentCipher.overhead + length, from: file) else {
                throw VaultError(.truncated, operation: "read", detail: "segment \(counter) cut short")
            }
            if length == 0 {
                let tagStart = Int(offset - windowStart) + SegmentCipher.lengthSize   // the window may have moved
                let zeros = window.withUnsafeBytes {
                    SegmentCipher.isZeroFill(tag: UnsafeRawBufferPointer(rebasing: $0[tagStart..<tagStart + AESGCM.tagSize]))
                }
                if zeros, try file.isZero(from: offset) {
                    throw VaultError(.truncated, operation: "read",
                                     detail: "file ends in zeros written ahead of its data, before segment \(counter)")
                }
            }
            return length
        } catch let error as VaultError {
            fail(error)
            throw error
        }
    }

    /// Authenticates and decrypts the framed segment into `output`. The segment that ends the file must be the
    /// final one (last flag 1); every other segment must not be.
    private func openFramed(length: Int, into output: UnsafeMutableRawBufferPointer, last forced: Bool? = nil) throws {
        let end = offset + Int64(SegmentCipher.overhead + length)
        let last = forced ?? (end == fileSize)
        do {
            let start = Int(offset - windowStart) + SegmentCipher.lengthSize
            try window.withUnsafeBytes { buffer in
                let sealed = UnsafeRawBufferPointer(rebasing: buffer[start..<start + length + AESGCM.tagSize])
                do {
                    try cipher.open(counter: counter, last: last, body: sealed, into: output)
                } catch let error as VaultError where error.code == .integrity && last {
                    // Classify: an authentic non-final segment at the end of the file means the file was cut
                    // after it. Its plaintext is discarded either way.
                    if (try? cipher.open(counter: counter, last: false, body: sealed, into: output)) != nil {
                        output.initializeMemory(as: UInt8.self, repeating: 0)
                        throw VaultError(.truncated, operation: "read",
                                         detail: "file ends after segment \(counter) without its final segment")
                    }
                    throw error
                }
            }
        } catch let error as VaultError {
            fail(error)
            throw error
        }
        offset = end
        counter += 1
        bytesRead += Int64(length)
        if last {
            finished = true
            try? file?.close()
            file = nil
        }
    }

    private func fail(_ error: VaultError) {
        failure = error
        try? file?.close()
        file = nil
    }

    private func wipe(_ buffer: inout [UInt8]) {
        for index in buffer.indices { buffer[index] = 0 }
    }
}
