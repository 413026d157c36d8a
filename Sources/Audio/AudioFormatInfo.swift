/// What `AudioProbe` learned from the first bytes of an upload. Fields a container keeps out of its first bytes
/// (or that the probe does not parse) are `nil`; the decoder still checks them all.
public struct AudioFormatInfo: Hashable, Sendable {
    /// A container libsndfile reads, recognized by its magic bytes.
    public enum Container: String, Hashable, Sendable, CaseIterable {
        case wav, rf64, wave64, aiff, aifc, au, caf, flac, ogg, mp3
    }

    /// The container.
    public let container: Container
    /// Channel count, when the header states it.
    public let channels: Int?
    /// Sample rate in Hz, when the header states it.
    public let sampleRate: Int?
    /// Bits per sample of the stored samples (PCM/float/FLAC/AIFF/AU), when stated.
    public let bitsPerSample: Int?

    /// Makes a description; used by the probe and by tests.
    public init(container: Container, channels: Int? = nil, sampleRate: Int? = nil, bitsPerSample: Int? = nil) {
        self.container = container
        self.channels = channels
        self.sampleRate = sampleRate
        self.bitsPerSample = bitsPerSample
    }
}
