/// A text-to-speech voice the corpus is synthesized with (the same settings as scripts/make-engine-transcripts.sh,
/// so NAME.<engine>-<voice>.txt files of different engines come from the same audio).
enum Voice: String, CaseIterable, Sendable {
    /// Festival's HTS voice `cmu_us_slt_arctic_hts` (Debian festvox-us-slt-hts): a natural female US voice.
    case festival
    /// espeak-ng `en-us+klatt2` at 150 words per minute: a formant (robotic) voice.
    case espeak

    /// The program and arguments that write `text` (a file) as a WAV at `output`.
    func command(text: String, output: String) -> (tool: String, arguments: [String]) {
        switch self {
        case .festival:
            return ("text2wave", ["-eval", "(voice_cmu_us_slt_arctic_hts)", "-o", output, text])
        case .espeak:
            return ("espeak-ng", ["-v", "en-us+klatt2", "-s", "150", "-w", output, "-f", text])
        }
    }
}
