import Audio
import Clinical
import Foundation
import Speech

/// The pipeline's steps for the command line: the same decoder, engines and extractor the server runs.
public enum Offline {
    /// Decodes `audio` (any format libsndfile reads, in memory) and transcribes it with the chosen engine.
    public static func transcribe(_ audio: [UInt8], asr: String) throws -> String {
        let samples = try AudioDecoder.decode(audio)
        let engine = try Application.speechFactory(asr).makeEngine()
        return try engine.transcribe(samples: samples)
    }

    /// analysis.json for a transcript.
    public static func analyze(_ transcript: String) throws -> Data {
        try Extractor.analyze(transcript).jsonData()
    }
}
