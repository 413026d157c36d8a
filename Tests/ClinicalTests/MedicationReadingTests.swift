import Testing
@testable import Clinical

/// Drug names as engines misspell them (read by sound, flagged), and drugs named but not given by the crew.
@Suite struct MedicationReadingTests {
    @Test func soundKeysOfEngineSpellings() {
        #expect(SoundAlike.key("On Dancy Tron") == SoundAlike.key("ondansetron"))
        #expect(SoundAlike.key("NALOC SONE") == SoundAlike.key("naloxone"))
        #expect(SoundAlike.key("Fent annual") == SoundAlike.key("fentanyl"))
        #expect(SoundAlike.key("Salbutam all") == SoundAlike.key("salbutamol"))
        #expect(SoundAlike.key("phenytoin") == SoundAlike.key("fenitoin"))
    }

    @Test func misheardNameWithADoseIsReadAndFlagged() {
        let a = Extractor.analyze("On Dancy Tron 4 milligrams IV for nausea.")
        #expect(a.medicationsGiven.map(\.drug) == ["ondansetron"])
        #expect(a.medicationsGiven.first?.dose == 4)
        #expect(a.medicationsGiven.first?.route == "IV")
        #expect(a.evidence.contains { $0.path == "medications_given[0].drug" && $0.text == "On Dancy Tron" })
        #expect(a.flags.contains { $0.code == "drug_name_by_sound" && $0.text == "On Dancy Tron" })
        #expect(Extractor.analyze("Salbutam all 2.5 milligrams nebulized.").medicationsGiven.map(\.drug) == ["salbutamol"])
        #expect(Extractor.analyze("4 MG Fent annual IN.").medicationsGiven.map(\.drug) == ["fentanyl"])
        // The exact spelling raises no flag.
        #expect(!Extractor.analyze("Ondansetron 4 mg IV.").flags.contains { $0.code == "drug_name_by_sound" })
    }

