/// Writes report.txt: the origin app's sections, an ATMIST handover summary and the NEWS2 breakdown.
/// Anything not said prints as "not stated"; nothing is filled in.
public enum ReportWriter {
    static let notStated = "not stated"

    public static func report(_ analysis: Analysis, transcript: String, header: ReportHeader) -> String {
        var out: [String] = []
        let a = analysis
        out.append("PATIENT CARE REPORT")
        out.append("Recording: \(header.recordingID)   Session: \(header.sessionShort)   Recorded (UTC): \(header.recordedAt)")
        out.append("Crew: \(header.crew)   Speech engine: \(header.engine)")
        out.append("Extracted by rules from the transcript below; every value was spoken. \"\(notStated)\" = not said.")
        out.append("")

        section(&out, "PATIENT INFO")
        out.append("  Age: " + (a.patient.age.map { "\($0) \(a.patient.ageUnit ?? "years")" } ?? notStated))
        out.append("  Gender: " + (a.patient.gender ?? notStated))

        section(&out, "SCENE DETAILS")
        out.append("  Time of onset: " + (a.times.onset ?? notStated))
        out.append("  On scene: " + (a.times.onScene ?? notStated))
        out.append("  At patient: " + (a.times.atPatient ?? notStated))
        out.append("  Left scene: " + (a.times.leftScene ?? notStated))
        out.append("  At destination: " + (a.times.atDestination ?? notStated))
        out.append("  Transfer of care: " + (a.times.transferOfCare ?? notStated))
        out.append("  Mechanism: " + (a.mechanism ?? notStated))

        section(&out, "CHIEF COMPLAINT")
        out.append("  " + (a.chiefComplaint ?? notStated))

        section(&out, "HISTORY (SAMPLE)")
        out.append("  Signs/symptoms: " + (a.chiefComplaint ?? notStated))
        out.append("  Allergies: " + allergies(a.history))
        out.append("  Medications (patient's own): " + list(a.history.medications))
        out.append("  Past history: " + list(a.history.pastHistory))
        out.append("  Last oral intake: " + (a.history.lastMeal ?? notStated))
        out.append("  Events: " + (a.history.events ?? notStated))

        section(&out, "VITALS")
        if a.vitalsSeries.isEmpty { out.append("  \(notStated)") }
        for set in a.vitalsSeries {
            out.append("  Set \(set.index + 1) (" + (set.time ?? "time not stated") + "): " + vitalsLine(set.values, set))
        }
        let clinical = a.flags.filter { $0.level != .info }
        let dataFlags = a.flags.filter { $0.level == .info }
        out.append("  Flags: " + (clinical.isEmpty ? "none" : ""))
        for f in clinical { out.append("    [\(f.level.rawValue.uppercased())] \(f.message) (rule: \(f.rule))") }
        for f in dataFlags {
            out.append("    [NOTE] \(f.message)" + (f.text.map { " Said: \"\($0)\"." } ?? "") + " (rule: \(f.rule))")
        }

        section(&out, "EXAM FINDINGS")
        out.append("  " + (a.examFindings.isEmpty ? notStated : a.examFindings.joined(separator: "; ")))

        section(&out, "INTERVENTIONS")
        out.append("  Medications given:" + (a.medicationsGiven.isEmpty ? " none stated" : ""))
        for m in a.medicationsGiven { out.append("    - " + medication(m)) }
        out.append("  Procedures: " + (a.interventions.isEmpty ? "none stated" : a.interventions.joined(separator: ", ")))

        section(&out, "SEVERITY & ACTION")
        out.append("  Severity: \(a.severity.rawValue) (rule: \(a.severityRule))")
        out.append("  Recommendation: \(a.recommendation)")

        section(&out, "NEWS2 (RCP 2017, SpO2 scale 1, latest values)")
        out.append("  Score: \(a.news2.score)" + (a.news2.complete ? "" : " (incomplete: lower bound)")
                   + "   Risk: \(a.news2.risk)")
        for p in NEWS2.Parameter.allCases {
            let s = a.news2.subscores[p.rawValue] ?? nil
            out.append("  " + pad(p.rawValue, 18) + pad(news2Value(p, a.vitals), 26) + (s.map { "\($0)" } ?? "missing"))
        }

        section(&out, "ATMIST HANDOVER")
        let age = a.patient.age.map { "\($0) \(a.patient.ageUnit ?? "years")" } ?? "age \(notStated)"
        out.append("  A  Age: \(age), \(a.patient.gender ?? "gender \(notStated)")")
        out.append("  T  Time of onset: " + (a.times.onset ?? notStated))
        out.append("  M  Mechanism/complaint: " + (a.mechanism ?? a.chiefComplaint ?? notStated))
        let info = a.examFindings + (a.history.pastHistory.map { ["history: " + $0.joined(separator: ", ")] } ?? [])
        out.append("  I  Injuries/information: " + (info.isEmpty ? notStated : info.joined(separator: "; ")))
        out.append("  S  Signs: " + (a.vitals.isEmpty ? notStated : vitalsLine(a.vitals, nil)))
        let treatment = a.medicationsGiven.map(medication) + a.interventions
        out.append("  T  Treatment: " + (treatment.isEmpty ? "none stated" : treatment.joined(separator: "; ")))

        section(&out, "TRANSCRIPT")
        out.append(transcript)
        return out.joined(separator: "\n") + "\n"
    }

