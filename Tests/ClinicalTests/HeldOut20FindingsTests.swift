import Testing
import Clinical

/// What the first measurement of HeldOut20 found, fixed: a night's times placed by "tonight" in a sentence that says
/// someone went to bed, and more ways of saying the crew left the scene.
@Suite struct HeldOut20FindingsTests {
    /// "He went to bed fine, then woke up at about quarter past eleven tonight … We got there at eleven thirty-six":
    /// 23:36, not 11:36 (four Nova Scotia times were read in the wrong half of the day).
    @Test func tonightPlacesTheNightEvenAfterBed() {
        let croup = Extractor.analyze("He went to bed fine, then woke up at about quarter past eleven tonight with a barking cough. We got there at eleven thirty-six. Left the house at eleven fifty-eight.")
        #expect(croup.times.onScene == "23:36")
        #expect(croup.times.leftScene == "23:58")
        // Review 82: bed denied, or the sentence going on to the next morning, places nothing.
        #expect(Extractor.analyze("He never went to bed tonight, he's been vomiting since nine this morning. We arrived at half nine.").times.onScene != "09:30")
    }

    /// "Dep scene 14:58", "Depart 11:10", "We were off site at twenty-three ten", "We left the market at 11:22".
    @Test func moreWaysOfLeavingTheScene() {
        #expect(Extractor.analyze("On scene 14:44, at pt 14:46. Dep scene 14:58.").times.leftScene == "14:58")
        #expect(Extractor.analyze("On scene 10:52, pt contact 10:54. Depart 11:10.").times.leftScene == "11:10")
        #expect(Extractor.analyze("We were on scene at 22:41. We were off site at twenty-three ten.").times.leftScene == "23:10")
        #expect(Extractor.analyze("We arrived at the market at 10:55. We left the market at 11:22.").times.leftScene == "11:22")
        // The patient's story before the crew came is no leaving of the scene; review 83: nor someone else's
        // "depart" or "off site", a plan, an engine's "left site" for "left side", nor one before the arrival.
        #expect(Extractor.analyze("She left the pub at 23:00 and walked home. On scene 23:40.").times.leftScene == nil)
        for text in ["On scene 10:30. The GP will depart at 11:00.", "On scene 10:05. Pain moved to the left site at 10:20.",
                     "On scene 09:50. Plan: depart 10:30 once police arrive.", "On scene 10:05. Depart 09:40."] {
            #expect(Extractor.analyze(text).times.leftScene == nil, "\(text)")
        }
        #expect(Extractor.analyze("On scene 09:40. The nurse was off site at 10:00. Left scene 10:30.").times.leftScene == "10:30")
    }

    /// "We left for Stroger at oh two twenty", "We were on scene at the first aid room at fourteen twenty" (Chicago and
    /// Kalgoorlie lost these).
    @Test func leavingForTheHospitalAndArrivingAtItsPlace() {
        #expect(Extractor.analyze("We were on scene at 02:00 and with him in the cell block at 02:02. We left for Stroger at 02:20.").times.leftScene == "02:20")
        let mine = Extractor.analyze("We were on scene at the first aid room at 14:20, and he came up to us at 14:28. We left the mine at 14:58.")
        #expect(mine.times.onScene == "14:20")
        #expect(mine.times.leftScene == "14:58")
        #expect(Extractor.analyze("On scene 10:00. She left for work at 07:00.").times.leftScene == nil)
        // Review 84: an errand or the next job is no leaving of the scene.
        for text in ["We arrived at 16:30. Patient refused transport. We left for the day at 17:00.",
                     "We arrived at 12:00. Patient declined. We left for lunch at 12:45."] {
            #expect(Extractor.analyze(text).times.leftScene == nil, "\(text)")
        }
    }
}