    /// Found on a Whisper transcript ("a 215-mill focus on saline Roman 4" for "a two-fifty mil bolus of saline
    /// IV"): "on saline" read as the patient's own medicine. An infusion is neither that nor given by the crew when
    /// its words say someone else runs it; salt tablets and saline nebs are still home medicines.
    @Test func anInfusionFluidIsNeverAHomeMedicine() {
        for text in ["He's on saline, and he takes ramipril.", "Focus on saline Roman 4.",
                     "She's on Hartmann's from the GP, and she takes ramipril.",
                     "The nursing home had him on saline, 80 ml an hour, and he takes ramipril.",
                     "He's on saline 1 litre from the ward, and he takes ramipril."] {
            let a = Extractor.analyze(text)
            #expect(a.medicationsGiven.isEmpty, "\(text)")
            #expect(a.history.medications == nil || a.history.medications == ["ramipril"], "\(text)")
        }
        #expect(Extractor.analyze("She takes sodium chloride tablets 600 mg twice daily.").history.medications
                == ["sodium chloride 0.9%"])
        let nebs = Extractor.analyze("She uses her saline nebs twice daily.")
        #expect(nebs.medicationsGiven.isEmpty)
        #expect(nebs.history.medications == ["sodium chloride 0.9%"])
        // A name, not the drug.
        #expect(Extractor.analyze("We attended a man who had a Hartmann's procedure last year.").medicationsGiven.isEmpty)
        // (Dr Hartmann's aspirin is his, not the crew's: neither given nor history, and no fluid either.)
        let doctor = Extractor.analyze("Seen by Dr Hartmann who gave aspirin 300 mg.")
        #expect(doctor.medicationsGiven.isEmpty)
        #expect(doctor.history.medications == nil)
        #expect(Extractor.analyze("Dr Hartmann saw him this morning. We gave aspirin 300 mg.").medicationsGiven.map(\.drug)
                == ["aspirin"])
        // "NS" only with a volume or a route.
        #expect(Extractor.analyze("We were met by NS on arrival.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("NS IV running.").medicationsGiven.map(\.drug) == ["sodium chloride 0.9%"])
        // Given by the crew, it is read as given; other drugs after "on" are still history.
        let given = Extractor.analyze("Treatment: 250 ml of saline IV. He's on amlodipine.")
        #expect(given.medicationsGiven.map(\.drug) == ["sodium chloride 0.9%"])
        #expect(given.medicationsGiven.first?.dose == 250)
        #expect(given.history.medications == ["amlodipine"])
        #expect(Extractor.analyze("500 ml of Hartmann's IV given.").medicationsGiven.map(\.drug) == ["hartmann's solution"])
    }

    /// An infusion's volume as crews say it: in litres ("a litre of saline" is 1,000 ml), and with the bag or bolus
    /// between the volume and "of". Litres stay an oxygen flow for everything else.
    @Test func infusionVolumes() {
        for (text, dose) in [("We've got a liter of normal saline IV running.", 1000.0), ("1 liter NS running IV.", 1000),
                             ("A two-fifty mil bolus of saline IV.", 250), ("A 250 ml bolus of saline IV.", 250), ("Saline 1 litre IV.", 1000),
                             ("500 ml fluid challenge of Hartmann's IV given.", 500), ("A 1 L bag of saline IV.", 1000)] {
            let a = Extractor.analyze(text)
            #expect(a.medicationsGiven.first?.dose == dose, "\(text)")
            #expect(a.medicationsGiven.first?.unit == "ml", "\(text)")
        }
        #expect(Extractor.analyze("1 litre of lactated Ringer's IV.").medicationsGiven.first?.drug == "hartmann's solution")
        #expect(Extractor.analyze("One point five litres NS IV.").medicationsGiven.first?.dose == 1500)
        // With a bag or bolus between, only a volume with its unit is the dose.
        let challenge = Extractor.analyze("BP 80 over 50 fluid challenge of saline 250 ml IV.")
        #expect(challenge.medicationsGiven.first?.dose == 250)
        #expect(Extractor.analyze("One bag of saline IV.").medicationsGiven.first?.dose == nil)
        // An oxygen flow is no infusion volume.
        #expect(Extractor.analyze("Sats 94 on two litres saline running IV.").medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("Gave saline 15 litres non rebreather.").medicationsGiven.first?.unit != "ml")
        // Not a fluid: litres are no dose unit ("morphine 2 litres" reads no dose with a unit).
        #expect(Extractor.analyze("Morphine 2 litres IV.").medicationsGiven.first?.unit == nil)
        // "mil" is millilitres, except before "units" (million).
        #expect(Extractor.analyze("Benzylpenicillin 2.4 mil units IM.").medicationsGiven.first?.unit != "ml")
        // Half a litre is 500 ml or nothing, never 1,000 ml.
        let half = Extractor.analyze("Half a litre of saline IV.").medicationsGiven.first?.dose
        #expect(half == nil || half == 500)
    }

    @Test func soundAloneIsNotEnough() {
        // No dose with a unit beside it: not a medication. Never history by sound.
        #expect(Extractor.analyze("On Dancy Tron for nausea.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Meds include levothroxine.").history.medications == nil)
        // A near sound is no reading: "let the pine" (said: amlodipine) is one edit from quetiapine.
        #expect(Extractor.analyze("He's on let the pine and ramipril.").history.medications == ["ramipril"])
        #expect(Extractor.analyze("Gave morphing 5 milligrams IV.").medicationsGiven.isEmpty)
    }

    /// Found by review: everyday words and drugs not on the list, each within one edit of a listed drug.
    @Test func everydayWordsAndUnlistedDrugsAreNotListedDrugs() {
        for text in ["Found on the floor at home in the recovery position.", "Known epileptic, usually has tonic clonic seizures.",
                     "Regular cocaine user.", "She takes metformin and has been tired all the time.",
                     "She has been taking too many co-codamol for her back pain.",
                     "Cleaned his laceration and gave 1 g paracetamol orally."] {
            let a = Extractor.analyze(text)
            #expect((a.history.medications ?? []).allSatisfy { ["metformin", "co-codamol"].contains($0) }, "\(text)")
            #expect(a.medicationsGiven.allSatisfy { $0.drug == "paracetamol" }, "\(text)")
        }
        #expect(Extractor.analyze("Vecuronium 10 mg IV.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Glucogel 10 g orally.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Ketapine 20 mg IV.").medicationsGiven.isEmpty, "sounds like quetiapine, one edit from ketamine")
        #expect(Extractor.analyze("Takes escitalopram 10 mg daily.").history.medications == nil)
    }

    @Test func soundKeyRules() {
        #expect(SoundAlike.drug(forKey: SoundAlike.key("ondancytron")) == "ondansetron")
        #expect(SoundAlike.drug(forKey: SoundAlike.key("ondansetrom")) == nil, "one edit is not enough")
        #expect(SoundAlike.drug(forKey: SoundAlike.key("piriton")) == nil, "brands and short aliases are not targets")
        #expect(SoundAlike.drug(forKey: SoundAlike.key("epy")) == nil)
    }

    @Test func whatThePatientSwallowedIsNotGiven() {
        let a = Extractor.analyze("Intentional overdose, took thirty-two paracetamol five hundred milligram tablets.")
        #expect(a.medicationsGiven.isEmpty)
        #expect(a.history.medications == nil)
        let b = Extractor.analyze("She'd taken ten puffs of her salbutamol inhaler before we got there.")
        #expect(b.medicationsGiven.isEmpty)
        #expect(b.history.medications == ["salbutamol"])
        // "gave her morphine": the crew's.
        #expect(Extractor.analyze("We gave her morphine 5 mg IV.").medicationsGiven.map(\.drug) == ["morphine"])
    }

    @Test func namedButNotGiven() {
        #expect(Extractor.analyze("GTN withheld because his systolic's eighty-eight.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("I discussed morphine five milligrams IV with the advice line and they declined it.")
            .medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Aspirin would normally be three hundred milligrams.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Didn't give morphine 5 mg.").medicationsGiven.isEmpty)
        // Another drug in the sentence limits where the words count.
        let a = Extractor.analyze("Aspirin 300 mg given, GTN withheld.")
        #expect(a.medicationsGiven.map(\.drug) == ["aspirin"])
        // "no change" after a comma does not undo a dose.
        #expect(Extractor.analyze("Adenosine 6 mg IV, no change.").medicationsGiven.map(\.drug) == ["adenosine"])
    }

    @Test func takenBeforeTheCrewOrOnlyAdvised() {
        let a = Extractor.analyze("Before we arrived he'd taken two puffs of his own GTN spray and a three hundred milligram aspirin, with partial relief.")
        #expect(a.medicationsGiven.isEmpty)
        #expect(Extractor.analyze("The GP told us to give prednisolone thirty milligrams orally, but we haven't given it.")
            .medicationsGiven.isEmpty)
        // "on arrival" is not "before we arrived".
        #expect(Extractor.analyze("On arrival we gave aspirin 300 mg chewed.").medicationsGiven.map(\.drug) == ["aspirin"])
    }

    @Test func unableToTakeIsNotHistory() {
        // HeldOut3: glucagon given, oral glucose not given, neither a regular medication.
        let a = Extractor.analyze("Unable to take oral glucose safely, so glucagon one milligram IM at sixteen forty-two. Takes insulin.")
        #expect(a.medicationsGiven.map(\.drug) == ["glucagon"])
        #expect(a.history.medications == ["insulin"])
    }

    @Test func thousandsInADose() {
        let a = Extractor.analyze("Heparin five thousand units IV.")
        #expect(a.medicationsGiven.first?.dose == 5000)
        #expect(a.medicationsGiven.first?.unit == "units")
        #expect(Extractor.analyze("Heparin 5,000 units IV.").medicationsGiven.first?.dose == 5000)
        #expect(Extractor.analyze("Calcium gluconate 10 ml IV.").medicationsGiven.first?.drug == "calcium gluconate")
        #expect(Extractor.analyze("Tranexamic acid one gram IV.").medicationsGiven.first?.drug == "tranexamic acid")
    }

    @Test func givenAfterAllOrByTheCrew() {
        #expect(Extractor.analyze("Patient initially declined pain relief but then accepted morphine 5 mg IV.")
            .medicationsGiven.map(\.drug) == ["morphine"])
        #expect(Extractor.analyze("She told us she'd had pain for an hour so we gave aspirin 300 mg chewed.")
            .medicationsGiven.map(\.drug) == ["aspirin"])
        #expect(Extractor.analyze("Took a 12-lead, aspirin 300 mg chewed.").medicationsGiven.map(\.drug) == ["aspirin"])
        #expect(Extractor.analyze("adenosine six milligrams i v no change").medicationsGiven.map(\.drug) == ["adenosine"])
        let t = Extractor.analyze("Titrated her morphine to 10 mg IV.")
        #expect(t.medicationsGiven.map(\.drug) == ["morphine"])
        #expect(t.history.medications == nil)
        #expect(Extractor.analyze("Takes ramipril 5 mg OD and aspirin 75 mg OD.").history.medications == ["ramipril", "aspirin"])
    }

    @Test func splitDigitsAreNoDose() {
        // Whisper wrote "three twenty-four milligrams" as "320 4 mg".
        let a = Extractor.analyze("We gave 320 4 mg of aspirin PO.")
        #expect(a.medicationsGiven.map(\.drug) == ["aspirin"])
        #expect(a.medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("Aspirin 320 4 mg PO.").medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("We gave 324 mg of aspirin PO.").medicationsGiven.first?.dose == 324)
    }

    @Test func correctedNumbers() {
        let a = Extractor.analyze("Pulse one ten, sorry, one hundred, irregular. BP one twenty-six over eighty, no wait, one twenty-six over seventy-eight.")
        #expect(a.vitals.hr == 100)
        #expect(a.vitals.bpSystolic == 126)
        #expect(a.vitals.bpDiastolic == 78)
        #expect(a.vitalsSeries.count == 1)
        // The evidence still holds what was said, the correction included.
        #expect(a.evidence.contains { $0.path.hasSuffix(".hr") && $0.text == "Pulse one ten, sorry, one hundred" })
        // The same shape: units, percentages, a full stop before the correction, clock times.
        #expect(Extractor.analyze("Morphine 10 milligrams, sorry, 5 milligrams IV.").medicationsGiven.first?.dose == 5)
        #expect(Extractor.analyze("Sats 94%, sorry, 92% on air.").vitals.spo2 == 92)
        #expect(Extractor.analyze("Pulse 110. Sorry, 100.").vitals.hr == 100)
        #expect(Extractor.analyze("On scene at 14:20, sorry, 14:25.").times.onScene == "14:25")
        // A correction that does not line up: neither number is read.
        #expect(Extractor.analyze("Resps eighteen, sorry, two puffs of her inhaler before we arrived.").vitals.rr == nil)
        #expect(Extractor.analyze("Pulse one ten, sorry, twenty.").vitals.hr == nil)
        #expect(Extractor.analyze("Pulse 88, sorry, 140 over 90 is the BP.").vitals.hr == nil)
        // "sorry" without a number after it changes nothing.
        #expect(Extractor.analyze("Sorry, bear with me. Pulse ninety.").vitals.hr == 90)
        #expect(Extractor.analyze("Pulse ninety, sorry about that.").vitals.hr == 90)
    }

    @Test func readingAfterAChange() {
        let a = Extractor.analyze("Sats eighty-six percent on air. Put her on fifteen litres via non-rebreather and sats came up to ninety-three.")
        #expect(a.vitals.spo2 == 93)
        #expect(a.vitalsSeries.count == 2)
    }

    @Test func garbledNumbersStayNull() {
        // From the held-out engine transcripts.
        #expect(Extractor.analyze("heart rate 100, and 2, resps 18").vitals.hr == nil)
        #expect(Extractor.analyze("HR 100 4. RR 20.").vitals.hr == nil)
        #expect(Extractor.analyze("TEMP 100 2.4. Pulse 118.").vitals.temp == nil)
        #expect(Extractor.analyze("hr one hundred for our hearts").vitals.hr == nil)
        #expect(Extractor.analyze("Blood sugar 1-H-E.").vitals.glucoseMmolL == nil)
        #expect(Extractor.analyze("blood sugar 1, 80").vitals.glucoseMmolL == nil)
        #expect(Extractor.analyze("A 4T4-year old male.").patient.age == nil)
        #expect(Extractor.analyze("A T-4-year-old woman.").patient.age == nil)
        // Whole readings are still read.
        #expect(Extractor.analyze("pulse 100 and regular").vitals.hr == 100)
        #expect(Extractor.analyze("A 4-year-old boy.").patient.age == 4)
        #expect(Extractor.analyze("Blood sugar 4.2, GCS 15").vitals.glucoseMmolL == 4.2)
    }

    @Test func negatedResponseLevel() {
        #expect(Extractor.analyze("Not responding to voice but responds to pain.").vitals.avpu == "P")
    }

    @Test func vitalNamesAsEnginesWriteThem() {
        #expect(Extractor.analyze("Piles 122, irregular.").vitals.hr == 122)
        #expect(Extractor.analyze("History of piles, 2 years.").vitals.hr == nil)
        #expect(Extractor.analyze("Piles about 90.").vitals.hr == nil, "an English word needs digits straight after")
        #expect(Extractor.analyze("Cystolic 90 by PALP.").vitals.bpSystolic == 90)
        #expect(Extractor.analyze("and title 35, pain 8 out of 10.").vitals.etco2 == 35)
        #expect(Extractor.analyze("Narrow complex tachycardia at two hundred and ten.").vitals.hr == 210)
        #expect(Extractor.analyze("Went into a bradycardia at 20:15.").vitals.hr == nil, "a time, not a rate")
        #expect(Extractor.analyze("bradycardia at twenty past two").vitals.hr == nil)
        #expect(Extractor.analyze("Laceration to left wrist 3 cm.").vitals.rr == nil)
    }
}

