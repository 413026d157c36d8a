/// The measurement: chunk k = 250 ms of 16 kHz s16le PCM, POSTed to the tablet's recording with `seq=k`.
struct StreamPhase: PacedPhase {
    let start: Double
    let period: Double
    let count: Int
    let pcm: PCM
    var name: String { "chunk" }
    var expectedStatus: Int { 200 }

    func build(_ tablet: Tablet, _ k: Int) {
        tablet.beginRequest("POST", "/api/recordings/\(tablet.recordingID)/chunks?seq=\(k)",
                            contentType: "audio/L16;rate=16000;channels=1", bodyLength: PCM.chunkBytes)
        pcm.append(tablet: tablet.index, seq: k, to: &tablet.outgoing)
    }

    func accepted(_ tablet: Tablet, _ k: Int, _ response: HTTPResponse) {
        tablet.chunksAcknowledged = k + 1
    }

    func unanswered(_ tablet: Tablet, _ response: HTTPResponse?) {
        // No HTTP answer (timeout, deadline, closed): the chunk may have been stored. An HTTP error: it was not.
        tablet.unconfirmedChunk = response == nil && tablet.written > 0
    }
}
