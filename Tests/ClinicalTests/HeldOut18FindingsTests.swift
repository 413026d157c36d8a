import Testing
import Clinical

/// What the first measurement of HeldOut18 found, fixed: a one-medicine header, a sex word of someone else's, the US
/// record's sex letter and "T" for temperature, a school nurse's temperature; then a set's time opening its sentence,
/// an onset after a bare "started", and a pressure repeated at once.
@Suite struct HeldOut18FindingsTests {
    /// "Her only medicine is aspirin, seventy-five milligrams, since twelve weeks": the patient's medicine, not a dose.
    @Test func aOneMedicineHeader() {
        let a = Extractor.analyze("Paracetamol one gram orally at fourteen fifty. Her only medicine is aspirin, seventy-five milligrams, since twelve weeks.")
        #expect(a.medicationsGiven.map(\.drug) == ["paracetamol"] && a.history.medications == ["aspirin"])
        #expect(Extractor.analyze("Her only tablet is aspirin 75 mg.").medicationsGiven.isEmpty)
        // Review 70: anything of the crew's giving in the rest of its sentence keeps the dose the crew's.
        for text in ["Her medicine is paracetamol 1 g which we gave at 10:10.",
                     "Her only medicine is aspirin 75 mg, ondansetron 4 mg IV at 10:12.",
                     "His medicine is insulin, glucagon 1 mg IM at 10:20.",
                     "His medicine: aspirin 300 mg given at 10:10."] {
            #expect(!Extractor.analyze(text).medicationsGiven.isEmpty, "\(text)")
        }
    }

    /// "A security man with first aid got her BP as eighty over forty-five": a pregnant woman was read as male.
    @Test func someoneElsesSexWord() {
        let a = Extractor.analyze("This is Aoife, twenty-nine, thirty weeks pregnant. A security man with first aid got her BP as eighty over forty-five. She's on labetalol.")
        #expect(a.patient.gender != "male")
        #expect(Extractor.analyze("The cleaning lady found him on the floor. He's 80, his hip is sore.").patient.gender != "female")
        #expect(Extractor.analyze("A man next door heard her shout. Her hip is sore, her leg is short, her pain is 8.").patient.gender != "male")
        #expect(Extractor.analyze("Male, 55, chest pain.").patient.gender == "male")
    }

    /// "7 y/o M, known epilepsy", "58 y/o F": the sex letter after the age (HeldOut16, 17 and 18 lost it).
    @Test func theSexLetterAfterTheAge() {
        #expect(Extractor.analyze("7 y/o M, known epilepsy.").patient.gender == "male")
        #expect(Extractor.analyze("Eirlys, 58 y/o F, sudden worst-ever headache at 07:15.").patient.gender == "female")
        #expect(Extractor.analyze("Pt is a 45 yo M with chest pain.").patient.gender == "male")
        // A name's initial is not a sex.
        #expect(Extractor.analyze("Age 45, M Jones is his GP.").patient.gender == nil)
    }

    /// "10:18: HR 128, BP 104/66, T 102.6 °F": T with a number and its scale is the temperature.
    @Test func theTemperaturesT() {
        #expect(Extractor.analyze("10:18: HR 128, BP 104/66, RR 24, T 102.6 °F, BGL 112.").vitals.temp == 39.2)
        #expect(Extractor.analyze("T 38.9 C, HR 90.").vitals.temp == 38.9)
        #expect(Extractor.analyze("T 38.9, HR 90.").vitals.temp == nil)
    }

    /// "School nurse gave his own diazepam nasal 10 mg at 10:03 and got a temp of 103.1 °F": the nurse's reading.
    @Test func aReadingAfterAndOfSomeoneWhoOpensTheSentence() {
        let a = Extractor.analyze("School nurse gave his own diazepam nasal 10 mg at 10:03 and got a temp of 103.1 °F. On scene 10:06. 10:18: HR 128, T 102.6 °F.")
        #expect(a.vitals.temp == 39.2 && a.vitalsSeries.count == 1)
        #expect(Extractor.analyze("Mum gave Calpol and took a temp of 39.4.").vitals.temp == nil)
        #expect(Extractor.analyze("We gave Calpol and took a temp of 39.4.").vitals.temp == 39.4)
    }

