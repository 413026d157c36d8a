/// A cheap check of the first bytes of an upload, made BEFORE anything is stored: is this a container libsndfile
/// reads, and are the channel count, sample rate and sample size stated in its header sane?
///
/// The probe parses headers only; `AudioDecoder` remains the final judge of the body.
public enum AudioProbe {
    /// How many leading bytes callers should pass (or the whole body when it is shorter). Chunks such as `LIST` or
    /// `bext` may precede a WAV `fmt ` chunk; a `fmt ` chunk beyond this prefix is reported as `invalid_audio`.
    public static let recommendedHeaderBytes = 64 * 1024
    /// Accepted channel counts (the decoder's default limit as well).
    public static let channelRange = 1...8
    /// Accepted sample rates in Hz.
    public static let sampleRateRange = 8_000...192_000

    /// Recognizes the container from its magic bytes and checks what its header states.
    ///
    /// - Throws: `AudioError` with `.unsupportedMediaType` for unknown magic (HTML, JSON, video, an unsupported
    ///   codec) and `.invalidAudio` for a recognized container with a truncated or out-of-range header.
    public static func inspect(header: [UInt8]) throws -> AudioFormatInfo {
        let bytes = HeaderBytes(header)
        if bytes.matches("RIFF", at: 0) || bytes.matches("RF64", at: 0) {
            return try inspectRIFF(bytes)
        }
        if bytes.matches("fLaC", at: 0) { return try inspectFLAC(bytes) }
        if bytes.matches("OggS", at: 0) { return try inspectOgg(bytes) }
        if bytes.matches("FORM", at: 0) { return try inspectAIFF(bytes) }
        if bytes.matches(".snd", at: 0) { return try inspectAU(bytes) }
        if bytes.matches("caff", at: 0) { return try inspectCAF(bytes) }
        if bytes.matches(wave64RIFF, at: 0) { return try validated(AudioFormatInfo(container: .wave64)) }
        if bytes.matches("ID3", at: 0) { return AudioFormatInfo(container: .mp3) }
        if let info = mpegFrame(bytes) { return try validated(info) }
        throw AudioError(.unsupportedMediaType, operation: "magic", detail: "not a known audio container")
    }

    // MARK: - Containers

    private static func inspectRIFF(_ bytes: HeaderBytes) throws -> AudioFormatInfo {
        let container: AudioFormatInfo.Container = bytes.matches("RF64", at: 0) ? .rf64 : .wav
        guard bytes.count >= 12 else { throw truncated("riff") }
        guard bytes.matches("WAVE", at: 8) else {
            throw AudioError(.unsupportedMediaType, operation: "riff", detail: "RIFF form is not WAVE")
        }
        var offset = 12
        while true {
            guard let id = bytes.fourCC(at: offset), let size = bytes.uint32LE(at: offset + 4) else {
                throw truncated("wav_fmt")
            }
            let body = offset + 8
            if id == "fmt " {
                return try wavFormat(bytes, body: body, size: Int(size), container: container)
            }
            if id == "data" {
                throw AudioError(.invalidAudio, operation: "wav_fmt", detail: "data chunk before fmt chunk")
            }
            // Chunks are padded to an even size. RF64 keeps the real sizes in ds64; its own size is small.
            offset = body + Int(size) + Int(size & 1)
        }
    }

