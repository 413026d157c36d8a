import Testing
import Clinical

/// What the first measurement of HeldOut16 found, fixed: a crew time said with "last night" in a handover given after
/// midnight, and an estimate followed by the monitor's reading.
@Suite struct HeldOut16FindingsTests {
    /// "We were on scene at eleven fifty-two last night, and we left at twelve twenty-five, so just after midnight."
    @Test func aCrewTimeOfLastNightAnchorsTheTimesAfterMidnight() {
        let words = Extractor.analyze("We were on scene at eleven fifty-two last night, and we left at twelve twenty-five, so just after midnight. First set at eleven fifty-eight: BP one thirty-two over seventy-six. Ondansetron four milligrams IV at twelve oh five. Second set at ten past twelve: pulse fifty-eight.")
        #expect(words.times.onScene == "23:52" && words.times.leftScene == "00:25")
        #expect(words.vitalsSeries.map(\.time) == ["23:58", "00:10"])
        #expect(words.medicationsGiven.first?.time == "00:05")
        // Whisper's digits.
        let digits = Extractor.analyze("We were on scene at 1152 last night and we left at 1225, so just after midnight.")
        #expect(digits.times.onScene == "23:52" && digits.times.leftScene == "00:25")
        // Someone else's last night is no anchor: the time after it keeps its reading.
        #expect(Extractor.analyze("He went to bed at eleven last night. We left at twelve twenty-five.").times.leftScene == "12:25")
        // Only a scene time: a relative's call or a carer's obs last night anchor nothing (review 49).
        let carers = Extractor.analyze("Carers did her obs at ten last night, all normal. She became confused this afternoon. On scene at three forty, left at four ten.")
        #expect(carers.times.onScene == "15:40" && carers.times.leftScene == "16:10")
        let daughter = Extractor.analyze("Her daughter called at ten last night to say she was fine. This afternoon she was found on the floor and we arrived at four twenty.")
        #expect(daughter.times.onScene == "16:20")
        // A later day told after it: that night was another job.
        #expect(Extractor.analyze("We left scene at ten last night, he refused to travel. Today we were called back at eleven and on scene at eleven twenty.").times.onScene == "11:20")
    }

    /// PocketSphinx writes the handover as one sentence: a word of a plan twenty words on ("so pressure's going up")
    /// does not make the crew's time another day's.
    @Test func aLongEngineSentenceIsReadNearTheTime() {
        let a = Extractor.analyze("we were on scene at eleven fifty two last night and we left at twelve twenty five said just after midnight first set at eleven fifty eight bp one thirty two over seventy six so pressure's going up")
        #expect(a.times.leftScene == "00:25" && a.vitalsSeries.first?.time == "23:58")
        // Before the time, the whole sentence still counts: "Yesterday …, and then she had a fall at 4 pm" is no
        // anchor however long the sentence (review 49).
        #expect(Extractor.analyze("Yesterday she went out with her daughter to the shops, had lunch in town, came home, and then she had a fall in the kitchen at 4 pm. We were on scene at seven ten.").times.onScene == nil)
        #expect(Extractor.analyze("She's on ramipril and bisoprolol; her tablets are in a dosette box that the pharmacy fills, and the carers give them to her with her breakfast at 8 am. On scene at one forty.").times.onScene == nil)
        // In its own words the plan still makes a time no anchor: "going to" is not today's.
        let b = Extractor.analyze("we were going to see her at eleven fifty two tonight and left at twelve twenty five")
        #expect(b.times.leftScene == "12:25")
    }

    /// "We got the call at 14:05. She was fine this morning, … then the pain started at 1:15": "this morning" alone
    /// leaves an onset in doubt, so it is read against the call.
    @Test func anOnsetAfterThisMorningIsReadAgainstTheCall() {
        #expect(Extractor.analyze("We got the call at 14:05. She was fine this morning, went to the shops, then the pain started at 1:15 just after lunch.").times.onset == "13:15")
        // Only in the four hours before the call, on its own day (review 49).
        #expect(Extractor.analyze("Called at 00:45. She had her breakfast this morning and then the chest pain started at 9:15, she's had it all day.").times.onset == "09:15")
        #expect(Extractor.analyze("Call at 23:55. She had a fall this morning and the hip pain started at 4:30.").times.onset == "04:30")
        // Neither half fits the call: no onset read from words.
        #expect(Extractor.analyze("We got the call at 14:05. She was fine this morning, then the pain started at four fifteen.").times.onset == nil)
    }

    /// "Pulse about a hundred, a hundred and four on the monitor": the monitor's reading replaces the estimate.
    @Test func theMonitorsReadingReplacesAnEstimate() {
        let a = Extractor.analyze("Pulse about a hundred, a hundred and four on the monitor, BP one forty-two over eighty-eight.")
        #expect(a.vitals.hr == 104 && a.vitalsSeries.count == 1)
        #expect(a.evidence.first { $0.path == "vitals.hr" }?.text == "Pulse about a hundred, a hundred and four")
        #expect(Extractor.analyze("Resps about twenty, twenty-two on the monitor, sats 95.").vitals.rr == 22)
        // Followed by what makes it another reading, or an earlier one: the estimate stands (review 49).
        #expect(Extractor.analyze("Pulse roughly 110, 98 on the monitor on air.").vitals.hr == 110)
        #expect(Extractor.analyze("Heart rate about 100, 96 on the monitor, that's her sats.").vitals.hr == 100)
        #expect(Extractor.analyze("HR about 120, 110 on the monitor when we arrived, now about 120.").vitals.hr == 120)
        // Not said with a device, not an estimate, or too far from it: the first reading stands.
        #expect(Extractor.analyze("Pulse about a hundred, ninety-six on the sats probe.").vitals.hr == 100)
        #expect(Extractor.analyze("Pulse a hundred, a hundred and four on the monitor.").vitals.hr == 100)
        #expect(Extractor.analyze("Pulse about a hundred, a hundred and forty on the monitor.").vitals.hr == 100)
    }
}
