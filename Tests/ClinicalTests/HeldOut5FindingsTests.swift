import Testing
import Clinical

/// What the first measurement on HeldOut5 (written by a helper who had not read the extractor) showed, as general
/// rules with cases of their own: each test has the form that must be read and the near misses that must not.
@Suite struct HeldOut5FindingsTests {
    /// "Glucose one-twelve" was read as glucose 1 (18 mg/dL): a hyphen between the words of one number.
    @Test func hyphenatedNumberWords() {
        let a = Extractor.analyze("Glucose one-twelve. BP one-oh-two over sixty. Left scene eleven-oh-four.")
        #expect(a.vitals.glucoseMgDl == 112)
        #expect(a.vitals.bpSystolic == 102 && a.vitals.bpDiastolic == 60)
        #expect(a.times.leftScene == "11:04")
        #expect(Extractor.analyze("On scene ten-forty.").times.onScene == "10:40")
        // Compound tens still read as before.
        #expect(Extractor.analyze("Pulse ninety-two.").vitals.hr == 92)
        #expect(Extractor.analyze("Resps twenty-two.").vitals.rr == 22)
    }

    @Test func moreWaysToCorrect() {
        #expect(Extractor.analyze("On scene at thirteen thirty-eight, no hang on, it was thirteen forty-two.").times.onScene
                == "13:42")
        #expect(Extractor.analyze("Temp thirty-nine point eight, sorry I misread that, thirty-eight point nine.").vitals.temp
                == 38.9)
        #expect(Extractor.analyze("Pulse 110, my mistake, 100.").vitals.hr == 100)
        // "hang on" as an interruption corrects nothing.
        #expect(Extractor.analyze("GCS fourteen, hang on, the doctor's asking me something, pulse eighty.").vitals.gcs == 14)
        // "sorry, it was" still reads as an earlier reading, not a correction.
        #expect(Extractor.analyze("Sats 91, sorry, it was 96 a minute ago.").vitals.spo2 == 91)
    }

    @Test func aCorrectedOxygenContextIsNotRoomAir() {
        let a = Extractor.analyze("Sats 86 on room air, my mistake, that was on 2 litres nasal cannula.")
        #expect(a.vitals.spo2 == 86)
        #expect(a.vitals.spo2On == "2 L/min nasal cannula")
        let b = Extractor.analyze("Sats eighty-six on room air, my mistake, that was on his home oxygen, two litres through nasal cannula.")
        #expect(b.vitals.spo2 == 86)
        #expect(b.vitals.spo2On != "room air")
        // A correction of something else keeps the context.
        let c = Extractor.analyze("Sats 94 on air, sorry, GCS 15.")
        #expect(c.vitals.spo2 == 94 && c.vitals.spo2On == "room air" && c.vitals.gcs == 15)
    }

    @Test func alertThatIsNoLevelOfConsciousness() {
        for text in ["Stroke alert. GCS 14.", "He's got an alert card for his COPD.", "Wears a medic alert bracelet."] {
            #expect(Extractor.analyze(text).vitals.avpu == nil, "\(text)")
        }
        #expect(Extractor.analyze("She's alert on AVPU.").vitals.avpu == "A")
        #expect(Extractor.analyze("Patient alert and orientated.").vitals.avpu == "A")
        #expect(Extractor.analyze("He is alert, GCS 15.").vitals.avpu == "A")
    }

    @Test func howABystanderFoundThePatientIsNoAVPU() {
        #expect(Extractor.analyze("34 yo male found unresponsive in the bathroom. GCS 3.").vitals.avpu == nil)
        #expect(Extractor.analyze("Neighbour found her collapsed and unresponsive.").vitals.avpu == nil)
        #expect(Extractor.analyze("On arrival we found him unresponsive.").vitals.avpu == "U")
        #expect(Extractor.analyze("Found on the floor, now alert.").vitals.avpu == "A")
    }

    @Test func aTargetIsNoReading() {
        let a = Extractor.analyze("His target sats are eighty-eight to ninety-two. Sats eighty-nine on two litres.")
        #expect(a.vitals.spo2 == 89)
        #expect(a.vitalsSeries.count == 1)
        #expect(Extractor.analyze("Aiming for sats of 94 to 98.").vitals.spo2 == nil)
    }

    @Test func aSchoolNurseIsNotTheCrew() {
        let a = Extractor.analyze("The school nurse gave him the school's spare adrenaline auto-injector, three hundred micrograms into the thigh, at twelve thirty. My colleague gave a second adrenaline, three hundred micrograms IM, at twelve forty-six.")
        #expect(a.medicationsGiven.count == 1)
        #expect(a.medicationsGiven.first?.time == "12:46")
        #expect(Extractor.analyze("The practice nurse gave paracetamol 1 g PO.").medicationsGiven.isEmpty)
        // A flight nurse is crew.
        #expect(Extractor.analyze("The flight nurse gave fentanyl 50 mcg IV.").medicationsGiven.count == 1)
    }

    @Test func aRestatedDoseSharesItsGiver() {
        let a = Extractor.analyze("Mum had already given her five mils of Calpol, that's a hundred and twenty milligrams of paracetamol, at about half five. We gave ibuprofen, a hundred milligrams orally, at oh six fifteen.")
        #expect(a.medicationsGiven.map(\.drug) == ["ibuprofen"])
        #expect(a.medicationsGiven.first?.time == "06:15")
        // The crew's own restatement stays the crew's.
        #expect(Extractor.analyze("We gave 5 ml of Calpol, that's 120 mg of paracetamol.").medicationsGiven.allSatisfy {
            $0.drug == "paracetamol"
        })
        #expect(!Extractor.analyze("We gave 5 ml of Calpol, that's 120 mg of paracetamol.").medicationsGiven.isEmpty)
    }

    @Test func aSentenceSayingNothingWasGiven() {
        let text = "They suggested ten milligrams of morphine IV, four of ondansetron and seventy-five of diclofenac IM, but he declined everything, so nothing was given."
        #expect(Extractor.analyze(text).medicationsGiven.isEmpty)
        // Narrower phrases say less.
        #expect(Extractor.analyze("Morphine 5 mg IV given, nothing given orally.").medicationsGiven.count == 1)
        #expect(Extractor.analyze("Nothing given before we arrived. We gave aspirin 300 mg PO.").medicationsGiven.count == 1)
        #expect(Extractor.analyze("He refused everything at first, but we gave paracetamol 1 g PO.").medicationsGiven.count == 1)
    }

    @Test func aGramOfIsOneGram() {
        let a = Extractor.analyze("My colleague gave a gram of tranexamic acid IV at fourteen twenty.")
        #expect(a.medicationsGiven.first?.dose == 1)
        #expect(a.medicationsGiven.first?.unit == "g")
        // "a" before something else is no dose.
        #expect(Extractor.analyze("We gave a dose of paracetamol IV.").medicationsGiven.first?.dose == nil)
    }

    @Test func aTimeAfterTheDoseInItsOwnPart() {
        #expect(Extractor.analyze("We gave ibuprofen, a hundred milligrams orally, at oh six fifteen.").medicationsGiven.first?.time
                == "06:15")
        // Another event's time is not the drug's.
        #expect(Extractor.analyze("We gave morphine 5 mg IV, at 14:10 we left scene.").medicationsGiven.first?.time == nil)
    }

    /// The review of 5b6023c.
    @Test func review() {
        // A range is not one number.
        #expect(Extractor.analyze("Morphine five-ten milligrams IV.").medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("GCS fourteen-fifteen.").vitals.gcs != 1415)
        #expect(Extractor.analyze("Onset about twenty-thirty minutes ago.").times.onset == nil)
        #expect(Extractor.analyze("Heart rate one-twenty-one-thirty.").vitals.hr == nil)
        // "nothing given" about someone else, or before the crew's own giving, hides nothing.
        for text in ["Nothing given by the nursing home, so we gave him 300 micrograms of adrenaline IM.",
                     "Nothing was given before we arrived and we've given him 4 mg of ondansetron IV."] {
            #expect(Extractor.analyze(text).medicationsGiven.count == 1, "\(text)")
        }
        // "half a milligram" is not one milligram.
        #expect(Extractor.analyze("We gave half a milligram of adrenaline IM.").medicationsGiven.first?.dose != 1)
        // A critical care nurse is crew.
        #expect(Extractor.analyze("Our critical care nurse gave fentanyl 50 micrograms IV.").medicationsGiven.count == 1)
        // A corrected saturation with its own context is left to the number rules: never the corrected 86 alone.
        #expect(Extractor.analyze("Sats 86 on room air, sorry, 91 on 2 litres.").vitals.spo2 != 86)
        // "hang on" as a pause costs nothing.
        let bp = Extractor.analyze("BP 148 over 92, hang on one second, pulse 88.")
        #expect(bp.vitals.bpSystolic == 148 && bp.vitals.bpDiastolic == 92 && bp.vitals.hr == 88)
        // "target" in another sentence does not touch the next vital.
        #expect(Extractor.analyze("Sats 90 on two litres, which is his target. Pulse 96.").vitals.hr == 96)
        // The crew's "found".
        #expect(Extractor.analyze("On arrival found him responding to pain only.").vitals.avpu == "P")
        // "it was" after "no sorry" with more after it is an earlier reading.
        #expect(Extractor.analyze("Sats 91, no sorry, it was 96, now 91.").vitals.spo2 != 96)
    }

    /// HeldOut5's engine transcripts: values read from words the engine garbled, or kept after the crew took them
    /// back.
    @Test func engineTranscripts() {
        // A taken-back reading is not read even when the new value is unreadable.
        #expect(Extractor.analyze("On scene at 1338, no hang on, it was 13 42 signs.").times.onScene == nil)
        // "plan" for "point": the number on either side is a fragment.
        #expect(Extractor.analyze("Temp thirty nine plan for.").vitals.temp == nil)
        #expect(Extractor.analyze("We gave to plan five milligrams of morphine IV.").medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("Temp thirty nine point four.").vitals.temp == 39.4)
        // "some sugar" is food.
        #expect(Extractor.analyze("tried him on some sugar eighty which he wouldn't take").vitals.glucoseMgDl == nil)
        #expect(Extractor.analyze("Blood sugar 2.1.").vitals.glucoseMmolL == 2.1)
    }

    /// The review of ca56fae.
    @Test func reviewOfTakingBack() {
        // Words after the marker, not a number: the reading stays.
        #expect(Extractor.analyze("Sats 86, my mistake, that was on his home oxygen.").vitals.spo2 == 86)
        #expect(Extractor.analyze("BM 2.8, correction with glucagon, now 5.1.").vitals.glucoseMmolL != nil)
        #expect(Extractor.analyze("GCS 15, no sorry I mean no loss of consciousness.").vitals.gcs == 15)
        // "scratch that" takes back its part of the sentence.
        #expect(Extractor.analyze("Sats 88 on air, scratch that, the probe had slipped off.").vitals.spo2 == nil)
        #expect(Extractor.analyze("BP 120 over 80 with a scratch that was bleeding.").vitals.bpSystolic == 120)
        // "plan" that starts a plan keeps the reading.
        #expect(Extractor.analyze("GCS fifteen plan to take him to resus.").vitals.gcs == 15)
        #expect(Extractor.analyze("Pain eight plan for morphine.").vitals.painScale0To10 == 8)
        // A measured BM after "more".
        #expect(Extractor.analyze("Did one more BM 3.8.").vitals.glucoseMmolL == 3.8)
    }

    /// After the session's last review: a reading ended by "bpm", "degrees" or "a minute" is corrected like any
    /// other.
    @Test func readingTails() {
        #expect(Extractor.analyze("Pulse 130 bpm, no wait, it's 103.").vitals.hr == 103)
        #expect(Extractor.analyze("Pulse 130 bpm, sorry, it's 103.").vitals.hr == 103)
        #expect(Extractor.analyze("Temp 39.4 degrees, sorry, 38.9.").vitals.temp == 38.9)
        #expect(Extractor.analyze("Resps 28 a minute, sorry, 18.").vitals.rr == 18)
        #expect(Extractor.analyze("Pulse 110 bpm, sorry, it was 20 minutes before we got to him.").vitals.hr == 110)
        // An "A over B" correcting an earlier pair past another reading leaves no BP (not the corrected one).
        let bp = Extractor.analyze("BP 140 over 90, pulse 88 bpm, sorry, 150 over 90.")
        #expect(bp.vitals.bpSystolic != 140)
        #expect(Extractor.analyze("BP 140 over 90, pulse 88, sorry, 150 over 90.").vitals.bpSystolic != 140)
        // A lone systolic corrected by a full pair is that pair.
        let systolic = Extractor.analyze("Obs at twelve oh three, BP one twenty, sorry, one oh six over seventy, heart rate fifty-two.")
        #expect(systolic.vitals.bpSystolic == 106 && systolic.vitals.bpDiastolic == 70)
        #expect(systolic.vitalsSeries.first?.time == "12:03")
    }
}
