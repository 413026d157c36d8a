import Foundation
import Testing
import Clinical

@Suite struct ReportTests {
    let header = ReportHeader(recordingID: "rec-1", sessionShort: "abcd1234", recordedAt: "2026-01-02T03:04:05Z",
                              crew: "Medic 7", engine: "typed")

    @Test func sectionsInOrder() {
        let text = "Fifty-six year old male, chief complaint chest pain. BP one forty over ninety, pulse one ten. Aspirin 300 mg PO."
        let report = ReportWriter.report(Extractor.analyze(text), transcript: text, header: header)
        let sections = ["PATIENT INFO", "SCENE DETAILS", "CHIEF COMPLAINT", "HISTORY (SAMPLE)", "VITALS", "EXAM FINDINGS",
                        "INTERVENTIONS", "SEVERITY & ACTION", "NEWS2", "ATMIST HANDOVER", "TRANSCRIPT"]
        var last = report.startIndex
        for s in sections {
            let r = report.range(of: "\n" + s, range: last..<report.endIndex)
            #expect(r != nil, "section \(s) missing or out of order")
            if let r { last = r.upperBound }
        }
        #expect(report.contains("Age: 56 years"))
        #expect(report.contains("BP 140/90"))
        #expect(report.contains("aspirin 300 mg PO"))
        #expect(report.contains("Recording: rec-1"))
    }

    @Test func unknownValuesPrintNotStated() {
        let text = "Blood pressure is very high, sugar is stable."
        let a = Extractor.analyze(text)
        let report = ReportWriter.report(a, transcript: text, header: header)
        #expect(report.contains("Age: not stated"))
        #expect(report.contains("Gender: not stated"))
        #expect(report.contains("On scene: not stated"))
        #expect(report.contains("Allergies: not stated"))
        // No number appears in the vitals, exam or interventions sections: nothing was said with a number.
        let body = report.components(separatedBy: "\nVITALS")[1].components(separatedBy: "\nSEVERITY")[0]
            .split(separator: "\n").filter { !$0.contains("NEWS2") }.joined(separator: "\n")
        #expect(body.rangeOfCharacter(from: .decimalDigits) == nil, "a number was printed that was never said: \(body)")
    }

    @Test func flagsAndNews2Breakdown() {
        let text = "Sats 86 on room air, resps 28, pulse 120, BP 100/60, temp 38.4, responds to voice. Glucometer reads HI."
        let report = ReportWriter.report(Extractor.analyze(text), transcript: text, header: header)
        #expect(report.contains("[CRITICAL] Hypoxia"))
        #expect(report.contains("Glucometer above its range"))
        #expect(report.contains("respiration_rate"))
        #expect(report.contains("Severity: Very High (rule: news2_high)"))
    }
}
