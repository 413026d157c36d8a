/// The structured analysis of one handover transcript: the analysis.json document (docs/analysis.schema.json).
///
/// Every value comes from words in the transcript, listed in `evidence`; a value that was not said is nil (JSON
/// null), and a value that was said but is implausible or ambiguous is left out and explained in `flags`.
public struct Analysis: Codable, Sendable, Equatable {
    /// Version of the analysis.json shape.
    public var schemaVersion: Int
    public var patient: Patient
    public var chiefComplaint: String?
    /// ATMIST "M": the mechanism of injury, when said.
    public var mechanism: String?
    public var history: History
    /// The latest value of each vital sign (values said together — BP, SpO2 with its oxygen, GCS with its parts,
    /// glucose in both units — come from the same set).
    public var vitals: Vitals
    public var vitalsSeries: [VitalsSet]
    public var medicationsGiven: [MedicationGiven]
    public var interventions: [String]
    public var examFindings: [String]
    public var times: Times
    public var news2: NEWS2
    public var flags: [Flag]
    public var severity: Severity
    /// The id of the rule that set `severity` (see `SeverityRules`).
    public var severityRule: String
    public var recommendation: String
    public var evidence: [Evidence]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case patient
        case chiefComplaint = "chief_complaint"
        case mechanism, history, vitals
        case vitalsSeries = "vitals_series"
        case medicationsGiven = "medications_given"
        case interventions
        case examFindings = "exam_findings"
        case times, news2, flags, severity
        case severityRule = "severity_rule"
        case recommendation, evidence
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(patient, forKey: .patient)
        try c.encodeNullable(chiefComplaint, forKey: .chiefComplaint)
        try c.encodeNullable(mechanism, forKey: .mechanism)
        try c.encode(history, forKey: .history)
        try c.encode(vitals, forKey: .vitals)
        try c.encode(vitalsSeries, forKey: .vitalsSeries)
        try c.encode(medicationsGiven, forKey: .medicationsGiven)
        try c.encode(interventions, forKey: .interventions)
        try c.encode(examFindings, forKey: .examFindings)
        try c.encode(times, forKey: .times)
        try c.encode(news2, forKey: .news2)
        try c.encode(flags, forKey: .flags)
        try c.encode(severity, forKey: .severity)
        try c.encode(severityRule, forKey: .severityRule)
        try c.encode(recommendation, forKey: .recommendation)
        try c.encode(evidence, forKey: .evidence)
    }
}