/// The second review's examples: each was a wrong value or a lost drug.
@Suite struct SecondReviewTests {
    @Test func postureIsNoSaturation() {
        #expect(Extractor.analyze("Sat her up to 60 degrees.").vitals.spo2 == nil)
        #expect(Extractor.analyze("Temp 38 degrees.").vitals.temp == 38)
        #expect(Extractor.analyze("History of piles 30 yrs.").vitals.hr == nil)
    }

    @Test func correctionsOnlyOfTheSameShape() {
        #expect(Extractor.analyze("BP 140/90, sorry, 130.").vitals.bpDiastolic == nil)
        #expect(Extractor.analyze("Sats 94, sorry, 88 is the pulse.").vitals.spo2 == nil)
        let a = Extractor.analyze("Pulse 110, sorry, 1 20.")
        #expect(a.vitals.hr == nil)
        #expect(Extractor.analyze("Pain 8 out of 10, sorry, 7.").vitals.painScale0To10 == 7)
        #expect(Extractor.analyze("GCS 14 out of 15, sorry, 13.").vitals.gcs == 13)
        #expect(Extractor.analyze("Salbutamol 5 mg, sorry, 2.5 ml nebulised.").medicationsGiven.first?.dose == nil)
    }

    @Test func noPartialDoses() {
        #expect(Extractor.analyze("Heparin four thousand five hundred units IV.").medicationsGiven.first?.dose == nil)
        let b = Extractor.analyze("Penicillin G 2.4 million units IV.")
        #expect(b.medicationsGiven.first?.dose == nil)
        #expect(b.medicationsGiven.first?.unit == nil)
        #expect(Extractor.analyze("Benzylpenicillin 2,400,000 units IV.").medicationsGiven.first?.dose == nil)
    }

