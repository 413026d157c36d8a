import Testing
import Clinical

/// What the first measurement of HeldOut13 found (its typed inventions, and misses of a kind that recurs): a night
/// crew's times written with a two-digit hour ("on scene at 11:58" after a call at 23:40), the crew's arrival said
/// as "we arrived at" or "we got there", a time corrected as ", no, …", doses given by a porter or a first aider, a
/// baby monitor's list of readings, and a nurse's set said as "her obs" in a man's handover.
@Suite struct HeldOut13FindingsTests {
    /// Digits a twelve-hour clock writes too ("11:58", "12:20", "1205") are read against the crew's call: after a
    /// call at 23:40 they are the night's; after a morning call, and for an onset, they keep their reading.
    @Test func twoDigitHoursAfterAnEveningCall() {
        let a = Extractor.analyze("Call came in at 23:40. We were on scene at 11:58 and left at 12:20. At hospital at 1245.")
        #expect(a.times.onScene == "23:58" && a.times.leftScene == "00:20" && a.times.atDestination == "00:45")
        let b = Extractor.analyze("Call at 09:45. On scene at 10:05. Obs at 11:30: BP 120/80.")
        #expect(b.times.onScene == "10:05" && b.vitalsSeries.map(\.time) == ["11:30"])
        // A complaint may have begun the morning before a night call: an onset keeps its reading.
        #expect(Extractor.analyze("Called at 03:10. Pain since 10:30.").times.onset == "10:30")
    }

