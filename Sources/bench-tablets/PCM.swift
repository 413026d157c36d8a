/// Deterministic test audio: chunk `seq` of tablet `tablet` is the same bytes every time it is generated, so the
/// verification step can regenerate what was sent instead of keeping every chunk in memory. Each tablet's bytes
/// differ (a mix-up between recordings cannot pass), and random samples make a misplaced chunk visible.
struct PCM: Sendable {
    /// 250 ms of 16 kHz mono s16le.
    static let chunkBytes = 8_000
    let seed: UInt64

    /// Appends chunk `seq` of `tablet` (``chunkBytes`` bytes) to `buffer`.
    func append(tablet: Int, seq: Int, to buffer: inout [UInt8]) {
        var state = seed ^ (UInt64(tablet) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(seq) &* 0xD1B5_4A32_D192_ED03)
        // Whole little-endian words into the grown buffer (one byte at a time cost the client ~3% of both cores
        // at 1,000 tablets); the bytes are the same as `matches` expects.
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkBytes))
        buffer.withUnsafeMutableBytes { raw in
            var offset = start
            let end = start + Self.chunkBytes
            while offset < end {
                var word = Self.splitMix(&state).littleEndian
                let count = min(8, end - offset)
                withUnsafeBytes(of: &word) { raw.baseAddress!.advanced(by: offset).copyMemory(from: $0.baseAddress!, byteCount: count) }
                offset += count
            }
        }
    }

    /// True when `bytes` equals chunk `seq` of `tablet`.
    func matches(tablet: Int, seq: Int, _ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == Self.chunkBytes else { return false }
        var state = seed ^ (UInt64(tablet) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(seq) &* 0xD1B5_4A32_D192_ED03)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var word = Self.splitMix(&state)
            for _ in 0..<min(8, bytes.endIndex - index) {
                if bytes[index] != UInt8(truncatingIfNeeded: word) { return false }
                word >>= 8
                index += 1
            }
        }
        return true
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
