import CSndfile

/// Decodes any container libsndfile reads (WAV, RF64, FLAC, Ogg Vorbis/Opus, AIFF, AU, CAF, MP3, …) straight from
/// memory into the canonical audio: 16 kHz, mono (channels averaged), signed 16-bit, clipped. Nothing is written
/// to disk: libsndfile reads the bytes through its virtual I/O callbacks.
public enum AudioDecoder {
    /// The canonical output rate in Hz.
    public static let sampleRate = 16_000
    /// Default duration limit in seconds (4 hours: longer than any handover, shorter than a memory problem).
    public static let defaultMaxDuration: Double = 4 * 3_600

    /// Decodes `data` to 16 kHz mono 16-bit samples.
    ///
    /// - Parameters:
    ///   - maxDuration: the longest accepted audio, in seconds; checked against the header and while decoding.
    ///   - maxChannels: the most channels accepted.
    /// - Throws: `AudioError` with `.unsupportedMediaType` (libsndfile does not recognize the format),
    ///   `.invalidAudio` (0 or too many channels, a rate outside `AudioProbe.sampleRateRange`, no samples),
    ///   `.decodeFailed` (corrupt data after a valid header), `.tooLong`, or `.resampleFailed`.
    public static func decode(_ data: [UInt8], maxDuration: Double = defaultMaxDuration,
                              maxChannels: Int = AudioProbe.channelRange.upperBound) throws -> [Int16] {
        let reader = MemoryReader(data)
        let userData = Unmanaged.passRetained(reader).toOpaque()
        // Balanced: released exactly once, after sf_close or after a failed sf_open_virtual.
        defer { Unmanaged<MemoryReader>.fromOpaque(userData).release() }

        var io = MemoryReader.virtualIO
        var info = SF_INFO()
        guard let file = sf_open_virtual(&io, Int32(SFM_READ), &info, userData) else {
            // sf_error(NULL) is process-global state shared by every thread; the code comes from the probe instead,
            // which tells "not audio at all" (415) from "audio with a broken header" (400).
            let message = String(cString: sf_strerror(nil))
            do {
                _ = try AudioProbe.inspect(header: Array(data.prefix(AudioProbe.recommendedHeaderBytes)))
            } catch let error as AudioError where error.code == .unsupportedMediaType {
                throw error
            }
            throw AudioError(.invalidAudio, operation: "sf_open_virtual", detail: message)
        }
        defer { sf_close(file) }

        let channels = Int(info.channels)
        let rate = Int(info.samplerate)
        guard channels >= 1, channels <= maxChannels else {
            throw AudioError(.invalidAudio, operation: "channels", detail: "\(channels) channels")
        }
        guard AudioProbe.sampleRateRange.contains(rate) else {
            throw AudioError(.invalidAudio, operation: "sample_rate", detail: "\(rate) Hz")
        }
        let maxOutput = Int((maxDuration * Double(sampleRate)).rounded(.down))
        // SF_COUNT_MAX means "unknown" (streams); the running check below covers those.
        let knownFrames = info.frames > 0 && info.frames < sf_count_t.max ? Int(info.frames) : nil
        if let knownFrames, Double(knownFrames) / Double(rate) > maxDuration {
            throw AudioError(.tooLong, operation: "duration",
                             detail: "\(knownFrames / rate) s > \(Int(maxDuration)) s")
        }

        let resampler = rate == sampleRate ? nil : try Resampler(inputRate: rate, outputRate: sampleRate)
        let blockFrames = 8_192
        var interleaved = [Float](repeating: 0, count: blockFrames * channels)
        var mono = [Float](repeating: 0, count: blockFrames)
        var converted: [Float] = []
        var output: [Int16] = []
        if let knownFrames {
            output.reserveCapacity(min(maxOutput, Int(Double(knownFrames) * Double(sampleRate) / Double(rate)) + 1))
        }

        while true {
            let frames = interleaved.withUnsafeMutableBufferPointer {
                Int(sf_readf_float(file, $0.baseAddress, sf_count_t(blockFrames)))
            }
            let status = sf_error(file)
            guard status == Int32(SF_ERR_NO_ERROR) else {
                throw AudioError(.decodeFailed, operation: "sf_readf_float", detail: String(cString: sf_strerror(file)))
            }
            let endOfInput = frames <= 0
            if frames > 0 { mixDown(interleaved, frames: frames, channels: channels, into: &mono) }
            if let resampler {
                converted.removeAll(keepingCapacity: true)
                try mono.withUnsafeBufferPointer { block in
                    let slice = UnsafeBufferPointer(rebasing: block[0..<max(frames, 0)])
                    try resampler.process(slice, endOfInput: endOfInput, into: &converted)
                }
                SampleConversion.append(converted[...], to: &output)
            } else if frames > 0 {
                SampleConversion.append(mono[0..<frames], to: &output)
            }
            if output.count > maxOutput {
                throw AudioError(.tooLong, operation: "duration", detail: "more than \(Int(maxDuration)) s")
            }
            if endOfInput { break }
        }
        guard !output.isEmpty else {
            throw AudioError(.invalidAudio, operation: "sf_readf_float", detail: "no audio samples")
        }
        return output
    }

    /// Averages the channels of `frames` interleaved frames into `mono[0..<frames]`.
    private static func mixDown(_ interleaved: [Float], frames: Int, channels: Int, into mono: inout [Float]) {
        if channels == 1 {
            for index in 0..<frames { mono[index] = interleaved[index] }
            return
        }
        let scale = 1 / Float(channels)
        for frame in 0..<frames {
            var sum: Float = 0
            let base = frame * channels
            for channel in 0..<channels { sum += interleaved[base + channel] }
            mono[frame] = sum * scale
        }
    }
}
