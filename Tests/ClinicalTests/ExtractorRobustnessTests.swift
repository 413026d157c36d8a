import Testing
import Clinical

/// Every input is hostile: short and odd transcripts must not crash the extractor. A transcript opening "- 5 year
/// old" (or "to 5", "or 5") once read the token before its start: an engine's transcript of HeldOut20 stopped the
/// benchmark, and would have stopped the server's worker. "we left for home" at the very end once made an empty
/// range of tokens (found on re-reading; this vocabulary now holds its words).
@Suite struct ExtractorRobustnessTests {
    /// Words and marks the rules look back and forward from: ranges, corrections, clocks, names, titles, readings.
    static let vocabulary = [
        "-", "to", "or", ",", ".", ":", "/", "?", "~", "%", "at", "5", "10:30", "1430", "five", "twenty", "oh", "year",
        "old", "years", "BP", "over", "pulse", "sats", "GCS", "he's", "she's", "Mr.", "Dr.", "sorry", "no", "and", "we",
        "left", "the", "house", "arrived", "on", "scene", "had", "a", "fit", "his", "her", "probe", "gave", "mg",
        "morphine", "Baby's", "Their", "last", "set", "since", "point", "hundred", "off", "reached", "with", "him",
        "for", "site", "depart", "came", "clashed", "bitten", "by", "cuff", "monitor", "thermometer", "wee",
        "temp", "nurse", "were", "was", "Left", "about", "around", "this", "morning", "fell", "went", "grey", "took",
        "tablets", "overdose", "pm", "am", "kicked", "quarter", "past", "woke", "pain", "2005", "mo", "F", "(", ")",
        "y/o", "sister", "pal", "lady", "from", "started", "got", "correction", "wife", "is", "so", "T", "38.6",
        "NaCl", "0.9%", "bolus", "IV", "Pt", "M", "Good", "afternoon", "fifty", "ten", "didn't", "believe", "it", "so",
        "checked", "manually", "which", "just", "basin", "baby", "back", "room", "by", "Arr", "Handover", "ED",
        "08:00", "18:32", "that's", "hers", "not", "ours", "nae", "oors", "theirs", "medic's", "those", "First",
        "first", "obs", "aunty", "count", "neighbour's", "meter", ";", "RR", "repeated", "taking", "own", "mum",
        "takes", "sulfa", "drugs", "aspirin", "states", "07:08", "07:02",
    ]

    /// A deterministic generator (SplitMix64), so a failure can be run again.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Int(z % UInt64(bound))
        }
    }

    @Test func everyShortTranscriptIsReadWithoutACrash() throws {
        let words = Self.vocabulary
        var texts: [String] = words
        for a in words { for b in words { texts.append(a + " " + b) } }
        var random = Generator(state: 20_261_127)
        for _ in 0..<3000 {
            let count = 3 + random.next(8)
            texts.append((0..<count).map { _ in words[random.next(words.count)] }.joined(separator: " "))
        }
        for text in texts {
            let analysis = Extractor.analyze(text)
            // (Every value it reports carries words of the transcript.)
            #expect(analysis.evidence.allSatisfy { !$0.text.isEmpty }, "\(text)")
        }
        #expect(Extractor.analyze("- 5 year old").patient.age == 5)
        // ("we left for home" at the very end once formed an empty range of tokens.)
        #expect(Extractor.analyze("we left for home").times.leftScene == nil)
    }
}