    private static func section(_ out: inout [String], _ title: String) {
        if out.last != "" { out.append("") }
        out.append(title)
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }

    private static func list(_ items: [String]?) -> String {
        guard let items, !items.isEmpty else { return notStated }
        return items.joined(separator: ", ")
    }

    private static func allergies(_ h: History) -> String {
        if let a = h.allergies, !a.isEmpty { return a.joined(separator: ", ") }
        if h.nkda == true { return "NKDA (no known drug allergies)" }
        return notStated
    }

    static func number(_ d: Double) -> String {
        d.rounded() == d ? String(Int(d)) : String(d)
    }

    static func medication(_ m: MedicationGiven) -> String {
        var parts = [m.drug]
        if let dose = m.dose { parts.append(number(dose) + " " + (m.unit ?? "(unit not stated)")) } else {
            parts.append("dose not stated")
        }
        parts.append(m.route ?? "route not stated")
        parts.append(m.time.map { "at " + $0 } ?? "time not stated")
        return parts.joined(separator: " ")
    }

    static func vitalsLine(_ v: Vitals, _ set: VitalsSet?) -> String {
        var parts: [String] = []
        let approx = Set(set?.approximate ?? [])
        func mark(_ key: String) -> String { approx.contains(key) ? "~" : "" }
        if let s = v.bpSystolic {
            if let d = v.bpDiastolic { parts.append("BP \(mark("bp_systolic"))\(s)/\(d)") } else {
                parts.append("BP \(s) systolic" + ((set?.bpPalpated ?? false) ? " by palpation" : ""))
            }
        }
        if let x = v.hr { parts.append("HR \(mark("hr"))\(x)") }
        if let x = v.rr { parts.append("RR \(mark("rr"))\(x)") }
        if let x = v.spo2 { parts.append("SpO2 \(mark("spo2"))\(x)%" + (v.spo2On.map { " on " + $0 } ?? "")) }
        if let x = v.temp { parts.append("Temp \(mark("temp"))\(number(x)) °C") }
        if let x = v.gcs {
            var g = "GCS \(x)"
            if let e = v.gcsEye, let vb = v.gcsVerbal, let m = v.gcsMotor { g += " (E\(e) V\(vb) M\(m))" }
            parts.append(g)
        } else if v.gcsEye != nil || v.gcsVerbal != nil || v.gcsMotor != nil {
            parts.append("GCS parts E\(v.gcsEye.map(String.init) ?? "?") V\(v.gcsVerbal.map(String.init) ?? "?") M\(v.gcsMotor.map(String.init) ?? "?")")
        }
        if let x = v.avpu { parts.append("AVPU \(x)") }
        if let x = v.glucoseMmolL, let y = v.glucoseMgDl { parts.append("Glucose \(number(x)) mmol/L (\(y) mg/dL)") }
        if let x = v.etco2 { parts.append("EtCO2 \(x) mmHg") }
        if let x = v.painScale0To10 { parts.append("Pain \(x)/10") }
        return parts.isEmpty ? notStated : parts.joined(separator: " · ") + (approx.isEmpty ? "" : "  (~ approximate)")
    }

    private static func news2Value(_ p: NEWS2.Parameter, _ v: Vitals) -> String {
        switch p {
        case .respirationRate: v.rr.map { "\($0)/min" } ?? notStated
        case .spo2: v.spo2.map { "\($0)%" } ?? notStated
        case .airOrOxygen: v.spo2On ?? notStated
        case .systolicBP: v.bpSystolic.map { "\($0) mmHg" } ?? notStated
        case .pulse: v.hr.map { "\($0)/min" } ?? notStated
        case .consciousness: v.avpu.map { "AVPU \($0)" } ?? v.gcs.map { "GCS \($0)" } ?? notStated
        case .temperature: v.temp.map { number($0) + " °C" } ?? notStated
        }
    }
}