    /// "10:18: HR 128", "Fifteen hundred: BP …", "Fifteen twenty, on the A six: BP …": the set's time opens its
    /// sentence (eleven sets in HeldOut4, 10, 18 had no time).
    @Test func aSetsTimeOpeningItsSentence() {
        let a = Extractor.analyze("On scene 10:06. SpO2 88% RA, HR 152. Midazolam 5 mg IN 10:11. 10:18: HR 128, BP 104/66. 10:30: HR 120.")
        #expect(a.vitalsSeries.map(\.time) == [nil, "10:18", "10:30"])
        let b = Extractor.analyze("We left at fourteen fifty-five. Fifteen hundred: BP one fifty-two over ninety-eight, pulse ninety-two. Fifteen twenty, on the A six: BP one forty-eight over ninety-six, pulse ninety.")
        #expect(b.vitalsSeries.map(\.time) == ["15:00", "15:20"] && b.vitals.hr == 90)
        // Not a reading, not an hour alone.
        #expect(Extractor.analyze("BP 140/90. 120, pulse 88.").vitalsSeries.allSatisfy { $0.time == nil })
        #expect(Extractor.analyze("Obs: BP 140/90. Ten: pulse 88.").vitalsSeries.allSatisfy { $0.time == nil })
        // Review 73: a year or someone else's time, and a time with no reading after it.
        for text in ["2019: BP 150/90 at the GP, started on ramipril. Today BP 128/76, HR 72.",
                     "Male 78. Twenty nineteen, BP was 190 over 110, that's when he had the stroke. Today BP 150 over 90.",
                     "Called at 14:02. 14:02: BP 150/90 was the reading the GP got this morning. On arrival BP 130/80.",
                     "Female 70. 14:10: BP was unrecordable. 500ml fluid given. After fluids BP 90/50, HR 110."] {
            #expect(Extractor.analyze(text).vitalsSeries.allSatisfy { $0.time == nil }, "\(text)")
        }
        // A time straight after a set's first reading is the set's; after a later reading, no set's (review 74).
        #expect(Extractor.analyze("BP 98/60 at 22:02, pulse 64, RR 18.").vitalsSeries.map(\.time) == ["22:02"])
        let watch = Extractor.analyze("Obs at 10:45 HR 100, smartwatch said HR 180 at 10:05, RR 22, SpO2 95%. On scene 10:30.")
        #expect(watch.vitalsSeries.count == 1 && watch.vitals.rr == 22 && watch.vitals.hr == 100)
    }

    /// "Palpitations started 18:45", "the pain started suddenly at about half past two this afternoon": the onset.
    /// And "started at" only of the complaint: "Bystander CPR started at 14:02" is none.
    @Test func anOnsetAfterStarted() {
        #expect(Extractor.analyze("34 y/o F, palpitations started 18:45 while out running. On scene 19:24.").times.onset == "18:45")
        #expect(Extractor.analyze("He says the pain started suddenly at about half past two this afternoon. On scene at 15:10.").times.onset == "14:30")
        #expect(Extractor.analyze("Her daughter says the confusion started at about 12:30.").times.onset == "12:30")
        for text in ["Bystander CPR started at 14:02. On scene 14:10.", "We started at 14:10 with compressions.",
                     "Infusion started at 13:40.", "CPAP started at 6:45.", "His wife's pain started at 14:00.",
                     "We started CPR at 14:02."] {
            #expect(Extractor.analyze(text).times.onset == nil, "\(text)")
        }
        // Review 73: a year, a dose, care for the complaint, a symptom after the crew came; and the patient's own.
        for text in ["Her seizures started 2015, now on keppra.", "Pain: started 1000mg paracetamol at home.",
                     "Oxygen for the breathlessness started 14:10.", "Morphine for the pain started at 14:10.",
                     "CPR: started 14:02.", "The GTN spray, it started 18:45 and he felt dizzy.",
                     "Called at 10:00. We arrived 10:15. Vomiting started 10:40 in the ambulance."] {
            #expect(Extractor.analyze(text).times.onset == nil, "\(text)")
        }
        #expect(Extractor.analyze("Female 30. Her seizures started 2015. Today's seizure began at 14:05.").times.onset == "14:05")
        #expect(Extractor.analyze("Patient's headache started at 19:00.").times.onset == "19:00")
        #expect(Extractor.analyze("He started at 14:10 with chest pain.").times.onset == "14:10")
        #expect(Extractor.analyze("Asthma attack started at 19:15.").times.onset == "19:15")
    }

    /// "BP ninety-four over sixty, we repeated it straight away, ninety over fifty-eight": one set, the repeat kept.
    @Test func aPressureRepeatedAtOnce() {
        let a = Extractor.analyze("First set at fifteen twenty: BP ninety-four over sixty, we repeated it straight away, ninety over fifty-eight, heart rate one eighteen.")
        #expect(a.vitalsSeries.count == 1 && a.vitals.bpSystolic == 90 && a.vitals.bpDiastolic == 58 && a.vitals.hr == 118)
        let b = Extractor.analyze("BP 94/60, rechecked it manually: 90/58. HR 88.")
        #expect(b.vitalsSeries.count == 1 && b.vitals.bpSystolic == 90)
        // A repeat that is not "it" opens a set of its own; so does one on the other arm (review 74) or far off.
        #expect(Extractor.analyze("BP 94/60, HR 110. Repeat obs: BP 100/64, HR 96.").vitalsSeries.count == 2)
        #expect(Extractor.analyze("BP 94/60, we repeated it on the other arm, 120/80.").vitals.bpSystolic == 94)
        #expect(Extractor.analyze("BP 94/60, retook it manually, 200/120.").vitals.bpSystolic == 94)
    }