    @Test func notGivenByTheCrew() {
        #expect(Extractor.analyze("Before we arrived his wife gave him 300 mg of aspirin.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("We didn't give her morphine because her sats were 88.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("We didn't give any aspirin as he's on warfarin.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("Intentional overdose, thirty-two paracetamol 500 mg tablets.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("We thought about ondansetron but she's not nauseous, so didn't give it.").medicationsGiven.isEmpty)
        let a = Extractor.analyze("Accepted conveyance, on apixaban.")
        #expect(a.medicationsGiven.isEmpty)
        #expect(a.history.medications == ["apixaban"])
        #expect(Extractor.analyze("O2 titrated to 94-98, on ramipril.").history.medications == ["ramipril"])
    }

    @Test func givenDrugsAreKept() {
        for text in ["Glucagon 1 mg IM as we couldn't get IV access.", "Paracetamol 1 g IV as she couldn't swallow.",
                     "Adenosine 6 mg IV did not convert.", "GTN 400 mcg SL which did not help.",
                     "Morphine 5 mg IV given, pressure held on the wound.", "Adrenaline 500 mcg IM, second dose considered.",
                     "Aspirin 300 mg chewed, pain started 20 minutes before we arrived.",
                     "GCS declined to 12 so naloxone 400 micrograms IM.",
                     "She told us her pain was 9 out of 10, morphine 5 mg IV.", "Initially refused, then agreed to morphine 5 mg IV.",
                     "Obs taken and morphine 5 mg IV given.", "12-lead taken and aspirin 300 mg given."] {
            #expect(Extractor.analyze(text).medicationsGiven.count == 1, "\(text)")
        }
        #expect(Extractor.analyze("He's taken his usual ramipril this morning.").history.medications == ["ramipril"])
    }

