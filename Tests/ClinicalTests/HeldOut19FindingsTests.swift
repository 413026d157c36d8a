import Testing
import Clinical

/// What the first measurement of HeldOut19 found, fixed: the crew leaving the place it was called to.
@Suite struct HeldOut19FindingsTests {
    /// "Left the farm at oh six fourteen", "We left the prison at 02:25": the left-scene time (six HeldOut19 cases
    /// lost it), only after the crew's arrival was said and within six hours of it.
    @Test func leavingThePlaceItWasCalledTo() {
        #expect(Extractor.analyze("On scene 06:00. Left the farm at oh six fourteen, and it's a fifty-minute run.").times.leftScene == "06:14")
        #expect(Extractor.analyze("We got there at 02:00. We left the prison at 02:25.").times.leftScene == "02:25")
        // Someone else leaving, the patient's story, or before the crew came.
        for text in ["Her husband left the house at 07:00. On scene 07:30.",
                     "On scene 10:15. She left the pub at 09:00 and walked home.",
                     "Called at 10:00. Left the house at 09:00 to walk to the shop, collapsed at 09:30.",
                     "On scene 10:15. Left the house at 09:00 to walk to the shop."] {
            #expect(Extractor.analyze(text).times.leftScene == nil, "\(text)")
        }
        // Review 77: not a side, a drip or the vehicle; an explicit "Left scene" wins; not after the hospital; not an
        // errand; not when two places are left.
        for text in ["On scene 09:00. Left the side at 09:05 dressed.", "On scene 11:00. Left the drip at 11:20 and reassessed.",
                     "On scene 08:10. We left the vehicle at 08:12 and walked to the patient.",
                     "At destination 20:50. Left the department at 21:10.",
                     "On scene 10:00. We left the house at 10:08 to get the scoop from the vehicle.",
                     "On scene 10:00, wrong address. Left the address at 10:05. Left the house at 10:40."] {
            #expect(Extractor.analyze(text).times.leftScene == nil, "\(text)")
        }
        #expect(Extractor.analyze("On scene 10:00. We left the house at 10:08 to get the scoop. Left scene 10:35.").times.leftScene == "10:35")
    }
}
