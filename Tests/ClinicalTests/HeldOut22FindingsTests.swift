import Testing
import Clinical

/// What the first measurement of HeldOut22 (and HeldOut20/21's lost times) found, fixed: the crew's arrival said as
/// "we got to the <place> at", a set's time before "he's responding to voice", "correction:" in a typed report, a
/// relative's medicines read as the patient's, and the times of a handover that opens "Good afternoon".
@Suite struct HeldOut22FindingsTests {
    /// "We got to the green at ten fifty-four": the crew's arrival (HeldOut20 and HeldOut21 said it six times).
    @Test func weGotToThePlaceIsTheArrival() {
        #expect(Extractor.analyze("We got to the house at 14:20.").times.onScene == "14:20")
        let belfast = Extractor.analyze("He went off his game about half ten this morning. We got to the green at ten fifty-four. We left the club at eleven thirty-eight.")
        #expect(belfast.times.onScene == "10:54")
        #expect(belfast.times.leftScene == "11:38")
        // Review 89: not a hospital, a place at the destination or on the way, a point of the job, or a handover.
        for text in ["We got to her at 14:24.", "We got to Frenchay at 15:30.", "We got to the hospital at 15:30.",
                     "We got to the ward at 16:10 and handed over to the nurse.",
                     "We got to the maternity unit at 03:20, midwife took over.",
                     "We got to the roundabout at 14:10 and the traffic was terrible.",
                     "We got to the bottom of the stairs at 14:40 with him on the carry chair.",
                     "We got to the stage at 14:30 where he needed a second cannula."] {
            #expect(Extractor.analyze(text).times.onScene == nil, "\(text)")
        }
        #expect(Extractor.analyze("We got to the scene at 02:10, patient lying in the road.").times.onScene == "02:10")
    }

    /// "Ten fifty-eight: he's responding to voice, so a V. GCS thirteen": the set's time, past the patient's pronoun.
    @Test func aSetsTimeBeforeTheLevelOfResponse() {
        let sets = Extractor.analyze("On scene 10:54.\n\nTen fifty-eight: he's responding to voice, so a V. BM two point four.\n\nEleven twenty-five: he's alert now, GCS fifteen, BM three point nine.").vitalsSeries
        #expect(sets.map(\.time) == ["10:58", "11:25"])
        // Review 89: not when the words move to another time.
        let story = Extractor.analyze("10:58: he's alert and orientated, this was before our arrival; we found him GCS 10, HR 120.").vitalsSeries
        #expect(story.allSatisfy { $0.time == nil })
    }

    /// PocketSphinx's "at ten fifty for ten fifty eight" (the crew said "ten fifty-four. Ten fifty-eight"): the first
    /// time lost its last digit, and 10:50 would be a guess.
    @Test func aTimeThatLostItsLastDigitToFor() {
        #expect(Extractor.analyze("we got to the green at ten fifty for ten fifty eight he's responding to voice").times.onScene == nil)
        // Review 89: a number of something else after "for" leaves the time as said.
        #expect(Extractor.analyze("on scene ten fifty for two casualties").times.onScene == "10:50")
        #expect(Extractor.analyze("On scene at ten forty for one patient. Left scene at eleven twenty.").times.onScene == "10:40")
    }

    /// "Dep scene 06:55, correction: 06:50" (Anchorage): the typed report's colon after "correction".
    @Test func aCorrectionWithAColon() {
        #expect(Extractor.analyze("Dep scene 06:55, correction: 06:50.").times.leftScene == "06:50")
        // Review 89: only a number of the same shape is corrected.
        let dose = Extractor.analyze("Left scene 06:55, correction: 10 mg of morphine not 5.")
        #expect(dose.times.leftScene == "06:55")
    }

