import Testing
import Clinical

/// Twelve-hour times said without am/pm ("on scene at four twenty-six", "repeat at five o'clock", Whisper's "at
/// 426") are read against the times said around them; a reading with its own time ("BP at 13:50 was 100/65") gives
/// the set its time. Before, the words were unread and the digits read as the morning whatever came before.
@Suite struct DayAnchorTests {
    /// After an afternoon time, the bare times that follow are the afternoon's.
    @Test func afternoonCarries() {
        let a = Extractor.analyze("""
            Onset at about ten after four this afternoon. We got on scene at four twenty-six. BP 120/80. We gave \
            morphine 5 mg IV at four forty. Left scene four forty-eight. Repeat at five o'clock, pulse 80.
            """)
        #expect(a.times.onset == "16:10" && a.times.onScene == "16:26" && a.times.leftScene == "16:48")
        #expect(a.medicationsGiven.map(\.time) == ["16:40"])
        #expect(a.vitalsSeries.map(\.time) == [nil, "17:00"])
        // Digits, as Whisper writes them, after a pm time said today and after "this afternoon" said with a time.
        #expect(Extractor.analyze("Fell at 3pm today. We got on scene at 4:26. BP 120/80.").times.onScene == "16:26")
        #expect(Extractor.analyze("Fell at about 10 after 4 this afternoon. At patient at 442.").times.atPatient == "16:42")
        #expect(Extractor.analyze("Onset 4 pm. On scene at 426, left scene at 450.").times.leftScene == "16:50")
        // "this afternoon" alone, and "tonight" for the spoken hours ten to twelve.
        #expect(Extractor.analyze("Fell this afternoon. On scene at 2:25. BP 120/80.").times.onScene == "14:25")
        #expect(Extractor.analyze("Tonight it got worse. On scene at eleven twenty-three.").times.onScene == "23:23")
        // Digits with a part of the day after them.
        #expect(Extractor.analyze("On scene at 1:40 this afternoon.").times.onScene == "13:40")
        #expect(Extractor.analyze("Onset 10:30 tonight.").times.onset == "22:30")
    }