    private static func wavFormat(_ bytes: HeaderBytes, body: Int, size: Int,
                                  container: AudioFormatInfo.Container) throws -> AudioFormatInfo {
        guard size >= 16 else {
            throw AudioError(.invalidAudio, operation: "wav_fmt", detail: "fmt chunk of \(size) bytes")
        }
        guard var tag = bytes.uint16LE(at: body), let channels = bytes.uint16LE(at: body + 2),
              let rate = bytes.uint32LE(at: body + 4), let bits = bytes.uint16LE(at: body + 14)
        else { throw truncated("wav_fmt") }
        if tag == 0xFFFE {  // WAVE_FORMAT_EXTENSIBLE: the real codec is the sub-format GUID's first two bytes.
            guard size >= 40 else {
                throw AudioError(.invalidAudio, operation: "wav_fmt", detail: "short extensible fmt chunk")
            }
            guard let subFormat = bytes.uint16LE(at: body + 24) else { throw truncated("wav_fmt") }
            tag = subFormat
        }
        let bitsOK: Bool
        switch tag {
        case 0x0001: bitsOK = [8, 16, 24, 32].contains(bits)  // PCM
        case 0x0003: bitsOK = [32, 64].contains(bits)  // IEEE float
        case 0x0006, 0x0007: bitsOK = bits == 8  // A-law, µ-law
        case 0x0002, 0x0011, 0x0031, 0x0040, 0x0055: bitsOK = bits <= 16  // ADPCMs, GSM 6.10, G.721, MPEG-3
        case 0x0000:
            throw AudioError(.invalidAudio, operation: "wav_fmt", detail: "format tag 0")
        default:
            throw AudioError(.unsupportedMediaType, operation: "wav_fmt",
                             detail: "WAV codec 0x\(String(tag, radix: 16)) not supported")
        }
        guard bitsOK else {
            throw AudioError(.invalidAudio, operation: "wav_fmt", detail: "\(bits) bits for codec 0x\(String(tag, radix: 16))")
        }
        return try validated(AudioFormatInfo(container: container, channels: Int(channels), sampleRate: Int(rate),
                                             bitsPerSample: Int(bits)))
    }

    private static func inspectFLAC(_ bytes: HeaderBytes) throws -> AudioFormatInfo {
        // "fLaC", then the STREAMINFO block: 1 byte type (0), 3 bytes length (34), 34 bytes body.
        guard let type = bytes.byte(at: 4), let b10 = bytes.byte(at: 18), let b11 = bytes.byte(at: 19),
              let b12 = bytes.byte(at: 20), let b13 = bytes.byte(at: 21)
        else { throw truncated("flac_streaminfo") }
        guard type & 0x7F == 0 else {
            throw AudioError(.invalidAudio, operation: "flac_streaminfo", detail: "first block is not STREAMINFO")
        }
        let rate = Int(b10) << 12 | Int(b11) << 4 | Int(b12) >> 4
        let channels = Int(b12 >> 1 & 0x07) + 1
        let bits = (Int(b12 & 1) << 4 | Int(b13 >> 4)) + 1
        return try validated(AudioFormatInfo(container: .flac, channels: channels, sampleRate: rate,
                                             bitsPerSample: bits))
    }

    private static func inspectOgg(_ bytes: HeaderBytes) throws -> AudioFormatInfo {
        // Page header: 27 bytes, byte 26 = number of lacing values, then the first packet.
        guard let segments = bytes.byte(at: 26) else { throw truncated("ogg_page") }
        let packet = 27 + Int(segments)
        if bytes.matches([0x01] + Array("vorbis".utf8), at: packet) {
            guard let channels = bytes.byte(at: packet + 11), let rate = bytes.uint32LE(at: packet + 12) else {
                throw truncated("ogg_vorbis")
            }
            return try validated(AudioFormatInfo(container: .ogg, channels: Int(channels), sampleRate: Int(rate)))
        }
        if bytes.matches("OpusHead", at: packet) {
            guard let channels = bytes.byte(at: packet + 9) else { throw truncated("ogg_opus") }
            // Opus always decodes at 48 kHz; the stated input rate is informative and may be 0.
            return try validated(AudioFormatInfo(container: .ogg, channels: Int(channels), sampleRate: 48_000))
        }
        if bytes.matches([0x7F] + Array("FLAC".utf8), at: packet) {
            return AudioFormatInfo(container: .ogg)
        }
        guard bytes.count >= packet + 8 else { throw truncated("ogg_page") }
        throw AudioError(.unsupportedMediaType, operation: "ogg", detail: "Ogg stream is not Vorbis, Opus or FLAC")
    }

