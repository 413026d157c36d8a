import Audio
import Testing

@Suite("AudioDecoder", .enabled(if: Tools.available))
struct DecoderTests {
    private func code(_ body: () throws -> [Int16]) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as AudioError {
            return error.code.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func decodesEveryFormatToTheSameSignal() throws {
        let fixture = try SpeechFixture.get()
        let reference = try AudioDecoder.decode(fixture.bytes("espeak.wav"))
        // espeak-ng writes 22.05 kHz mono; the decode is its duration at 16 kHz.
        let source = try fixture.bytes("espeak.wav")
        let sourceFrames = (source.count - 44) / 2
        let expectedCount = Double(sourceFrames) * 16_000 / 22_050
        #expect(abs(Double(reference.count) - expectedCount) <= 2)
        #expect(Signal.rms(reference) > 500, "speech, not silence")

        let others: [(name: String, minimumCorrelation: Double)] = [
            ("stereo44.wav", 0.99), ("phrase.flac", 0.999), ("phrase48k24.aiff", 0.99), ("float16k.wav", 0.99),
            ("phrase.ogg", 0.8),
        ]
        for (name, minimumCorrelation) in others {
            let decoded = try AudioDecoder.decode(fixture.bytes(name))
            let seconds = Double(decoded.count) / 16_000
            #expect(abs(seconds - Double(reference.count) / 16_000) < 0.02, "\(name): \(seconds) s")
            #expect(Signal.rms(decoded) > 500, "\(name) is not silence")
            let correlation = Signal.correlation(reference, decoded)
            #expect(correlation > minimumCorrelation, "\(name): correlation \(correlation)")
            let energyRatio = Signal.rms(decoded) / Signal.rms(reference)
            #expect(energyRatio > 0.9 && energyRatio < 1.1, "\(name): energy ratio \(energyRatio)")
        }
    }

    @Test func flacIsLosslessAgainstWAV() throws {
        let fixture = try SpeechFixture.get()
        #expect(try AudioDecoder.decode(fixture.bytes("phrase.flac")) == AudioDecoder.decode(fixture.bytes("espeak.wav")))
    }

    @Test func clipsFloatBeyondFullScale() throws {
        // A hand-made IEEE-float WAV at 16 kHz: values beyond ±1.0 must clip, never wrap around.
        let values: [Float] = [1.5, -1.5, 0.5, -0.25, 1.0, -1.0, 0]
        var file = WAVHeader.make(bitsPerSample: 32, dataBytes: UInt32(values.count * 4))
        file[20] = 3  // WAVE_FORMAT_IEEE_FLOAT
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { file += $0 } }
        #expect(try AudioDecoder.decode(file) == [32_767, -32_768, 16_384, -8_192, 32_767, -32_768, 0])
    }

    @Test func refusesNonAudio() {
        let html = Array("<!DOCTYPE html><html><body>not audio</body></html>".utf8)
        #expect(code { try AudioDecoder.decode(html) } == "unsupported_media_type")
        #expect(code { try AudioDecoder.decode([]) } != nil)
    }

    @Test func refusesBadHeaders() {
        var zeroChannels = WAVHeader.make(dataBytes: 3_200) + [UInt8](repeating: 1, count: 3_200)
        zeroChannels[22] = 0
        #expect(code { try AudioDecoder.decode(zeroChannels) } == "invalid_audio")
        var absurdRate = WAVHeader.make(dataBytes: 3_200) + [UInt8](repeating: 1, count: 3_200)
        absurdRate.replaceSubrange(24..<28, with: [0x40, 0x42, 0x0F, 0x00])  // 1,000,000 Hz
        #expect(code { try AudioDecoder.decode(absurdRate) } == "invalid_audio")
        let noSamples = WAVHeader.make(dataBytes: 0)
        #expect(code { try AudioDecoder.decode(noSamples) } == "invalid_audio")
    }

    @Test func refusesTooManyChannelsForTheCaller() throws {
        let fixture = try SpeechFixture.get()
        #expect(code { try AudioDecoder.decode(fixture.bytes("stereo44.wav"), maxChannels: 1) } == "invalid_audio")
    }

    @Test func enforcesTheDurationLimit() throws {
        let fixture = try SpeechFixture.get()
        #expect(code { try AudioDecoder.decode(fixture.bytes("espeak.wav"), maxDuration: 1) } == "too_long")
        #expect(code { try AudioDecoder.decode(fixture.bytes("phrase.ogg"), maxDuration: 1) } == "too_long")
        #expect(code { try AudioDecoder.decode(fixture.bytes("espeak.wav"), maxDuration: 60) } == nil)
    }

    @Test func garbageAfterAValidHeaderFailsWithACode() throws {
        let fixture = try SpeechFixture.get()
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<60_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for name in ["phrase.flac", "phrase.ogg"] {
            let file = try fixture.bytes(name)
            // Keep the container's header and metadata, replace every audio frame with random bytes.
            let headerLength = name.hasSuffix("flac") ? flacMetadataLength(file) : oggHeaderPagesLength(file)
            let corrupt = Array(file.prefix(headerLength)) + garbage
            let result = code { try AudioDecoder.decode(corrupt) }
            #expect(result == "decode_failed" || result == "invalid_audio", "\(name): \(result ?? "decoded")")
        }
    }

    /// Bytes up to the first FLAC frame: "fLaC" plus every metadata block.
    private func flacMetadataLength(_ file: [UInt8]) -> Int {
        var offset = 4
        while offset + 4 <= file.count {
            let last = file[offset] & 0x80 != 0
            let length = Int(file[offset + 1]) << 16 | Int(file[offset + 2]) << 8 | Int(file[offset + 3])
            offset += 4 + length
            if last { break }
        }
        return offset
    }

    /// Bytes of the first two Ogg pages (Vorbis identification; comment and setup headers).
    private func oggHeaderPagesLength(_ file: [UInt8]) -> Int {
        var offset = 0
        for _ in 0..<2 {
            let segments = Int(file[offset + 26])
            let body = file[(offset + 27)..<(offset + 27 + segments)].reduce(0) { $0 + Int($1) }
            offset += 27 + segments + body
        }
        return offset
    }
}