    /// "We arrived at 0152", "we got there two twenty-five": the crew's arrival on scene; a set straight after it is
    /// read at that time (not at the time of another's readings before it).
    @Test func crewArrival() {
        #expect(Extractor.analyze("Called at 01:40. We arrived at 0152.").times.onScene == "01:52")
        let a = Extractor.analyze("She rang us at ten past two this morning, found him sat on the bed. We got there two twenty-five. First obs at two thirty: pulse 90.")
        #expect(a.times.onScene == "02:25" && a.vitalsSeries.map(\.time) == ["02:30"])
        let b = Extractor.analyze("Ward obs: temp at 02:00 was 39.5, HR at 02:00 was 130. We arrived at 02:40, HR 124, temp 39.2.")
        #expect(b.times.onScene == "02:40" && b.vitalsSeries.map(\.time) == ["02:40"] && b.vitals.hr == 124)
        // "We arrived at hospital" is no arrival on scene.
        #expect(Extractor.analyze("We arrived at hospital at 03:10.").times.onScene == nil)
        // A medicine list ends where the arrival starts.
        #expect(Extractor.analyze("Husband rang at 16:40. She's on metformin and sertraline we arrived at four fifty.")
                    .history.medications == ["metformin", "sertraline"])
    }

    /// "on scene at oh four fifty, no, oh five fifteen", "Bev says four forty": the corrected time; ", no, wait" and
    /// ", no, sorry" still correct a route.
    @Test func timesCorrected() {
        #expect(Extractor.analyze("We were on scene at oh four fifty, no, oh five fifteen, oh four fifty was when we got the call.")
                    .times.onScene == "05:15")
        let a = Extractor.analyze("She fell about four this morning. We arrived at four fourteen, sorry, Bev says four forty. Obs at four fifty: pulse 88.")
        #expect(a.times.onScene == "04:40" && a.vitalsSeries.map(\.time) == ["04:50"])
        #expect(Extractor.analyze("Morphine 5 mg IM, no, wait, IV, at 04:12.").medicationsGiven.map(\.route) == ["IV"])
        #expect(Extractor.analyze("We gave diazepam 10 mg PR, no, sorry, IV, at 02:31.").medicationsGiven.map(\.route) == ["IV"])
    }

    /// Midnight as the time the story is read against: "quarter to one" after a call just before midnight is 00:45.
    @Test func midnightAnchors() {
        let a = Extractor.analyze("She rang 111 just before midnight. We were on scene about quarter to one. Obs at five to one: pulse 98. Morphine 2.5 mg IV at one ten.")
        #expect(a.times.onScene == "00:45" && a.vitalsSeries.map(\.time) == ["00:55"] && a.medicationsGiven.map(\.time) == ["01:10"])
        // A visit to come says nothing of today's times; one that came does.
        #expect(Extractor.analyze("Her carers come in this evening. On scene at four fifteen.").times.onScene == nil)
        #expect(Extractor.analyze("Her daughter was coming over this afternoon and found her confused. On scene at 3:15.").times.onScene == "15:15")
    }

    /// Doses given by someone else: a porter, the out-of-hours service, a specialist nurse, or disowned ("not us").
    @Test func othersDoses() {
        #expect(Extractor.analyze("The porter gave him a couple of his own ibuprofen.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Out of hours gave clarithromycin 500 mg PO at 09:00.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Factor 8 given by the haemophilia nurse at home at 10:30, 2000 units.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("The first aider rang 999 at 03:44, wrapped it and gave him 400 mg ibuprofen from the first aid box, not us.")
                    .medicationsGiven.isEmpty)
        // Given by mouth, by the crew: the crew's.
        #expect(Extractor.analyze("Paracetamol 1 g given by mouth at 04:00.").medicationsGiven.map(\.drug) == ["paracetamol"])
        #expect(Extractor.analyze("Morphine 5 mg IV given by the crew at 14:20.").medicationsGiven.map(\.drug) == ["morphine"])
    }

    /// A baby monitor's readings, listed after what it showed, and a nurse's set said as "her obs" about a man.
    @Test func othersReadings() {
        let a = Extractor.analyze("""
            Four-month-old girl. The app showed sats of seventy-eight and a heart rate of forty. Our obs: heart rate one \
            hundred and forty, resps thirty-eight, sats ninety-nine on air.
            """)
        #expect(a.vitalsSeries.count == 1 && a.vitals.hr == 140 && a.vitals.spo2 == 99)
        let b = Extractor.analyze("""
            27-year-old male. Night nurse rang 999 at 04:20. She gave lorazepam 1 mg IM at 03:00 for agitation, and her \
            obs at 03:00 were temp 39.2, HR 128. On scene 04:34. HR 134, BP 168/98.
            """)
        #expect(b.vitalsSeries.count == 1 && b.vitals.hr == 134 && b.vitals.temp == nil)
        // The patient's own obs ("her obs" about a woman) are read.
        #expect(Extractor.analyze("72-year-old woman. Her obs at 03:00 were temp 38.2, HR 108.").vitals.hr == 108)
    }

    /// Someone else's readings in a list ("the GP's BP was 178/96, temp 38.1"), and a set taken by a woman about a man
    /// ("She got a BP of ninety-six over sixty on her machine").
    @Test func othersListsAndSets() {
        let a = Extractor.analyze("Brenda, 71-year-old female. She saw her GP yesterday afternoon: the GP's BP was 178/96, temp 38.1, and she started aciclovir. Our obs 04:10: BP 152/88, HR 84.")
        #expect(a.vitalsSeries.count == 1 && a.vitals.temp == nil && a.vitals.bpSystolic == 152)
        let b = Extractor.analyze("""
            Walter, 89-year-old gentleman. The night nurse rang us at ten to three this morning. She got a BP of \
            ninety-six over sixty on her machine at half two. Our obs at twenty to four: BP one hundred and twelve over \
            seventy, pulse one hundred and four.
            """)
        #expect(b.vitalsSeries.count == 1 && b.vitals.bpSystolic == 112 && b.vitalsSeries.map(\.time) == ["03:40"])
        // The patient's own pronoun: her own reading.
        #expect(Extractor.analyze("Mary, 80-year-old woman. She got a BP of 90 over 60 on her own machine. Our BP 100/70.")
                    .vitalsSeries.count == 2)
    }

    /// "sats one hundred and pain four out of ten": a saturation cannot go past 100, so "and" joins the next reading.
    /// Elsewhere "a hundred and" with no number after it is a number cut off.
    @Test func saturationOfAHundred() {
        let a = Extractor.analyze("Sats ninety-eight on air. By three o'clock, on fifteen litres through a non-rebreather, sats one hundred and pain four out of ten.")
        #expect(a.vitals.spo2 == 100 && a.vitals.painScale0To10 == 4)
        #expect(Extractor.analyze("BP one hundred and pulse ninety.").vitals.bpSystolic == nil)
    }

    /// "phoned nine nine nine just after midnight" is the call; the story of the evening before told after it
    /// ("started about nine last night") passes no night after the call.
    @Test func callAfterMidnightThenTheEveningsStory() {
        let a = Extractor.analyze("""
            Her wee boy phoned nine nine nine just after midnight. Pain started about nine last night. We were on scene \
            at twenty past twelve. Morphine five milligrams IV at twenty to one.
            """)
        #expect(a.times.onScene == "00:20" && a.medicationsGiven.map(\.time) == ["00:40"])
    }

    /// The thirty-ninth review (250 probes of the rules above): another crew's arrival, an arrival at hospital after
    /// leaving the scene, a crewmate who "got a BP", "not ours to worry about", the crew's own supervisor, "the next
    /// morning", and a crew time said without "at".
    @Test func thirtyNinthReview() {
        #expect(Extractor.analyze("Fire crew arrived 01:05, we arrived 01:20, HR 110.").times.onScene == "01:20")
        #expect(Extractor.analyze("The backup crew arrived at 04:50 with the stretcher.").times.onScene == nil)
        #expect(Extractor.analyze("Crew arrived at 14:20 and took over CPR from the first responder.").times.onScene == "14:20")
        #expect(Extractor.analyze("Left scene 14:40, we got there at 15:05 and she was triaged straight to resus.").times.onScene == nil)
        #expect(Extractor.analyze("65 year old male. My crewmate Sarah took obs, she got a BP of 160/90, HR 100.").vitals.bpSystolic == 160)
        #expect(Extractor.analyze("Male 70. My colleague Emma repeated obs at 03:10. She got a BP of 110/70.").vitals.bpSystolic == 110)
        #expect(Extractor.analyze("Ondansetron 4mg IV given, not ours to worry about now.").medicationsGiven.map(\.drug) == ["ondansetron"])
        #expect(Extractor.analyze("Our clinical supervisor attended and gave ketamine 20mg IV at 15:20.").medicationsGiven.map(\.drug) == ["ketamine"])
        #expect(Extractor.analyze("Called at 21:50. We were on scene at 10:40 the next morning, a 13 hour wait.").times.onScene == "10:40")
        let a = Extractor.analyze("Call received 23:40, on scene 23:52, left scene 12:20, at hospital 12:45.")
        #expect(a.times.leftScene == "00:20" && a.times.atDestination == "00:45")
    }

    /// The fortieth review (183 probes of the thirty-ninth's fixes): the next or following morning keeps every later
    /// time as said; a crewmate named in the sentence after a reading keeps it the crew's; a time found, or read off a
    /// chart, anchors nothing; "not us but the GP" disowns; "we arrived" after leaving the scene is at hospital.
    @Test func fortiethReview() {
        let a = Extractor.analyze("Called 22:30. On scene 10:40 the following morning. Left 11:05.")
        #expect(a.times.onScene == "10:40" && a.times.leftScene == "11:05")
        #expect(Extractor.analyze("His son called 20:15 to say he'd fallen but was fine, we were tasked the next morning. On scene 8:30.")
                    .times.onScene == "08:30")
        #expect(Extractor.analyze("Male, 60. She got a BP of 150/95, HR 102. That was my colleague while I cannulated.").vitals.bpSystolic == 150)
        // "Our BP" after it is no crewmate: the husband's reading stays his.
        #expect(Extractor.analyze("80 year old lady. Her husband said he got a BP of 180/100 on their home machine. Our obs BP 150/90, HR 80.")
                    .vitalsSeries.count == 1)
        #expect(Extractor.analyze("Called 22:10. On scene 22:25. She was found 13:00 on the floor by her son. Left scene 10:55.")
                    .times.leftScene == "22:55")
        #expect(Extractor.analyze("Called 21:10. On scene 21:25. Obs 13:00 from the care home chart BP 90/50. Left scene 10:05.")
                    .times.leftScene == "22:05")
        #expect(Extractor.analyze("Obs 13:20 HR 90 BP 120/70. Repeat obs 2:05 HR 85 BP 118/72.").vitalsSeries.map(\.time) == ["13:20", "14:05"])
        #expect(Extractor.analyze("Morphine 5 mg IV given, not by us but by HEMS.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Aspirin 300 mg given, not us but the GP.").medicationsGiven.isEmpty)
        let b = Extractor.analyze("On scene 14:30. Left scene 15:05. We got there 15:28.")
        #expect(b.times.onScene == "14:30" && b.times.atDestination == "15:28")
        // An arrival before leaving is no arrival at hospital.
        #expect(Extractor.analyze("Called 14:00. Left scene 15:05, sorry, we arrived 14:22, left 15:05.").times.atDestination == nil)
    }

    /// "uses a salbutamol inhaler", "His only med is insulin": the patient's own medicines.
    @Test func usesAndOnlyMed() {
        #expect(Extractor.analyze("She's asthmatic, uses a salbutamol inhaler, and she's allergic to penicillin.").history.medications == ["salbutamol"])
        #expect(Extractor.analyze("His only med is insulin.").history.medications == ["insulin"])
        #expect(Extractor.analyze("Only med was ondansetron 4 mg IV.").medicationsGiven.map(\.drug) == ["ondansetron"])
    }

    /// The forty-first review (145 probes of the fortieth's fixes): "next morning" of someone else's plan or the past
    /// moves nothing; a spouse called "partner", or a student in another ambulance, after a woman's reading keeps it
    /// hers; "uses" of a relative's medicine or of a drug taken recreationally is no medicine of the patient's.
    @Test func fortyFirstReview() {
        #expect(Extractor.analyze("On scene 21:50. Left 10:20 and GP to review next day.").times.leftScene == "22:20")
        let a = Extractor.analyze("Called 22:40. On scene 10:55 the following day as no crews available. Obs 11:05 HR 80. Left 11:30.")
        #expect(a.times.leftScene == "11:30")
        #expect(Extractor.analyze("""
            67 year old male, chest pain, BP 130/85 HR 80. His wife felt faint too. She got a BP of 90/55. Her partner \
            was more worried about her than himself.
            """).vitals.bpSystolic == 130)
        #expect(Extractor.analyze("74 year old man, not diabetic. His wife uses insulin.").history.medications == nil)
        #expect(Extractor.analyze("Uses diazepam and cocaine recreationally.").history.medications == nil)
        #expect(Extractor.analyze("Family say he uses a lot of ibuprofen for his back.").history.medications == ["ibuprofen"])
    }
}

