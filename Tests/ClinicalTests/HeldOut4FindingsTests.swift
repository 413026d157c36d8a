import Testing
import Clinical

/// What the first measurement on HeldOut4 (written by a helper who had not read the extractor) showed, as general
/// rules with cases of their own: each test has the form that must be read and the near misses that must not.
@Suite struct HeldOut4FindingsTests {
    @Test func thePatientStartingHisOwnDrugIsHistory() {
        let a = Extractor.analyze("He's on tiotropium, and he started his prednisolone rescue pack yesterday.")
        #expect(a.medicationsGiven.isEmpty)
        #expect(a.history.medications == ["tiotropium", "prednisolone"])
        // The crew giving the patient's drug is still the crew's.
        #expect(Extractor.analyze("We gave her morphine 5 mg IV.").medicationsGiven.map(\.drug) == ["morphine"])
        #expect(Extractor.analyze("Titrated his morphine to 10 mg IV.").medicationsGiven.map(\.drug) == ["morphine"])
    }

    @Test func anOfferIsNotADose() {
        for text in ["We offered morphine and Entonox and he declined both, so we haven't given him anything.",
                     "We offered morphine but she wanted to wait.",
                     "Offered paracetamol 1 g PO."] {
            #expect(Extractor.analyze(text).medicationsGiven.isEmpty, "\(text)")
        }
        for text in ["We offered morphine, which she accepted, 5 mg IV.",
                     "Offered morphine and gave 5 mg IV at 14:20."] {
            #expect(Extractor.analyze(text).medicationsGiven.map(\.drug) == ["morphine"], "\(text)")
        }
    }

    @Test func glucoseTenPercentIsADrug() {
        for text in ["We gave glucose ten percent, one hundred mils IV at oh seven fifty.",
                     "Glucose 10% 100 ml IV.", "10% dextrose 100 ml IV."] {
            let a = Extractor.analyze(text)
            #expect(a.medicationsGiven.count == 1, "\(text)")
            #expect(a.medicationsGiven.first?.drug == "dextrose", "\(text)")
            #expect(a.medicationsGiven.first?.dose == 100, "\(text)")
            #expect(a.medicationsGiven.first?.unit == "ml", "\(text)")
            #expect(a.vitals.glucoseMmolL == nil && a.vitals.spo2 == nil, "\(text)")
        }
        // The blood sugar is still a reading.
        #expect(Extractor.analyze("Glucose 10 mmol.").vitals.glucoseMmolL == 10)
        #expect(Extractor.analyze("Glucose 10 mmol.").medicationsGiven.isEmpty)
    }

    @Test func obstetricDrugs() {
        let a = Extractor.analyze("We gave oxytocin ten units IM at oh four thirty-six.")
        #expect(a.medicationsGiven.first?.drug == "oxytocin")
        #expect(a.medicationsGiven.first?.dose == 10)
        #expect(a.medicationsGiven.first?.unit == "units")
        #expect(a.medicationsGiven.first?.time == "04:36")
        #expect(Extractor.analyze("Syntometrine 1 ml IM given.").medicationsGiven.first?.drug == "syntometrine")
    }

    @Test func aThermometerReading() {
        let a = Extractor.analyze("The home's ear thermometer said a hundred and two point two Fahrenheit.")
        #expect(a.vitals.temp == 39.0)
        #expect(Extractor.analyze("Thermometer showed 38.4.").vitals.temp == 38.4)
        // A description stays null.
        #expect(Extractor.analyze("The thermometer said she was hot.").vitals.temp == nil)
    }

    @Test func ageSaidTersely() {
        #expect(Extractor.analyze("Twenty-nine, male. Query heroin overdose.").patient.age == 29)
        #expect(Extractor.analyze("Age, seventy-eight, female.").patient.age == 78)
        // Not at a sentence's start, not before a sex, or a count of people: no age.
        for text in ["Pulse one ten. Sats ninety-four, male nurse present.", "Resps 29, male.",
                     "Two, male and female, both walking wounded.", "Twenty-nine males."] {
            #expect(Extractor.analyze(text).patient.age == nil, "\(text)")
        }
    }

    @Test func pastHistoryItems() {
        let a = Extractor.analyze("Past history of heart failure and type two diabetes, he takes furosemide.")
        #expect(a.history.pastHistory == ["heart failure", "type two diabetes"])
        #expect(a.history.medications == ["furosemide"])
        let b = Extractor.analyze("Past history type 1 diabetes and hypothyroidism, he's on insulin.")
        #expect(b.history.pastHistory == ["type 1 diabetes", "hypothyroidism"])
        #expect(Extractor.analyze("Past history of asthma, she takes salbutamol.").history.pastHistory == ["asthma"])
    }

    @Test func bothSharesTheRouteAndTime() {
        let a = Extractor.analyze("Then chlorphenamine ten milligrams IV and hydrocortisone two hundred milligrams IV, both at fourteen thirty-five.")
        #expect(a.medicationsGiven.map(\.drug) == ["chlorphenamine", "hydrocortisone"])
        #expect(a.medicationsGiven.map(\.time) == ["14:35", "14:35"])
        #expect(a.medicationsGiven.map(\.route) == ["IV", "IV"])
        let b = Extractor.analyze("Salbutamol 5 mg and ipratropium 500 mcg, both nebulised at 10:15.")
        #expect(b.medicationsGiven.map(\.route) == ["NEB", "NEB"])
        #expect(b.medicationsGiven.map(\.time) == ["10:15", "10:15"])
        // Without "both" the route and time stay with their own drug: aspirin is not sublingual.
        let c = Extractor.analyze("Aspirin 300 mg and GTN 400 mcg SL at 12:10.")
        #expect(c.medicationsGiven.map(\.route) == [nil, "SL"])
        #expect(c.medicationsGiven.map(\.time) == [nil, "12:10"])
        // "both" about something else in another sentence does not reach back.
        let d = Extractor.analyze("Aspirin 300 mg. GTN 400 mcg SL, both arms checked.")
        #expect(d.medicationsGiven.map(\.route) == [nil, "SL"])
    }

    @Test func aTimeStraightAfterTheRoute() {
        let a = Extractor.analyze("Naloxone four hundred micrograms IM twenty-two twenty. Narcan 400 mcg IV 22:24.")
        #expect(a.medicationsGiven.map(\.time) == ["22:20", "22:24"])
        // Bare digits after a route are no time, nor is a number with more words after it.
        for text in ["Morphine 5 mg IV 1420.", "Naloxone 400 mcg IM twenty-two twenty seconds later repeated."] {
            #expect(Extractor.analyze(text).medicationsGiven.first?.time == nil, "\(text)")
        }
    }

    @Test func withThePatient() {
        #expect(Extractor.analyze("We were with him at ten oh six.").times.atPatient == "10:06")
        #expect(Extractor.analyze("We were on scene at fourteen nineteen and with him at fourteen twenty.").times.onScene == "14:19")
    }
}
