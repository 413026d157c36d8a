/// Rule-based, deterministic extraction of a handover transcript into an `Analysis`.
///
/// The same transcript always gives the same analysis. Every value carries the transcript words it came from
/// (`Analysis.evidence`); values that are not said stay nil; implausible or ambiguous values are flagged, not kept.
public enum Extractor {
    /// The NEMSIS v3.5 element each vitals key maps to.
    static let nemsis: [String: String] = [
        "bp_systolic": "eVitals.06", "bp_diastolic": "eVitals.07", "hr": "eVitals.10", "spo2": "eVitals.12",
        "rr": "eVitals.14", "etco2": "eVitals.16", "glucose_mmol_l": "eVitals.18", "glucose_mg_dl": "eVitals.18",
        "gcs_eye": "eVitals.19", "gcs_verbal": "eVitals.20", "gcs_motor": "eVitals.21", "gcs": "eVitals.23",
        "temp": "eVitals.24", "avpu": "eVitals.26", "pain_scale_0_10": "eVitals.27",
    ]

    /// Keys whose values belong together: the latest of a group is taken from one set.
    static let groups: [[String]] = [
        ["bp_systolic", "bp_diastolic"], ["hr"], ["rr"], ["spo2", "spo2_on"], ["temp"],
        ["gcs", "gcs_eye", "gcs_verbal", "gcs_motor"], ["pain_scale_0_10"], ["glucose_mmol_l", "glucose_mg_dl"],
        ["etco2"], ["avpu"],
    ]

    /// Analyzes one transcript.
    public static func analyze(_ transcript: String) -> Analysis {
        var scan = HandoverScanner(transcript)
        scan.run()
        scan.dropReadingsBeforeArrival()
        scan.dropSetsBeforeTheCrewsFirstSet()
        scan.dropDosesBeforeArrival()
        scan.dropEventOnsetAfterArrival()
        scan.readStoryOnset()
        deriveGCS(&scan)
        for (i, set) in scan.sets.enumerated() {
            if let on = set.values.spo2On, on != "room air", let span = scan.setSpans[i]["spo2_on"] {
                scan.addIntervention("oxygen", span)
            }
        }

        // Latest of each group, and the evidence for both the series and the latest values.
        var latest = Vitals()
        var evidence = scan.evidence + scan.patientEvidence
        for (i, spans) in scan.setSpans.enumerated() {
            for key in Vitals.CodingKeys.allCases.map(\.rawValue) {
                if let span = spans[key] {
                    evidence.append(evidenceItem("vitals_series[\(i)].values.\(key)", span, scan))
                }
            }
        }
        // Sets in the order taken: a set said later but marked as earlier ("On arrival his obs were…") comes first.
        let taken = scan.sets.indices.filter { scan.earlierSets.contains($0) }
            + scan.sets.indices.filter { !scan.earlierSets.contains($0) }
        for group in groups {
            guard let i = taken.last(where: { n in group.contains { scan.setSpans[n][$0] != nil } }) else { continue }
            for key in group {
                copy(key, from: scan.sets[i].values, to: &latest)
                if let span = scan.setSpans[i][key] { evidence.append(evidenceItem("vitals.\(key)", span, scan)) }
            }
        }

        var flags = scan.flags
        for set in scan.sets { flags += clinicalFlags(set) }
        let news2 = NEWS2.score(latest)
        if news2.redParameter {
            let reds = NEWS2.Parameter.allCases.filter { (news2.subscores[$0.rawValue] ?? nil) == 3 }.map(\.rawValue)
            flags.append(Flag(code: "news2_red_parameter", rule: "news2 parameter score == 3", level: .warning,
                              message: "NEWS2 parameter scoring 3: \(reds.joined(separator: ", ")).", path: "news2"))
        }
        if !news2.complete {
            flags.append(Flag(code: "news2_incomplete", rule: "news2 parameter missing", level: .info,
                              message: "NEWS2 incomplete; not said: \(news2.missing.joined(separator: ", ")).",
                              path: "news2.missing"))
        }
        // "He told us no allergies … only then said he's allergic to penicillin": an allergy and "no allergies" both
        // said. NKDA is dropped (a record saying both could be read as no allergies) and the contradiction flagged.
        // "No known drug allergies. Allergic to latex." is no contradiction: latex is no drug.
        var history = scan.history
        let nkdaText = (scan.evidence.first { $0.path == "history.nkda" }?.text ?? "").lowercased()
        let drugsOnly = nkdaText.contains("drug") || nkdaText.contains("nkda") || nkdaText.contains("n k d a")
        let contradicting = (history.allergies ?? []).filter { !drugsOnly || !Lexicon.nonDrugAllergens.contains($0) }
        if history.nkda == true, !contradicting.isEmpty {
            history.nkda = nil
            evidence.removeAll { $0.path == "history.nkda" }
            flags.append(Flag(code: "nkda_contradicted", rule: "no allergies and an allergy both said", level: .warning,
                              message: "\"No allergies\" and an allergy were both said; the allergy is kept, confirm.",
                              path: "history.allergies"))
        }
        for (n, med) in scan.medicationsGiven.enumerated() {
            if let allergies = history.allergies, allergies.contains(where: { allergyMatches($0, med.drug) }) {
                flags.append(Flag(code: "allergy_conflict", rule: "medication given matches a stated allergy",
                                  level: .critical, message: "\(med.drug) given to a patient stated allergic to it.",
                                  path: "medications_given[\(n)].drug"))
            }
        }
        let severity = SeverityRules.evaluate(news2: news2, flags: flags)
        evidence.sort { ($0.start, $0.end, $0.path) < ($1.start, $1.end, $1.path) }
        return Analysis(schemaVersion: 1, patient: scan.patient, chiefComplaint: scan.chiefComplaint,
                        mechanism: scan.mechanism, history: history, vitals: latest, vitalsSeries: scan.sets,
                        medicationsGiven: scan.medicationsGiven, interventions: scan.interventions,
                        examFindings: scan.examFindings, times: scan.times, news2: news2, flags: flags,
                        severity: severity.severity, severityRule: severity.rule,
                        recommendation: severity.recommendation, evidence: evidence)
    }