    /// "The mother is on iron and thyroxine herself" (of a three-week-old), "His wife is on warfarin": not the
    /// patient's medicines.
    @Test func aRelativesMedicinesAreNotThePatients() {
        #expect(Extractor.analyze("Three weeks old, a girl. The mother is on iron and thyroxine herself.").history.medications == nil)
        #expect(Extractor.analyze("Eighty-year-old man. His wife is on warfarin. He is on ramipril.").history.medications == ["ramipril"])
        // An obstetric patient is the mother; review 89: the patient who takes it too.
        #expect(Extractor.analyze("Twenty-eight-year-old, thirty-six weeks pregnant. The mother is on labetalol.").history.medications == ["labetalol"])
        for text in ["81 year old male. His wife is on warfarin and so is he.",
                     "82 year old male, fall, head injury. His wife is on warfarin too.",
                     "80 year old male. His wife is on warfarin; he is on the same."] {
            #expect(Extractor.analyze(text).history.medications == ["warfarin"], "\(text)")
        }
    }

    /// "Good afternoon, doctor. … We got to the market gate at 135": with nothing else to place it, the greeting says
    /// the handover's times are the afternoon's (HeldOut20's Lagos case, in Whisper's digits).
    @Test func goodAfternoonPlacesTheTimes() {
        let lagos = Extractor.analyze("Good afternoon, doctor. This is Funmilayo, sixteen. We got to the market gate at 135 and we were with her at 139. Left scene at 2:02.")
        #expect(lagos.times.onScene == "13:35")
        #expect(lagos.times.atPatient == "13:39")
        #expect(lagos.times.leftScene == "14:02")
        #expect(Extractor.analyze("Good afternoon. On scene at two twenty.").times.onScene == "14:20")
        // A time said in words that cannot be the afternoon's stays unread.
        #expect(Extractor.analyze("Good afternoon. On scene at seven twenty.").times.onScene == nil)
    }

    /// A typed report's shorthand: "T 38.6" in a set, "NaCl 0.9% 180 ml IV bolus 11:20 over 20 min", "Pt: 9 mo M"
    /// (Lusaka, Singapore, Sheffield, Anchorage).
    @Test func aTypedReportsShorthand() {
        let lusaka = Extractor.analyze("""
            Pt: 9 mo M, D&V x 2 days.
            11:09: HR 176, RR 48, SpO2 97% RA, T 38.6, BGL 3.6, responds to voice (V).
            NaCl 0.9% 180 ml IV bolus 11:20 over 20 min (wt 9 kg). Paracetamol 125 mg PR 11:31.
            """)
        #expect(lusaka.patient.age == 9)
        #expect(lusaka.patient.ageUnit == "months")
        #expect(lusaka.vitals.temp == 38.6)
        let saline = lusaka.medicationsGiven.first
        #expect(saline?.drug == "sodium chloride 0.9%")
        #expect(saline?.dose == 180)
        #expect(saline?.unit == "ml")
        #expect(saline?.time == "11:20")
        #expect(Extractor.analyze("Tx: NaCl 0.9% 500 ml IV bolus 14:38.").medicationsGiven.first?.time == "14:38")
        // "T" alone is no temperature: not without another reading in its sentence, nor a troponin.
        #expect(Extractor.analyze("T 38.6.").vitals.temp == nil)
        #expect(Extractor.analyze("HR 90, Trop T 38.5.").vitals.temp == nil)
    }

    /// "Pulse forty-eight on the monitor, I didn't believe it …, so I checked it manually, seventy-two" (HeldOut17's
    /// Surrey case), "Our forehead thermometer said ninety-one, which is just her cold forehead, so we did an oral
    /// temp, one hundred point eight" (HeldOut22's Duluth case): the doubted reading is not the patient's.
    @Test func aDoubtedReadingTakenAgain() {
        let surrey = Extractor.analyze("Pulse forty-eight on the monitor, I didn't believe it with her shivering, so I checked it manually, seventy-two and regular. BP one sixty-eight over ninety-four.")
        #expect(surrey.vitals.hr == 72)
        let duluth = Extractor.analyze("Our forehead thermometer said ninety-one, which is just her cold forehead, so we did an oral temp, one hundred point eight.")
        #expect(duluth.vitals.temp == 38.2)
        // Review 92: a second reading after treatment, a doubt about something else, a number that is not the
        // reading, or a second vital in the sentence leave both as said.
        for (text, spo2) in [("Sats 84 on air, cold hands, so we put her on oxygen and rechecked, 94.", 84),
                             ("Sats 84, didn't trust the probe, so I checked it on my own finger, 99.", 84)] {
            #expect(Extractor.analyze(text).vitalsSeries.first?.values.spo2 == spo2, "\(text)")
        }
        #expect(Extractor.analyze("Pulse 130, she couldn't believe her husband had left, so then she calmed and we rechecked, 96.").vitalsSeries.first?.values.hr == 130)
        #expect(Extractor.analyze("Resps 8, didn't believe it, so we rechecked at 10.").vitals.rr == 8)
        let two = Extractor.analyze("Pulse 48, sats 96, didn't believe the first one, so I checked it manually, 72.")
        #expect(two.vitals.spo2 == 96)
        #expect(Extractor.analyze("BM 3.1, she was cold and clammy, so we gave oral glucose and rechecked, 5.8.").vitalsSeries.first?.values.glucoseMmolL == 3.1)
    }