    private static func inspectAIFF(_ bytes: HeaderBytes) throws -> AudioFormatInfo {
        guard bytes.count >= 12 else { throw truncated("aiff") }
        let container: AudioFormatInfo.Container
        if bytes.matches("AIFF", at: 8) {
            container = .aiff
        } else if bytes.matches("AIFC", at: 8) {
            container = .aifc
        } else {
            throw AudioError(.unsupportedMediaType, operation: "aiff", detail: "IFF form is not AIFF/AIFC")
        }
        var offset = 12
        while true {
            guard let id = bytes.fourCC(at: offset), let size = bytes.uint32BE(at: offset + 4) else {
                throw truncated("aiff_comm")
            }
            let body = offset + 8
            if id == "COMM" {
                guard let channels = bytes.uint16BE(at: body), let bits = bytes.uint16BE(at: body + 6),
                      let rate = bytes.extended80(at: body + 8)
                else { throw truncated("aiff_comm") }
                guard (1...32).contains(bits) else {
                    throw AudioError(.invalidAudio, operation: "aiff_comm", detail: "\(bits) bits per sample")
                }
                return try validated(AudioFormatInfo(container: container, channels: Int(channels),
                                                     sampleRate: rate, bitsPerSample: Int(bits)))
            }
            if id == "SSND" {
                throw AudioError(.invalidAudio, operation: "aiff_comm", detail: "SSND chunk before COMM chunk")
            }
            offset = body + Int(size) + Int(size & 1)
        }
    }

    private static func inspectAU(_ bytes: HeaderBytes) throws -> AudioFormatInfo {
        guard let encoding = bytes.uint32BE(at: 12), let rate = bytes.uint32BE(at: 16),
              let channels = bytes.uint32BE(at: 20)
        else { throw truncated("au") }
        let bitsByEncoding: [UInt32: Int] = [1: 8, 2: 8, 3: 16, 4: 24, 5: 32, 6: 32, 7: 64, 23: 4, 25: 3, 26: 5, 27: 8]
        guard let bits = bitsByEncoding[encoding] else {
            throw AudioError(.unsupportedMediaType, operation: "au", detail: "AU encoding \(encoding) not supported")
        }
        return try validated(AudioFormatInfo(container: .au, channels: Int(channels), sampleRate: Int(rate),
                                             bitsPerSample: bits))
    }

    private static func inspectCAF(_ bytes: HeaderBytes) throws -> AudioFormatInfo {
        // "caff", version, flags; then the mandatory first chunk "desc" (8-byte big-endian size).
        guard bytes.fourCC(at: 8) != nil, let rateBits = bytes.uint64BE(at: 20),
              let channels = bytes.uint32BE(at: 48), let bits = bytes.uint32BE(at: 52)
        else { throw truncated("caf_desc") }
        guard bytes.matches("desc", at: 8) else {
            throw AudioError(.invalidAudio, operation: "caf_desc", detail: "first chunk is not desc")
        }
        let rate = Double(bitPattern: rateBits)
        guard rate.isFinite, rate >= 0, rate < 1e7 else {
            throw AudioError(.invalidAudio, operation: "caf_desc", detail: "sample rate not a plain number")
        }
        return try validated(AudioFormatInfo(container: .caf, channels: Int(channels), sampleRate: Int(rate),
                                             bitsPerSample: bits == 0 ? nil : Int(bits)))
    }

