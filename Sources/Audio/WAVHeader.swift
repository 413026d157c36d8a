/// The canonical 44-byte RIFF/WAVE header (PCM, `fmt ` then `data`), for WAV downloads assembled on the fly from
/// stored canonical PCM.
public enum WAVHeader {
    /// The header's size in bytes.
    public static let size = 44

    /// A 44-byte PCM WAV header for `dataBytes` bytes of interleaved little-endian samples that follow it.
    ///
    /// - Precondition: `dataBytes <= UInt32.max - 36` (the RIFF size field must not overflow), `channels > 0`,
    ///   `bitsPerSample` a multiple of 8.
    public static func make(sampleRate: Int = 16_000, channels: Int = 1, bitsPerSample: Int = 16,
                            dataBytes: UInt32) -> [UInt8] {
        precondition(dataBytes <= UInt32.max - 36, "WAV data larger than 4 GiB - 36 bytes")
        precondition(channels > 0 && channels <= Int(UInt16.max), "channel count out of range")
        precondition(bitsPerSample > 0 && bitsPerSample % 8 == 0, "bits per sample must be whole bytes")
        precondition(sampleRate > 0 && sampleRate <= Int(UInt32.max), "sample rate out of range")
        let blockAlign = channels * bitsPerSample / 8
        var header: [UInt8] = []
        header.reserveCapacity(size)
        header += Array("RIFF".utf8)
        appendLE(&header, 36 + dataBytes)
        header += Array("WAVEfmt ".utf8)
        appendLE(&header, UInt32(16))
        appendLE(&header, UInt16(1))  // WAVE_FORMAT_PCM
        appendLE(&header, UInt16(channels))
        appendLE(&header, UInt32(sampleRate))
        appendLE(&header, UInt32(sampleRate * blockAlign))
        appendLE(&header, UInt16(blockAlign))
        appendLE(&header, UInt16(bitsPerSample))
        header += Array("data".utf8)
        appendLE(&header, dataBytes)
        return header
    }

    private static func appendLE<T: FixedWidthInteger>(_ bytes: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
