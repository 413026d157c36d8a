/// Downloads the stored recording of each sampled tablet as WAV and compares its PCM, byte for byte, with every
/// chunk the server acknowledged (regenerated from the deterministic source).
struct VerifyPhase: Phase {
    let sample: Set<Int>
    let pcm: PCM
    var name: String { "verify" }
    var maxInFlight: Int { 4 }
    var requestTimeout: Double { 60 }

    func prepareNext(_ tablet: Tablet, now: Double) -> Double? {
        guard tablet.phaseStep == 0, sample.contains(tablet.index), !tablet.recordingID.isEmpty else { return nil }
        tablet.beginRequest("GET", "/api/recordings/\(tablet.recordingID)/files/recording")
        return now
    }

    func finished(_ tablet: Tablet, _ response: HTTPResponse?, failure: String?, now: Double, stats: inout LoopStats) {
        guard let response, response.status == 200 else {
            tablet.verified = false
            return reject(tablet, response, failure: failure, stats: &stats)
        }
        // Every acknowledged chunk, in order; plus possibly the one whose answer never came.
        let body = response.body
        let stored = (body.count - 44) / PCM.chunkBytes
        var good = body.count >= 44 && (body.count - 44) % PCM.chunkBytes == 0
            && (stored == tablet.chunksAcknowledged || (tablet.unconfirmedChunk && stored == tablet.chunksAcknowledged + 1))
            && Array(body.prefix(4)) == Array("RIFF".utf8)
            && Array(body.dropFirst(8).prefix(4)) == Array("WAVE".utf8)
        if good {
            let dataSize = body.dropFirst(40).prefix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
            good = dataSize == body.count - 44
        }
        var seq = 0
        while good && seq < stored {
            let from = body.startIndex + 44 + seq * PCM.chunkBytes
            good = pcm.matches(tablet: tablet.index, seq: seq, body[from..<(from + PCM.chunkBytes)])
            seq += 1
        }
        tablet.verified = good
        if good { stats.succeeded += 1 } else { stats.fail("verify:mismatch") }
    }
}