    @Test func timesAfterAtAreNoRates() {
        #expect(Extractor.analyze("Pulse 100 for the whole journey.").vitals.hr == 100)
        #expect(Extractor.analyze("Went into a bradycardia at 21 hundred.").vitals.hr == nil)
        #expect(Extractor.analyze("Bradycardia at 20 40.").vitals.hr == nil)
    }
}

/// The third review's examples: drugs not given reported as given, and given drugs lost.
@Suite struct ThirdReviewTests {
    @Test func notGiven() {
        for text in ["Patient declined to take aspirin 300 mg.", "She declined 4 mg ondansetron.",
                     "patient declined ten milligrams of morphine", "GTN 400 mcg held on account of BP 85.",
                     "Morphine not appropriate given his BP of 85.", "Morphine has not been given.", "GTN not yet given.",
                     "GTN not to be given.", "Paracetamol couldn't be given.", "GTN 400 mcg not indicated, BP 88.",
                     "Aspirin 300 mg taken before we arrived.", "His wife gave him aspirin 300 mg before we arrived.",
                     "Before we arrived, he'd used two sprays of his own GTN and his wife had given him 300mg of aspirin at 1330."] {
            #expect(Extractor.analyze(text).medicationsGiven.isEmpty, "\(text)")
        }
    }

