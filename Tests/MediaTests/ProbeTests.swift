import Audio
import Testing

@Suite("AudioProbe")
struct ProbeTests {
    /// A canonical WAV header with one field patched (little-endian), for crafted bad headers.
    private func wav(patching offset: Int? = nil, with value: UInt32 = 0, width: Int = 2) -> [UInt8] {
        var header = WAVHeader.make(sampleRate: 16_000, channels: 1, bitsPerSample: 16, dataBytes: 3_200)
        if let offset {
            for index in 0..<width { header[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        }
        return header + [UInt8](repeating: 0, count: 3_200)
    }

    private func code(_ body: () throws -> AudioFormatInfo) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as AudioError {
            return error.code.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func acceptsCanonicalWAV() throws {
        let info = try AudioProbe.inspect(header: wav())
        #expect(info == AudioFormatInfo(container: .wav, channels: 1, sampleRate: 16_000, bitsPerSample: 16))
    }

    @Test func rejectsHTMLRenamedAsWAV() {
        let html = Array("<!DOCTYPE html>\n<html><head><title>Login</title></head><body></body></html>".utf8)
        #expect(code { try AudioProbe.inspect(header: html) } == "unsupported_media_type")
        #expect(code { try AudioProbe.inspect(header: []) } == "unsupported_media_type")
        #expect(code { try AudioProbe.inspect(header: Array("{\"a\":1}".utf8)) } == "unsupported_media_type")
    }

    @Test func rejectsOtherRIFFForms() {
        var avi = wav()
        avi.replaceSubrange(8..<12, with: Array("AVI ".utf8))
        #expect(code { try AudioProbe.inspect(header: avi) } == "unsupported_media_type")
    }

    @Test func rejectsTruncatedHeaders() {
        let full = wav()
        for length in [4, 11, 12, 20, 30, 35] {
            #expect(code { try AudioProbe.inspect(header: Array(full.prefix(length))) } == "invalid_audio",
                    "prefix of \(length) bytes")
        }
        // The fmt chunk is complete at 36 bytes: enough for the probe.
        #expect(code { try AudioProbe.inspect(header: Array(full.prefix(36))) } == nil)
    }

    @Test func rejectsOutOfRangeFormats() {
        #expect(code { try AudioProbe.inspect(header: wav(patching: 22, with: 0)) } == "invalid_audio")  // 0 channels
        #expect(code { try AudioProbe.inspect(header: wav(patching: 22, with: 9)) } == "invalid_audio")  // 9 channels
        #expect(code { try AudioProbe.inspect(header: wav(patching: 24, with: 0, width: 4)) } == "invalid_audio")
        #expect(code { try AudioProbe.inspect(header: wav(patching: 24, with: 1_000_000, width: 4)) }
                == "invalid_audio")
        #expect(code { try AudioProbe.inspect(header: wav(patching: 24, with: 4_000, width: 4)) } == "invalid_audio")
        #expect(code { try AudioProbe.inspect(header: wav(patching: 34, with: 12)) } == "invalid_audio")  // 12-bit PCM
        #expect(code { try AudioProbe.inspect(header: wav(patching: 20, with: 0)) } == "invalid_audio")  // tag 0
        #expect(code { try AudioProbe.inspect(header: wav(patching: 20, with: 0x1234)) } == "unsupported_media_type")
        #expect(code { try AudioProbe.inspect(header: wav(patching: 24, with: 192_000, width: 4)) } == nil)
    }

    @Test func findsFmtAfterOtherChunks() throws {
        var header = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WAVE".utf8)
        header += Array("LIST".utf8) + [5, 0, 0, 0] + Array("INFOx".utf8) + [0]  // odd size: one pad byte
        header += Array(WAVHeader.make(sampleRate: 44_100, channels: 2, dataBytes: 0)[12...])
        let info = try AudioProbe.inspect(header: header)
        #expect(info == AudioFormatInfo(container: .wav, channels: 2, sampleRate: 44_100, bitsPerSample: 16))
    }

    @Test(.enabled(if: Tools.available)) func readsGeneratedContainers() throws {
        let fixture = try SpeechFixture.get()
        let prefix = AudioProbe.recommendedHeaderBytes
        #expect(try AudioProbe.inspect(header: Array(fixture.bytes("espeak.wav").prefix(prefix)))
                == AudioFormatInfo(container: .wav, channels: 1, sampleRate: 22_050, bitsPerSample: 16))
        #expect(try AudioProbe.inspect(header: Array(fixture.bytes("stereo44.wav").prefix(prefix)))
                == AudioFormatInfo(container: .wav, channels: 2, sampleRate: 44_100, bitsPerSample: 16))
        #expect(try AudioProbe.inspect(header: Array(fixture.bytes("phrase.flac").prefix(prefix)))
                == AudioFormatInfo(container: .flac, channels: 1, sampleRate: 22_050, bitsPerSample: 16))
        #expect(try AudioProbe.inspect(header: Array(fixture.bytes("phrase.ogg").prefix(prefix)))
                == AudioFormatInfo(container: .ogg, channels: 1, sampleRate: 22_050))
        #expect(try AudioProbe.inspect(header: Array(fixture.bytes("phrase48k24.aiff").prefix(prefix)))
                == AudioFormatInfo(container: .aiff, channels: 1, sampleRate: 48_000, bitsPerSample: 24))
        let float = try AudioProbe.inspect(header: Array(fixture.bytes("float16k.wav").prefix(prefix)))
        #expect(float.sampleRate == 16_000 && float.bitsPerSample == 32 && float.channels == 1)
    }

    @Test(.enabled(if: Tools.available)) func rejectsTruncatedGeneratedHeaders() throws {
        let fixture = try SpeechFixture.get()
        #expect(code { try AudioProbe.inspect(header: Array(fixture.bytes("phrase.flac").prefix(20))) }
                == "invalid_audio")
        #expect(code { try AudioProbe.inspect(header: Array(fixture.bytes("phrase.ogg").prefix(30))) }
                == "invalid_audio")
        #expect(code { try AudioProbe.inspect(header: Array(fixture.bytes("phrase48k24.aiff").prefix(24))) }
                == "invalid_audio")
    }
}