    private static func evidenceItem(_ path: String, _ span: Range<Int>, _ scan: HandoverScanner) -> Evidence {
        let key = path.split(separator: ".").last.map(String.init) ?? ""
        return Evidence(path: path, text: String(String.UnicodeScalarView(scan.transcript[span])),
                        start: span.lowerBound, end: span.upperBound, nemsis: nemsis[key])
    }

    private static func allergyMatches(_ allergy: String, _ drug: String) -> Bool {
        if allergy == drug { return true }
        let words = allergy.split(separator: " ").map(String.init)
        return Lexicon.drugs.entries.contains { $0.1 == drug && $0.0 == words }
    }

    /// E + V + M is the GCS total by definition: fill the total when only the parts were said, flag a mismatch.
    private static func deriveGCS(_ scan: inout HandoverScanner) {
        for i in scan.sets.indices {
            let v = scan.sets[i].values
            guard let e = v.gcsEye, let vb = v.gcsVerbal, let m = v.gcsMotor else { continue }
            let sum = e + vb + m
            if let total = v.gcs {
                if total != sum {
                    scan.flags.append(Flag(code: "gcs_inconsistent", rule: "gcs == eye + verbal + motor", level: .info,
                                           message: "GCS total \(total) differs from E\(e) V\(vb) M\(m) = \(sum).",
                                           path: "vitals_series[\(i)].values.gcs"))
                }
            } else if let a = scan.setSpans[i]["gcs_eye"], let b = scan.setSpans[i]["gcs_verbal"],
                      let c = scan.setSpans[i]["gcs_motor"] {
                scan.sets[i].values.gcs = sum
                scan.setSpans[i]["gcs"] = min(a.lowerBound, b.lowerBound, c.lowerBound)..<max(a.upperBound, b.upperBound, c.upperBound)
            }
        }
    }

    private static func clinicalFlags(_ set: VitalsSet) -> [Flag] {
        var flags: [Flag] = []
        let p = "vitals_series[\(set.index)].values"
        let v = set.values
        if let s = v.spo2, s < 90 {
            flags.append(Flag(code: "hypoxia", rule: "spo2 < 90", level: .critical, message: "Hypoxia: SpO2 \(s) %.",
                              path: "\(p).spo2"))
        }
        if let g = v.glucoseMmolL {
            if g < 4.0 {
                flags.append(Flag(code: "hypoglycaemia", rule: "glucose_mmol_l < 4.0", level: .critical,
                                  message: "Hypoglycaemia: glucose \(g) mmol/L.", path: "\(p).glucose_mmol_l"))
            } else if g > 15 {
                flags.append(Flag(code: "hyperglycaemia", rule: "glucose_mmol_l > 15", level: .warning,
                                  message: "Hyperglycaemia: glucose \(g) mmol/L.", path: "\(p).glucose_mmol_l"))
            }
        }
        if let pain = v.painScale0To10, pain >= 7 {
            flags.append(Flag(code: "severe_pain", rule: "pain_scale_0_10 >= 7", level: .warning,
                              message: "Severe pain: \(pain)/10.", path: "\(p).pain_scale_0_10"))
        }
        if let g = v.gcs, g < 15 {
            flags.append(Flag(code: "gcs_reduced", rule: "gcs < 15", level: .warning,
                              message: "Reduced consciousness: GCS \(g).", path: "\(p).gcs"))
            if g <= 8 {
                flags.append(Flag(code: "gcs_severe", rule: "gcs <= 8", level: .critical,
                                  message: "GCS \(g): airway at risk.", path: "\(p).gcs"))
            }
        }
        return flags
    }

    static func copy(_ key: String, from s: Vitals, to d: inout Vitals) {
        switch key {
        case "bp_systolic": d.bpSystolic = s.bpSystolic
        case "bp_diastolic": d.bpDiastolic = s.bpDiastolic
        case "hr": d.hr = s.hr
        case "rr": d.rr = s.rr
        case "spo2": d.spo2 = s.spo2
        case "spo2_on": d.spo2On = s.spo2On
        case "temp": d.temp = s.temp
        case "gcs": d.gcs = s.gcs
        case "gcs_eye": d.gcsEye = s.gcsEye
        case "gcs_verbal": d.gcsVerbal = s.gcsVerbal
        case "gcs_motor": d.gcsMotor = s.gcsMotor
        case "pain_scale_0_10": d.painScale0To10 = s.painScale0To10
        case "glucose_mmol_l": d.glucoseMmolL = s.glucoseMmolL
        case "glucose_mg_dl": d.glucoseMgDl = s.glucoseMgDl
        case "etco2": d.etco2 = s.etco2
        case "avpu": d.avpu = s.avpu
        default: break
        }
    }
}