    @Test func given() {
        for text in ["Didn't respond to the first dose so adrenaline 500 mcg IM repeated.", "Pain not settling so morphine 5 mg IV.",
                     "Cannulated without difficulty and morphine 5 mg IV.", "Couldn't cannulate so IN fentanyl 100 mcg.",
                     "Thought to be ACS so aspirin 300 mg chewed.", "Aspirin 300 mg chewed as thought cardiac.",
                     "chest pain not radiating aspirin three hundred milligrams chewed",
                     "Took two puffs of his GTN before we arrived, we gave aspirin 300 mg.",
                     "Suspected opiate overdose, naloxone 400 mcg IM.", "Heroin overdose, narcan 0.4 mg IN.",
                     "Morphine titrated to effect.", "Initially declined, then accepted Entonox.",
                     "Adrenaline 500 mcg IM, second dose not given.", "Morphine 5 mg IV, GCS declined to 12.",
                     "Morphine 10, IV, 14:20."] {
            #expect(Extractor.analyze(text).medicationsGiven.count == 1, "\(text)")
        }
        let a = Extractor.analyze("Collapsed before we arrived, gave adrenaline 1 mg IV then amiodarone 300 mg IV.")
        #expect(a.medicationsGiven.map(\.drug) == ["epinephrine", "amiodarone"])
        let b = Extractor.analyze("Normally takes co-codamol, accepted morphine 5 mg IV.")
        #expect(b.medicationsGiven.map(\.drug) == ["morphine"])
        #expect(b.history.medications == ["co-codamol"])
    }