    /// "We reach Oistins at ten twenty-two and were with him by the fish stalls at ten twenty-four … We left Oistins
    /// at eleven o'clock": the time at the patient joined to the arrival, and leaving the place the crew arrived at.
    @Test func atThePatientAndLeavingThePlaceOfTheArrival() {
        let barbados = Extractor.analyze("A man chop him with a cutlass at about ten past ten tonight. We reach Oistins at ten twenty-two and were with him by the fish stalls at ten twenty-four. We left Oistins at eleven o'clock and come straight to the QEH.")
        #expect(barbados.times.onScene == "22:22")
        #expect(barbados.times.atPatient == "22:24")
        #expect(barbados.times.leftScene == "23:00")
        let duluth = Extractor.analyze("We got to the building at 07:28 and were with her in her room at 07:31. We left the home at 08:02.")
        #expect(duluth.times.atPatient == "07:31")
        let basin = Extractor.analyze("We were on scene at the basin at 19:06 and with her on the back deck at 19:08. We left the basin at 19:40.")
        #expect(basin.times.atPatient == "19:08")
        #expect(basin.times.leftScene == "19:40")
    }

    /// A typed report's times: "With pt 11:06", "Arr scene 14:26", "Arr SGH ED 15:15", "Handover to ED staff 15:19"
    /// (Lusaka, Singapore, Anchorage).
    @Test func aTypedReportsTimes() {
        let singapore = Extractor.analyze("Arr scene 14:26. With pt 14:28. Dep scene 15:04. Arr SGH ED 15:15. Handover to ED staff 15:19.")
        #expect(singapore.times.onScene == "14:26")
        #expect(singapore.times.atPatient == "14:28")
        #expect(singapore.times.leftScene == "15:04")
        #expect(singapore.times.atDestination == "15:15")
        #expect(singapore.times.transferOfCare == "15:19")
        #expect(Extractor.analyze("Dep scene 06:50. Arr Providence 07:14; hyperbaric team notified.").times.atDestination == "07:14")
        // Not before the scene was left, nor hours after.
        #expect(Extractor.analyze("Arrived ED 22:40. Left scene 22:10.").times.atDestination == nil)
        #expect(Extractor.analyze("Left scene 10:10. Arr Providence 17:14.").times.atDestination == nil)
    }

    /// "On scene 18:32. Per the MAR he got metoprolol 25 mg and aspirin 81 mg at 08:00 through the tube" (HeldOut17's
    /// nursing facility): a dose timed before the crew came is not the crew's.
    @Test func aDoseBeforeTheCrewCame() {
        let mar = Extractor.analyze("On scene 18:32. Per the MAR he got aspirin 81 mg at 08:00 through the tube. Ondansetron 4 mg IV at 18:45.")
        #expect(mar.medicationsGiven.map(\.drug) == ["ondansetron"])
        // Review 95: not a twelve-hour time, a corrected arrival, a time of something else, or a dose the crew says
        // it gave.
        for text in ["On scene 12:50. Morphine 5 mg IV at 1:05.",
                     "On scene 14:20. Correction: on scene was 13:20. Morphine 5 mg IV at 13:30.",
                     "At patient 14:22. We gave adrenaline 0.5 mg IM at 14:05.",
                     "On scene 14:20. We gave morphine 5 mg IV after the fall at 13:30."] {
            #expect(Extractor.analyze(text).medicationsGiven.count == 1, "\(text)")
        }
    }
}
