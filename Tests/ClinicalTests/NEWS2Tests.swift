import Testing
@testable import Clinical

/// Every boundary of the NEWS2 table (scale 1) in CLINICAL.md, and the incomplete-score rule.
@Suite struct NEWS2Tests {
    @Test(arguments: [(8, 3), (9, 1), (11, 1), (12, 0), (20, 0), (21, 2), (24, 2), (25, 3)])
    func respirationRate(_ value: Int, _ score: Int) { #expect(NEWS2.respirationRate(value) == score) }

    @Test(arguments: [(91, 3), (92, 2), (93, 2), (94, 1), (95, 1), (96, 0), (100, 0)])
    func spo2(_ value: Int, _ score: Int) { #expect(NEWS2.spo2Scale1(value) == score) }

    @Test(arguments: [(90, 3), (91, 2), (100, 2), (101, 1), (110, 1), (111, 0), (219, 0), (220, 3)])
    func systolic(_ value: Int, _ score: Int) { #expect(NEWS2.systolicBP(value) == score) }

    @Test(arguments: [(40, 3), (41, 1), (50, 1), (51, 0), (90, 0), (91, 1), (110, 1), (111, 2), (130, 2), (131, 3)])
    func pulse(_ value: Int, _ score: Int) { #expect(NEWS2.pulse(value) == score) }

    @Test(arguments: [(35.0, 3), (35.1, 1), (36.0, 1), (36.1, 0), (38.0, 0), (38.1, 1), (39.0, 1), (39.1, 2)])
    func temperature(_ value: Double, _ score: Int) { #expect(NEWS2.temperature(value) == score) }

    @Test func airOrOxygenAndConsciousness() {
        #expect(NEWS2.airOrOxygen("room air") == 0)
        #expect(NEWS2.airOrOxygen("15 L/min non-rebreather") == 2)
        #expect(NEWS2.airOrOxygen(nil) == nil)
        #expect(NEWS2.consciousness(avpu: "A", gcs: nil) == 0)
        for level in ["C", "V", "P", "U"] { #expect(NEWS2.consciousness(avpu: level, gcs: nil) == 3) }
        #expect(NEWS2.consciousness(avpu: nil, gcs: 15) == 0)
        #expect(NEWS2.consciousness(avpu: nil, gcs: 14) == 3)
        #expect(NEWS2.consciousness(avpu: nil, gcs: nil) == nil)
    }

    static func normal() -> Vitals {
        var v = Vitals()
        v.rr = 16
        v.spo2 = 97
        v.spo2On = "room air"
        v.bpSystolic = 125
        v.hr = 72
        v.avpu = "A"
        v.temp = 36.8
        return v
    }

    @Test func completeBands() {
        let zero = NEWS2.score(Self.normal())
        #expect(zero.complete && zero.score == 0 && zero.risk == "low")
        var red = Self.normal()
        red.hr = 135
        let single = NEWS2.score(red)
        #expect(single.score == 3 && single.risk == "low-medium" && single.redParameter)
        var medium = Self.normal()
        medium.rr = 22 // 2
        medium.hr = 115 // 2
        medium.temp = 38.5 // 1
        #expect(NEWS2.score(medium).score == 5)
        #expect(NEWS2.score(medium).risk == "medium")
        var high = medium
        high.spo2 = 93 // 2
        #expect(NEWS2.score(high).score == 7)
        #expect(NEWS2.score(high).risk == "high")
    }

    @Test func missingIsNeverNormal() {
        // Each parameter left out in turn: the score is incomplete, names what is missing, never "low".
        let keys: [WritableKeyPath<Vitals, Int?>] = [\.rr, \.spo2, \.bpSystolic, \.hr]
        for key in keys {
            var v = Self.normal()
            v[keyPath: key] = nil
            let s = NEWS2.score(v)
            #expect(!s.complete)
            #expect(s.risk == "incomplete")
            #expect(s.missing.count == 1)
        }
        var noTemp = Self.normal()
        noTemp.temp = nil
        #expect(NEWS2.score(noTemp).missing == ["temperature"])
        var noAir = Self.normal()
        noAir.spo2On = nil
        #expect(NEWS2.score(noAir).missing == ["air_or_oxygen"])
        var noConsciousness = Self.normal()
        noConsciousness.avpu = nil
        #expect(NEWS2.score(noConsciousness).missing == ["consciousness"])
        #expect(NEWS2.score(Vitals()).missing.count == 7)
    }

    @Test func incompleteNeverLowSeverity() {
        for text in ["Pulse 72.", "Pulse 72, resps 16, sats 97 on room air, BP 125/80, alert.", ""] {
            let a = Extractor.analyze(text)
            #expect(!a.news2.complete)
            #expect(a.news2.risk != "low" && a.news2.risk != "low-medium")
            #expect(a.severity != .low && a.severity != .veryLow, "\(text)")
            #expect(a.severityRule == "news2_incomplete")
        }
    }

    @Test func incompleteButAlreadyHigh() {
        let a = Extractor.analyze("Resps 30, sats 85 on fifteen litres non-rebreather, pulse 140.")
        #expect(!a.news2.complete)
        #expect(a.news2.score == 3 + 3 + 2 + 3)
        #expect(a.news2.risk == "high")
        #expect(a.severity == .veryHigh)
        #expect(a.severityRule == "news2_high")
    }

    @Test func severityRules() {
        let complete = "resps 16, sats 97 on room air, BP 125/80, pulse 72, temp 36.8, alert."
        #expect(Extractor.analyze(complete).severity == .veryLow)
        #expect(Extractor.analyze(complete.replacingOccurrences(of: "pulse 72", with: "pulse 95")).severity == .low)
        let red = Extractor.analyze(complete.replacingOccurrences(of: "pulse 72", with: "pulse 135"))
        #expect(red.severity == .medium)
        #expect(red.severityRule == "news2_red_parameter")
        let hypo = Extractor.analyze(complete + " BGL 2.4.")
        #expect(hypo.severity == .high)
        #expect(hypo.severityRule == "critical_flag:hypoglycaemia")
        let hyper = Extractor.analyze(complete + " BGL 22 mmol.")
        #expect(hyper.severity == .medium)
        #expect(hyper.severityRule == "warning_flag:hyperglycaemia")
    }
}