    @Test func overdoseIsNotARegularMedication() {
        #expect(Extractor.analyze("Took an overdose of his wife's prescription zopiclone.").history.medications == nil)
    }

    @Test func correctionsKeepNoRetractedValue() {
        #expect(Extractor.analyze("Pain 9 out of 10, sorry, 4.").vitals.painScale0To10 != 9)
        #expect(Extractor.analyze("GCS 14 out of 15, sorry, 13 out of 15.").vitals.gcs == 13)
        #expect(Extractor.analyze("Pulse 140 bpm, sorry, 104.").vitals.hr != 140)
        #expect(Extractor.analyze("Sats 94 on air, sorry, 92 on air.").vitals.spo2 != 94)
        #expect(Extractor.analyze("Temp 38.5 degrees, sorry, 37.5.").vitals.temp != 38.5)
        #expect(Extractor.analyze("Pain 8, sorry, 7 out of 10.").vitals.painScale0To10 == 7)
        #expect(Extractor.analyze("On scene at 14:40, sorry, 14:45.").times.onScene == "14:45")
        #expect(Extractor.analyze("Sats now up to 96.").vitals.spo2 == 96)
    }
}

/// The fourth review's examples.
@Suite struct FourthReviewTests {
    @Test func given() {
        for text in ["Morphine 10 mg IV given as discussed with the advice line.", "Aspirin 300 mg given as advised by the cardiologist.",
                     "Morphine 5 mg IV given, declined further doses.", "GTN 400 mcg SL given, BP dropped so further doses withheld.",
                     "Unable to give anything orally so glucagon 1 mg IM.", "Couldn't give anything IV so IN fentanyl 100 mcg.",
                     "Prior to our arrival he'd had GTN x2, we gave aspirin 300 mg chewed.",
                     "Opiate overdose, we bagged him, naloxone 400 mcg.", "Suspected overdose, naloxone 400 micrograms given.",
                     "Naloxone 400 mcg IM with good effect so a second dose was not required.",
                     "adrenaline five hundred micrograms i m second dose not given",
                     "Morphine 5 mg IV and pressure held on the wound.", "Direct pressure held and TXA 1 g IV."] {
            #expect(Extractor.analyze(text).medicationsGiven.count == 1, "\(text)")
        }
    }

    @Test func notGiven() {
        for text in ["Offered morphine 5 mg IV, declined, gave Entonox instead.",
                     "We were not able to give aspirin as he's allergic.", "It was not safe to give GTN, BP 85.",
                     "We thought about giving GTN but BP was 90.",
                     "He'd taken 2 sprays of his own GTN before we arrived, and 300 mg of aspirin.",
                     "Intentional overdose of 32 paracetamol PO at 2000.", "Accepted conveyance, last paracetamol at 0800.",
                     "Pain seven out of ten, we offered morphine but she declined it."] {
            #expect(!Extractor.analyze(text).medicationsGiven.contains { ["morphine", "aspirin", "nitroglycerin", "paracetamol"].contains($0.drug) }, "\(text)")
        }
    }

    @Test func correctionsDropWholeNumbers() {
        #expect(Extractor.analyze("Sats ninety-four on air, sorry, ninety-two.").vitals.spo2 == nil)
        #expect(Extractor.analyze("sats ninety four on air sorry ninety two").vitals.spo2 == nil)
        #expect(Extractor.analyze("resps twenty two and laboured sorry twenty four").vitals.rr == nil)
        #expect(Extractor.analyze("pulse one twenty two regular sorry one twelve").vitals.hr == nil)
        // "degrees", "bpm", "a minute" end a reading without being part of it: the correction reads (changed with
        // HeldOut5FindingsTests.readingTailsAndTakenBackDrugs; "Pulse 130 bpm, no wait, it's 103" reported 130).
        #expect(Extractor.analyze("temp thirty eight degrees sorry thirty seven").vitals.temp == 37)
        #expect(Extractor.analyze("Sats 94 on 15 litres NRB, sorry, 92.").vitals.spo2 == nil)
        #expect(Extractor.analyze("Sats 94% on room air, sorry, 92%.").vitals.spo2 == nil)
    }
}

