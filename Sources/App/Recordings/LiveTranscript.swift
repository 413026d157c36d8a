import Foundation
import Vault

/// What the processing workers have already transcribed of a recording that is still streaming: the text of the
/// pieces so far, where the next unread audio starts in the vault file, and the audio after the last cut. Kept in
/// memory only (transcript text is patient content; it reaches the disk only through the vault, with the final
/// result). Lost on restart, which only means the final job transcribes everything.
///
/// `@unchecked Sendable`: `due`, `running`, `disabled` and `transcribedSamples` are touched only with the
/// processing queue's `condition` held; `position`, `carried` and `texts` only by the one worker that set
/// `running` (until it clears it under the lock), or by the final job after it removed the state from the map.
final class LiveTranscript: @unchecked Sendable {
    let recording: ActiveRecording
    var due = false
    var running = false
    /// A piece failed: no more pieces; the final job transcribes the whole recording.
    var disabled = false
    var transcribedSamples: Int64 = 0
    var position = VaultReader.Position.start
    var carried: [Int16] = []
    var texts: [String] = []

    init(recording: ActiveRecording) { self.recording = recording }
}
