import Audio
import Foundation
import Vault

/// One recording in progress on one device session. Chunks for it are applied one at a time under `lock`
/// (a retry and a new chunk from the same tablet can race); different recordings never share a lock, so
/// devices do not wait for each other. Holds no file descriptor between chunks (the vault opens per write), and
/// in memory at most the chunk being applied plus the sealed journal not yet flushed to the file (below
/// `flushThreshold` + one chunk; a failed flush keeps it until the next one succeeds).
///
/// `@unchecked Sendable`: every mutable field is touched only with `lock` held.
final class ActiveRecording: @unchecked Sendable {
    let id: UUID
    let ownerID: Int64
    let sessionID: String
    let lock = NSLock()
    let appender: VaultAppender
    var committedSeq: Int64
    var samples: Int64
    var resamplers: [Int: Resampler] = [:]
    var stopped = false
    /// Journal bytes that trigger a flush of this recording: 48–80 KiB, different per recording so tablets that
    /// started together do not all fdatasync in the same instant.
    let flushThreshold = Int.random(in: 48 * 1024...80 * 1024)
    /// Server-side capture (`--alsa-device`), when this recording comes from the server's microphone.
    let capture = LockedBox<ALSACapture?>(nil)

    init(id: UUID, ownerID: Int64, sessionID: String, appender: VaultAppender, committedSeq: Int64, samples: Int64) {
        self.id = id
        self.ownerID = ownerID
        self.sessionID = sessionID
        self.appender = appender
        self.committedSeq = committedSeq
        self.samples = samples
    }
}