/// The fifth review's examples.
@Suite struct FifthReviewTests {
    @Test func given() {
        for text in ["Suspected opiate overdose so naloxone 400 mcg IM.", "insulin overdose glucagon one milligram IM",
                     "Fell before our arrival, paracetamol 1 g IV.", "chest pain not relieved aspirin given",
                     "Pain not settling despite giving 10 mg morphine IV."] {
            #expect(Extractor.analyze(text).medicationsGiven.count == 1, "\(text)")
        }
        #expect(Extractor.analyze("Overdose of oxycodone and naloxone 400 micrograms IM given.").medicationsGiven.map(\.drug) == ["naloxone"])
        #expect(Extractor.analyze("Collapsed prior to arrival, adrenaline 1 mg IO, amiodarone 300 mg IV.").medicationsGiven.count == 2)
        #expect(Extractor.analyze("We gave aspirin, GTN and ondansetron.").medicationsGiven.count == 3)
    }

    @Test func notGiven() {
        for text in ["Prior to our arrival I believe his wife gave him aspirin 300 mg.", "Morphine 5 mg IV offered, then declined.",
                     "We haven't given morphine as BP is low.", "We never gave morphine.", "Have not given any morphine.",
                     "Intentional overdose of 32 paracetamol PO at 2000."] {
            #expect(Extractor.analyze(text).medicationsGiven.isEmpty, "\(text)")
        }
    }

    @Test func correctionsNeverCutANumber() {
        let a = Extractor.analyze("bp one sixty over ninety eight sats ninety four percent on room air sorry ninety two")
        #expect(a.vitals.bpDiastolic != 90)
        #expect(Extractor.analyze("Pulse one twenty-two, sats ninety-four on air, sorry, ninety-two.").vitals.hr != 120)
    }
}

/// From HeldOut3's engine transcripts.
@Suite struct HeldOut3EngineTests {
    @Test func shortNameInsideAHyphenatedWord() {
        #expect(Extractor.analyze("Takes furosemide, bisoprolol and epi-cabin.").history.medications == ["furosemide", "bisoprolol"])
        #expect(Extractor.analyze("Epi 1 mg IV.").medicationsGiven.map(\.drug) == ["epinephrine"])
    }

    @Test func spokenTwoAfterARoundNumber() {
        #expect(Extractor.analyze("pulse 100, and to Vp1 24").vitals.hr == nil)
        #expect(Extractor.analyze("breasts twenty to ten").vitals.rr == nil)
        #expect(Extractor.analyze("resps twenty two").vitals.rr == 22)
    }
}

/// The sixth review's examples.
@Suite struct SixthReviewTests {
    @Test func given() {
        for text in ["Pulse 80 regular, aspirin 300 mg chewed.", "HR 88 and regular, GTN 400 mcg SL given.",
                     "Repeat adrenaline 1 mg IV at 14:25.", "Found collapsed at home, naloxone 400 mcg IM.",
                     "Started on salbutamol 5 mg nebulised.", "Put on salbutamol 5 mg nebs.",
                     "Aspirin 300 mg chewed as advised by the cardiology registrar.", "GTN 400 mcg SL on advice from the GP.",
                     "aspirin three hundred milligrams chewed discussed with cath lab",
                     "she told us her pain was nine out of ten morphine five milligrams i v",
                     "took a twelve lead aspirin three hundred milligrams chewed",
                     "overdose of heroin naloxone four hundred micrograms i m",
                     "Epi-Pen 0.3 mg IM.", "GTN-spray 400 mcg SL."] {
            #expect(Extractor.analyze(text).medicationsGiven.count == 1, "\(text)")
        }
    }

    @Test func notADose() {
        #expect(Extractor.analyze("Gave morphine 10 minutes ago.").medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("Adrenaline 3 doses IO.").medicationsGiven.first?.dose == nil)
        #expect(Extractor.analyze("GTN 400 mcg held on account of BP 85.").medicationsGiven.isEmpty)
    }
}
