/// How `severity` and `recommendation` follow from NEWS2 and the flags. The first rule that holds decides.
///
/// | rule id | when | severity |
/// |---|---|---|
/// | `news2_high` | NEWS2 ≥ 7 (complete, or already ≥ 7 with parameters missing) | Very High |
/// | `news2_medium` | NEWS2 5–6 | High |
/// | `critical_flag` | a critical flag (hypoxia, hypoglycaemia, GCS ≤ 8, glucometer LO, allergy conflict) | High |
/// | `news2_red_parameter` | one NEWS2 parameter scores 3 | Medium |
/// | `warning_flag` | a warning flag (GCS < 15, hyperglycaemia, glucometer HI, ambiguous glucose, pain ≥ 7) | Medium |
/// | `news2_incomplete` | NEWS2 parameters missing: never rated Low or Very Low | Medium |
/// | `news2_low` | complete NEWS2 1–4 | Low |
/// | `news2_zero` | complete NEWS2 0 | Very Low |
public enum SeverityRules {
    public static func evaluate(news2: NEWS2, flags: [Flag]) -> (severity: Severity, rule: String, recommendation: String) {
        if news2.score >= 7 {
            return (.veryHigh, "news2_high",
                    "Emergency response: NEWS2 \(news2.score) (≥ 7). Continuous monitoring, immediate senior clinical review, pre-alert the receiving emergency department.")
        }
        if news2.score >= 5 {
            return (.high, "news2_medium",
                    "Urgent response: NEWS2 \(news2.score) (5–6). Urgent clinical review, observations at least every 15 minutes, consider a pre-alert.")
        }
        let critical = flags.filter { $0.level == .critical }
        if let f = critical.first {
            let codes = Self.codes(critical)
            return (.high, "critical_flag:\(f.code)",
                    "Urgent: \(codes). Treat per protocol, reassess after treatment, consider a pre-alert.")
        }
        if news2.redParameter {
            let reds = news2.subscores.filter { $0.value == 3 }.map(\.key).sorted().joined(separator: ", ")
            return (.medium, "news2_red_parameter",
                    "A single NEWS2 parameter scores 3 (\(reds)): urgent review of that parameter and repeat observations.")
        }
        let warnings = flags.filter { $0.level == .warning }
        if let f = warnings.first {
            return (.medium, "warning_flag:\(f.code)",
                    "Abnormal finding (\(Self.codes(warnings))): reassess and hand it over explicitly.")
        }
        if !news2.complete {
            return (.medium, "news2_incomplete",
                    "Observations incomplete (missing: \(news2.missing.joined(separator: ", "))): risk cannot be rated low. Record a full set of vital signs.")
        }
        if news2.score >= 1 {
            return (.low, "news2_low",
                    "NEWS2 \(news2.score) (1–4): continue monitoring and reassess; escalate if any parameter worsens.")
        }
        return (.veryLow, "news2_zero",
                "NEWS2 0 with a complete set of observations: routine care and reassessment.")
    }

    private static func codes(_ flags: [Flag]) -> String {
        var seen: [String] = []
        for f in flags where !seen.contains(f.code) { seen.append(f.code) }
        return seen.joined(separator: ", ")
    }
}