    /// "Festival medical tent recorded … HR 160 at 21:20 and called us. On scene 21:35": a reading timed before the
    /// crew got there, said before their arrival, is someone else's (HeldOut14, 17 and 18 each had one read as the
    /// crew's first set).
    @Test func readingsTimedBeforeTheCrewArrived() {
        let tent = Extractor.analyze("Festival medical tent recorded T 40.6 and HR 160 at 21:20 and called us. On scene 21:35, at pt 21:40. 21:45: HR 148, BP 150/92.")
        #expect(tent.vitalsSeries.count == 1 && tent.vitals.hr == 148 && tent.vitalsSeries.first?.time == "21:45")
        let watch = Extractor.analyze("Her smartwatch flagged HR 212 at 18:52; husband's home BP cuff read 96/60, HR 208 at 19:00. On scene 19:24. Our obs 19:30: HR 82, BP 122/78.")
        #expect(watch.vitalsSeries.count == 1 && watch.vitals.hr == 82 && watch.vitals.bpSystolic == 122)
        let transfer = Extractor.analyze("Their obs at 08:30 were GCS 14, BP 142/80. On scene 09:21. Our obs 09:35: GCS 13, BP 148/76.")
        #expect(transfer.vitalsSeries.map(\.time) == ["09:35"] && transfer.vitals.bpSystolic == 148)
        // Kept: a few minutes before the arrival said (crews round), and anything said after the arrival's words.
        #expect(Extractor.analyze("HR 88 at 14:15, BP 120/80. On scene 14:20.").vitals.hr == 88)
        #expect(Extractor.analyze("On scene 14:20. Monitor strip shows HR 40 at 14:05, he was bradycardic then.").vitals.hr == 40)
        // The call's time runs into the set in engine text: it is no set time, and the set stays. The crew's own
        // call is a set's time.
        let call = Extractor.analyze("his wife rang us at twenty two twenty bp eighty four over sixty pulse one twenty on scene twenty two thirty four")
        #expect(call.vitals.bpSystolic == 84 && call.vitalsSeries.first?.time == nil)
        #expect(Extractor.analyze("We phoned the stroke team at 15:00, BP 180/100.").vitalsSeries.first?.time == "15:00")
        // Review 74: another service's arrival removes nothing; nor does an arrival that would leave no set.
        #expect(Extractor.analyze("Our obs at 10:15: HR 96, BP 130/80. HEMS on scene 10:40.").vitals.hr == 96)
        #expect(Extractor.analyze("Obs at 14:05: HR 88, BP 120/80. On scene 14:30.").vitals.hr == 88)
        // A reading's own time leaves the crew's readings after it in their set.
        let carer = Extractor.analyze("obs at ten forty five heart rate one hundred blood pressure one twenty over eighty daughter said sugar was three point one at ten oh five resp rate twenty two sats ninety five on scene at ten thirty")
        #expect(carer.vitalsSeries.count == 1 && carer.vitals.rr == 22 && carer.vitals.glucoseMmolL == nil)
    }

    /// "given nimodipine 60 mg NG and labetalol 10 mg IV by ED": on a transfer, the referring department's doses.
    @Test func aDepartmentsDoseOnATransfer() {
        #expect(Extractor.analyze("YG notes: GCS 13 at 09:40, BP 178/96, given nimodipine 60 mg NG and labetalol 10 mg IV by ED.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("He'd had morphine 5 mg IV from resus before we took him.").medicationsGiven.isEmpty)
        #expect(Extractor.analyze("We gave morphine 5 mg IV at 14:00 on the way to ED.").medicationsGiven.map(\.drug) == ["morphine"])
    }

    /// "Morphine two milligrams IV at sixteen twenty, sorry, two point five": the dose was corrected, not the time;
    /// the old dose is not reported (it was invented), the time is.
    @Test func aDoseCorrectedAfterItsTime() {
        let a = Extractor.analyze("Morphine two milligrams IV at sixteen twenty, sorry, two point five.")
        #expect(a.medicationsGiven.count == 1 && a.medicationsGiven.first?.dose == nil && a.medicationsGiven.first?.time == "16:20")
        // A time corrected by a time stays a time correction.
        let b = Extractor.analyze("Morphine 2 mg IV at 16:20, sorry, 16:25.")
        #expect(b.medicationsGiven.first?.dose == 2 && b.medicationsGiven.first?.time == "16:25")
    }
}