    /// An MPEG-1/2/2.5 Layer III frame header at offset 0 (an MP3 without an ID3 tag).
    private static func mpegFrame(_ bytes: HeaderBytes) -> AudioFormatInfo? {
        guard let b0 = bytes.byte(at: 0), let b1 = bytes.byte(at: 1), let b2 = bytes.byte(at: 2),
              let b3 = bytes.byte(at: 3), b0 == 0xFF, b1 & 0xE0 == 0xE0
        else { return nil }
        let version = b1 >> 3 & 0x03  // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
        let layer = b1 >> 1 & 0x03  // 1: Layer III
        let bitrateIndex = b2 >> 4
        let rateIndex = Int(b2 >> 2 & 0x03)
        guard version != 1, layer == 1, bitrateIndex != 0x0F, bitrateIndex != 0, rateIndex != 3 else { return nil }
        let rates = version == 3 ? [44_100, 48_000, 32_000] : version == 2 ? [22_050, 24_000, 16_000]
            : [11_025, 12_000, 8_000]
        return AudioFormatInfo(container: .mp3, channels: b3 >> 6 == 3 ? 1 : 2, sampleRate: rates[rateIndex])
    }

    // MARK: - Checks

    private static let wave64RIFF: [UInt8] = [0x72, 0x69, 0x66, 0x66, 0x2E, 0x91, 0xCF, 0x11,
                                              0xA5, 0xD6, 0x28, 0xDB, 0x04, 0xC1, 0x00, 0x00]

    private static func validated(_ info: AudioFormatInfo) throws -> AudioFormatInfo {
        if let channels = info.channels, !channelRange.contains(channels) {
            throw AudioError(.invalidAudio, operation: "channels", detail: "\(channels) channels")
        }
        if let rate = info.sampleRate, !sampleRateRange.contains(rate) {
            throw AudioError(.invalidAudio, operation: "sample_rate", detail: "\(rate) Hz")
        }
        return info
    }

    private static func truncated(_ operation: String) -> AudioError {
        AudioError(.invalidAudio, operation: operation, detail: "header truncated")
    }
}

/// Bounds-checked reads from the header prefix: every accessor returns nil past the end.
private struct HeaderBytes {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var count: Int { bytes.count }

    func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    func matches(_ magic: String, at offset: Int) -> Bool { matches(Array(magic.utf8), at: offset) }

    func matches(_ magic: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= bytes.count - magic.count else { return false }
        return bytes[offset..<offset + magic.count].elementsEqual(magic)
    }

    func fourCC(at offset: Int) -> String? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        return String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    func uint16LE(at offset: Int) -> UInt16? { integer(at: offset, width: 2, bigEndian: false).map { UInt16($0) } }
    func uint32LE(at offset: Int) -> UInt32? { integer(at: offset, width: 4, bigEndian: false).map { UInt32($0) } }
    func uint16BE(at offset: Int) -> UInt16? { integer(at: offset, width: 2, bigEndian: true).map { UInt16($0) } }
    func uint32BE(at offset: Int) -> UInt32? { integer(at: offset, width: 4, bigEndian: true).map { UInt32($0) } }
    func uint64BE(at offset: Int) -> UInt64? { integer(at: offset, width: 8, bigEndian: true) }

    /// An 80-bit IEEE 754 extended float (AIFF sample rate), rounded to an integer; nil when out of range.
    func extended80(at offset: Int) -> Int? {
        guard let signExponent = uint16BE(at: offset), let mantissa = uint64BE(at: offset + 2) else { return nil }
        let exponent = Int(signExponent & 0x7FFF) - 16_383 - 63
        guard signExponent & 0x8000 == 0, mantissa != 0 else { return 0 }
        guard exponent < 0 else { return Int.max }  // ≥ 2^63 Hz: absurd, reported by the range check.
        guard exponent > -64 else { return 0 }
        let value = Double(mantissa) * Double(sign: .plus, exponent: exponent, significand: 1)
        return Int(value.rounded())
    }

    private func integer(at offset: Int, width: Int, bigEndian: Bool) -> UInt64? {
        guard offset >= 0, offset <= bytes.count - width else { return nil }
        var value: UInt64 = 0
        for index in 0..<width {
            let byte = UInt64(bytes[bigEndian ? offset + index : offset + width - 1 - index])
            value = value << 8 | byte
        }
        return value
    }
}
