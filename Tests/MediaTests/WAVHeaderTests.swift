import Audio
import Testing

@Suite("WAVHeader")
struct WAVHeaderTests {
    @Test func canonicalBytes() {
        let header = WAVHeader.make(sampleRate: 16_000, channels: 1, bitsPerSample: 16, dataBytes: 32_000)
        let expected: [UInt8] = [
            0x52, 0x49, 0x46, 0x46, 0x24, 0x7D, 0x00, 0x00,  // "RIFF", 36 + 32000
            0x57, 0x41, 0x56, 0x45, 0x66, 0x6D, 0x74, 0x20,  // "WAVE", "fmt "
            0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,  // 16, PCM, 1 channel
            0x80, 0x3E, 0x00, 0x00, 0x00, 0x7D, 0x00, 0x00,  // 16000 Hz, 32000 bytes/s
            0x02, 0x00, 0x10, 0x00, 0x64, 0x61, 0x74, 0x61,  // block 2, 16 bits, "data"
            0x00, 0x7D, 0x00, 0x00,  // 32000 bytes
        ]
        #expect(header == expected)
        #expect(header.count == WAVHeader.size)
    }

    @Test func stereoAndLargeSizes() {
        let header = WAVHeader.make(sampleRate: 48_000, channels: 2, bitsPerSample: 24, dataBytes: UInt32.max - 36)
        #expect(Array(header[4..<8]) == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(Array(header[22..<24]) == [2, 0])
        #expect(Array(header[28..<32]) == [0x00, 0x65, 0x04, 0x00])  // 288000 bytes/s
        #expect(Array(header[32..<36]) == [6, 0, 24, 0])
    }

    @Test func headerPlusPCMDecodesBitExactly() throws {
        let samples = Signal.sine(frequency: 440, rate: 16_000, count: 16_000, amplitude: 0.9)
            + [Int16.max, Int16.min, 0, -1, 1]
        let file = WAVHeader.make(dataBytes: UInt32(samples.count * 2)) + Signal.bytes(samples)
        #expect(try AudioDecoder.decode(file) == samples)
    }
}
