import Audio
import Foundation
import Vault

/// One recording in progress on one device session. Chunks for it are applied one at a time under `lock`
/// (a retry and a new chunk from the same tablet can race); different recordings never share a lock, so
/// devices do not wait for each other. Holds no file descriptor between chunks (the vault opens per append),
/// and at most one chunk of audio in memory.
///
/// `@unchecked Sendable`: every mutable field is touched only with `lock` held.
final class ActiveRecording: @unchecked Sendable {
    let id: UUID
    /// `id` as stored and shown (lowercase), made once: formatting a UUID goes through snprintf.
    let idText: String
    let ownerID: Int64
    let sessionID: String
    let lock = NSLock()
    let appender: VaultAppender
    var committedSeq: Int64
    /// Data segments of the file that belong to acknowledged chunks (a segment is fdatasync'd before its commit
    /// and cut again if the commit fails, so `appender.segmentsWritten` can briefly count one that never will be).
    var acknowledgedSegments = 0
    var samples: Int64
    var resamplers: [Int: Resampler] = [:]
    /// The 16 kHz output of the last chunk that went through a resampler and was not acknowledged (its append or
    /// commit failed): the resampler's state has moved past that input, so a retry of the same seq stores this.
    var resampledAhead: (seq: Int64, rate: Int, samples: [Int16])?
    var stopped = false
    /// Server-side capture (`--alsa-device`), when this recording comes from the server's microphone.
    let capture = LockedBox<ALSACapture?>(nil)

    init(id: UUID, ownerID: Int64, sessionID: String, appender: VaultAppender, committedSeq: Int64, samples: Int64) {
        self.id = id
        self.idText = id.lowercased
        self.ownerID = ownerID
        self.sessionID = sessionID
        self.appender = appender
        self.committedSeq = committedSeq
        self.samples = samples
    }
}
