import Foundation

/// Journaled appends: seal now, make durable elsewhere, write to the file later (see `VaultAppender`).
///
/// The protocol for one chunk, serialized by the caller per appender:
/// 1. `seal(_:)` → `SealedSegments` for counters `committedSegments..<committedSegments + count`;
/// 2. the caller stores `bytes` durably (with `firstCounter`), then reports `journaled(_:)`; or, when that failed,
///    `abandon(_:)` — the bytes may have reached a disk, so a later seal of *different* plaintext for the same
///    counters is refused with `.exposedCounter` until the file is rewritten under a new nonce prefix;
/// 3. at any time `flushJournal()` writes the journaled segments to the file (one write, one fdatasync) and
///    returns how many data segments the file now holds: the caller may then drop its copies below that count.
/// `finish()` writes the journal and the final segment together.
extension VaultAppender {
    /// Segments sealed for the end of the file, not yet durable anywhere.
    public struct SealedSegments: Sendable {
        /// Counter (segment index) of the first segment.
        public let firstCounter: Int
        /// Number of segments (0 for an empty plaintext: nothing to store).
        public let count: Int
        /// The segments exactly as they go into the file: length field, ciphertext and tag for each.
        public let bytes: [UInt8]
        /// Plaintext bytes they carry.
        public let plaintextBytes: Int
        let fingerprints: [Int: Exposure]
    }

    /// Data segments committed so far: in the file plus journaled.
    public var committedSegments: Int { withLock { segments + journaledCount } }

    /// Sealed bytes journaled and not yet written to the file.
    public var journaledBytes: Int { withLock { journal.count } }

    /// Seals `plaintext` as the next segment(s) without writing anything. Exactly one seal may be outstanding.
    public func seal(_ plaintext: UnsafeRawBufferPointer) throws -> SealedSegments {
        try withLock {
            guard !finished else { throw VaultError(.invalidState, operation: "seal", detail: "file is finished") }
            guard !sealOutstanding else {
                throw VaultError(.invalidState, operation: "seal", detail: "a sealed append is outstanding")
            }
            let first = segments + journaledCount
            guard plaintext.count > 0 else {
                sealOutstanding = true
                return SealedSegments(firstCounter: first, count: 0, bytes: [], plaintextBytes: 0, fingerprints: [:])
            }
            let maximum = SegmentCipher.maxPlaintext
            let pieces = (plaintext.count + maximum - 1) / maximum
            // One counter value stays reserved for the final segment.
            guard first + pieces < SegmentCipher.maxSegments else {
                throw VaultError(.tooLarge, operation: "seal", detail: "segment counter exhausted")
            }
            var sealed = [UInt8](repeating: 0, count: plaintext.count + pieces * SegmentCipher.overhead)
            let fingerprints = try seal(plaintext, from: first, pieces: pieces, into: &sealed)
            guard !conflicts(fingerprints) else {
                throw VaultError(.exposedCounter, operation: "seal",
                                 detail: "segment \(first) was sealed before with other bytes")
            }
            sealOutstanding = true
            return SealedSegments(firstCounter: first, count: pieces, bytes: sealed, plaintextBytes: plaintext.count,
                                  fingerprints: fingerprints)
        }
    }

    /// `sealed` is durable elsewhere: it now counts as committed and waits in memory for `flushJournal`.
    public func journaled(_ sealed: SealedSegments) {
        withLock {
            precondition(sealOutstanding && sealed.firstCounter == segments + journaledCount,
                         "journaled() must report the outstanding seal")
            sealOutstanding = false
            for counter in sealed.fingerprints.keys { exposures[counter] = nil }
            journal += sealed.bytes
            journaledCount += sealed.count
            bytes += Int64(sealed.plaintextBytes)
        }
    }

    /// `sealed` was not stored (or not durably): forget it, but remember that its bytes may exist on disk.
    public func abandon(_ sealed: SealedSegments) {
        withLock {
            precondition(sealOutstanding, "abandon() must report the outstanding seal")
            sealOutstanding = false
            for (counter, fingerprint) in sealed.fingerprints { exposures[counter] = fingerprint }
        }
    }

    /// Writes the journaled segments to the end of the file and fdatasyncs; returns the number of data segments
    /// now in the file (segments below it need no other copy). Sealing may continue meanwhile: the write uses a
    /// snapshot and only `ioLock` is held across it. On error nothing moves; the next flush or `finish` retries.
    @discardableResult
    public func flushJournal() throws -> Int {
        try withIOLock {
            let (offset, pending, count, dirty) = withLock { (dataEnd, journal, journaledCount, tailDirty) }
            guard count > 0 else { return withLock { segments } }
            do {
                let file = try FileDescriptor.open(path, flags: O_WRONLY)
                if dirty { try file.truncate(to: offset) }
                try pending.withUnsafeBytes { try file.writeAll($0, at: offset) }
                try file.syncData()
                try file.close()
            } catch {
                withLock { tailDirty = true }
                throw error
            }
            return withLock {
                tailDirty = false
                dataEnd += Int64(pending.count)
                segments += count
                journaledCount -= count
                journal.removeFirst(pending.count)
                return segments
            }
        }
    }

    /// After `.exposedCounter`: with the journal flushed (and its durable copies dropped, since they are sealed
    /// under the old prefix), re-encrypts the file under a fresh nonce prefix so the next `seal` may proceed.
    public func rewriteForExposedCounter() throws {
        try withIOLock { try withLock {
            guard journaledCount == 0, !sealOutstanding, !finished else {
                throw VaultError(.invalidState, operation: "rewrite", detail: "flush the journal first")
            }
            try rewriteUnderNewPrefix()
        } }
    }
}