    /// The windows: a time goes forward from the one before it (past midnight too); an onset may lie before it.
    @Test func windows() {
        #expect(Extractor.analyze("Last known well 10 pm last night. On scene at 632.").times.onScene == "06:32")
        // (A time of the story: from it to nine hours on if it was before noon, four if after; more is in doubt,
        // and digits keep their written reading.)
        #expect(Extractor.analyze("Pain started at 9 this morning. On scene at 426.").times.onScene == "16:26")
        #expect(Extractor.analyze("Pain started at 1 pm today. On scene at 226.").times.onScene == "14:26")
        #expect(Extractor.analyze("Pain started at 1 pm today. On scene at 626.").times.onScene == "06:26")
        // A night between: the time before is the day before's.
        #expect(Extractor.analyze("Feeling off since his tea at 5 pm. She went to bed at 10, got up at 6 and found him. On scene at 6:24.")
                    .times.onScene == "06:24")
        #expect(Extractor.analyze("On scene at 14:00. Pain started at 9:30.").times.onset == "09:30")
        let work = Extractor.analyze("At work from about seven this morning, back pain started at ten o'clock.")
        #expect(work.times.onset == "10:00")
        #expect(Extractor.analyze("On scene at 4:26. BP 120/80. Repeat at 16:50 pulse 80.").times.onScene == "16:26")
    }

    /// Near misses: nothing to read against, a habit or a plan, the day before, a reading after "at", and something
    /// other than the complaint going on "since".
    @Test func nearMisses() {
        #expect(Extractor.analyze("We got on scene at four twenty-six. BP 120/80.").times.onScene == nil)
        #expect(Extractor.analyze("On scene at 4:26. BP 120/80.").times.onScene == "04:26")
        #expect(Extractor.analyze("Uses NIV at night. On scene at ten forty.").times.onScene == "10:40")
        #expect(Extractor.analyze("He's due to see his GP this afternoon. On scene at 426.").times.onScene == "04:26")
        #expect(Extractor.analyze("Took his tablets at 20:00 last night. On scene at 7:10.").times.onScene == "07:10")
        #expect(Extractor.analyze("His GCS was 9 this morning. On scene at 426.").times.onScene == "04:26")
        let pulse = Extractor.analyze("On scene at 15:00. Pulse at one twenty, BP 130/80. Sats at ninety-four.")
        #expect(pulse.vitals.hr == 120 && pulse.vitals.spo2 == 94 && pulse.vitalsSeries.map(\.time) == [nil])
        let saline = Extractor.analyze("We reached at six fifteen this morning. 500 mils of saline IV running since six forty-five.")
        #expect(saline.times.onset == nil)
        #expect(Extractor.analyze("Drinking since 8 pm, assaulted at 1 am.").times.onset == nil)
        #expect(Extractor.analyze("Nil by mouth since 0800. Abdominal pain since 1030.").times.onset == "10:30")
    }

    /// The thirty-fifth review (408 probes of the first version of these rules): what must not anchor, and what the
    /// windows must not do.
    @Test func thirtyFifthReview() {
        // Another day, a night's sleep, a habit or a plan: no anchor, so the morning's digits stay as written.
        #expect(Extractor.analyze("Fell last night at about 10 pm, found this morning by the carer. On scene at 8:20.").times.onScene == "08:20")
        #expect(Extractor.analyze("Yesterday at 9 pm he vomited. On scene at 7:15.").times.onScene == "07:15")
        #expect(Extractor.analyze("Fell on Sunday at 3 pm. On scene at 9:20.").times.onScene == "09:20")
        #expect(Extractor.analyze("He normally goes to bed at 9 pm. On scene at 8:10.").times.onScene == "08:10")
        #expect(Extractor.analyze("He was due to see his GP at 4 pm. On scene at 9:15.").times.onScene == "09:15")
        #expect(Extractor.analyze("Tablets at 8 am and 8 pm. On scene at four thirty.").times.onScene == nil)
        // A part of the day said after an earlier time is the latest anchor.
        #expect(Extractor.analyze("Last seen well at 9 pm, found by husband this morning. On scene at 7:15.").times.onScene == "07:15")
        #expect(Extractor.analyze("Took his tablets at 8 am. This evening he became confused. On scene at twenty to seven.")
                    .times.onScene == "18:40")
        // A crew time after a patient's event that must come first: no earlier reading.
        #expect(Extractor.analyze("Took his morning tablets at 8 am. We arrived on scene at twenty to seven.").times.onScene == nil)
        // An onset after a crew time comes before it; after the patient's story, it may follow.
        #expect(Extractor.analyze("On scene at 14:00. Pain started at four o'clock.").times.onset == nil)
        // ("Last known well" comes before the find: ten o'clock the evening before is the only half that fits.)
        #expect(Extractor.analyze("Husband found her at 07:20. Last known well at ten o'clock.").times.onset == "22:00")
        #expect(Extractor.analyze("Had lunch at 1 pm today. Pain started at 2:15.").times.onset == "14:15")
        // A time of the story not said to be today may be the evening before: no anchor.
        #expect(Extractor.analyze("Had a takeaway at 9 pm, vomiting since. On scene at 8:40.").times.onScene == "08:40")
        #expect(Extractor.analyze("Daughter last saw him at 7 pm. Carers called at 6:35. On scene at 6:52.").times.onScene == "06:52")
        // Years, volumes and readings are no anchors; "1205" after a call at 23:45 is no noon.
        #expect(Extractor.analyze("Type 2 diabetic since 2019. On scene at ten past four.").times.onScene == nil)
        #expect(Extractor.analyze("EBL about 1500 mls. On scene at four twenty six.").times.onScene == nil)
        #expect(Extractor.analyze("Her BM was around 3 this morning. On scene at twenty past three.").times.onScene == nil)
        #expect(Extractor.analyze("we got the call at 2345 we were on scene at 1205 left at 1240 at hospital at 110")
                    .times.atDestination == "01:10")
        // "Pulse sitting at one twenty": a reading, not a set's time.
        let sitting = Extractor.analyze("Called at 14:02. Pulse sitting at one twenty, BP one forty over ninety.")
        #expect(sitting.vitals.hr == 120 && sitting.vitalsSeries.map(\.time) == [nil])
        // "since" + an hour written alone is no onset ("Been at the pub since 2 pm", "with her since 8 am").
        #expect(Extractor.analyze("Been at the pub since 2 pm, fell down the stairs.").times.onset == nil)
        #expect(Extractor.analyze("Her husband has been with her since 8 am.").times.onset == nil)
        #expect(Extractor.analyze("Felt unwell at home since 15:00.").times.onset == "15:00")
        // An hour written alone with pm is no reading of its own: "Her daughter left at 4 pm" is no scene time.
        #expect(Extractor.analyze("Her daughter left at 4 pm. On scene at nine forty.").times.leftScene == nil)
        #expect(Extractor.analyze("Sixty-six year old man with central chest tightness since thirteen fifteen.").times.onset == "13:15")
        #expect(Extractor.analyze("He's been awake since 0400 with the chest pain.").times.onset == "04:00")
        // Someone else's timed reading is not the crew's set.
        #expect(Extractor.analyze("Carers said her BP at 08:00 was 90/50.").vitalsSeries.isEmpty)
        #expect(Extractor.analyze("Sugar at 0700 was 2.1 per the carers.").vitalsSeries.isEmpty)
        // Digit ranges and intervals are no times.
        #expect(Extractor.analyze("Called at 09:05. We gave GTN 400 mcg SL at 5 to 10 minute intervals.").medicationsGiven.map(\.time) == [nil])
    }

    /// The thirty-seventh review: the crew's call time outranks a part of the day or a story time said after it; a
    /// carer's "morning call" is a night passed; "found … at 04:40" is a crew-side time an onset comes before.
    @Test func thirtySeventhReview() {
        let a = Extractor.analyze("Called at 01:30. She's had a fever since this afternoon. On scene at ten to two. BP 90/50.")
        #expect(a.times.onScene == "01:50")
        #expect(Extractor.analyze("Called at 04:10. He's had chest pain since this evening. On scene at four twenty-five.")
                    .times.onScene == "04:25")
        #expect(Extractor.analyze("She had dinner with her son at 6 pm. The carer found her at her morning call. We were on scene at 8:05.")
                    .times.onScene == "08:05")
        let found = Extractor.analyze("The night staff found her on the floor at 04:40 on their check. She was last seen well at half one.")
        #expect(found.times.onset == "01:30")
        #expect(Extractor.analyze("Called at 14:02. The paramedic practitioner recorded BP at 11:00 of 90/60 this morning.")
                    .vitalsSeries.isEmpty)
    }

    /// The thirty-eighth review (of the thirty-seventh's fixes): the call outranks a later part of the day only for
    /// the crew's times and only when it fits; "morning" is a night passed only as a carer's or round's; an onset
    /// keeps "this afternoon"; the crew's own recorded reading is read.
    @Test func thirtyEighthReview() {
        #expect(Extractor.analyze("Called at 14:05. She missed her morning tablets. On scene at 2:20.").times.onScene == "14:20")
        #expect(Extractor.analyze("Called at 01:20. Unwell since this afternoon with pain that started at 3:30. On scene at 01:38.")
                    .times.onset == "15:30")
        #expect(Extractor.analyze("The first 999 call was at 08:35 this morning. Her daughter rang back this evening. On scene at 6:20.")
                    .times.onScene == "18:20")
        #expect(Extractor.analyze("Mum called at 01:12. Calpol at 6 pm. The fit started at about five past one.").times.onset == "01:05")
        #expect(Extractor.analyze("BP at 10:35 was 84/50, recorded on our monitor.").vitals.bpSystolic == 84)
    }

    /// "BP at 13:50 was 100/65": the reading is read, and its time is the set's.
    @Test func readingWithItsOwnTime() {
        let a = Extractor.analyze("BP at 13:50 was 100/65. Pulse at 13:50 was 90. BP at 14:05 was 110/70, pulse at 14:05 was 84.")
        #expect(a.vitalsSeries.map(\.time) == ["13:50", "14:05"])
        #expect(a.vitalsSeries.map(\.values.bpSystolic) == [100, 110] && a.vitalsSeries.map(\.values.hr) == [90, 84])
        let nurse = Extractor.analyze("The nurse's obs at 13:30: BP 90/60. Our BP at 13:50 was 100/65, pulse 96.")
        #expect(nurse.vitalsSeries.count == 1 && nurse.vitals.bpSystolic == 100 && nurse.vitalsSeries.first?.time == "13:50")
        // Three digits after "at" stay a reading.
        let hr = Extractor.analyze("HR at 110, 96 after fluids.")
        #expect(hr.vitalsSeries.allSatisfy { $0.time == nil } && hr.vitalsSeries.first?.values.hr == 110)
    }
}
