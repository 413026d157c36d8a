/// Identifies the recording a report belongs to; printed at the top of report.txt.
public struct ReportHeader: Sendable, Equatable {
    public var recordingID: String
    /// The first 8 characters of the device session ID.
    public var sessionShort: String
    /// ISO 8601, UTC.
    public var recordedAt: String
    public var crew: String
    /// The speech engine that produced the transcript ("pocketsphinx", "whisper", "typed"…).
    public var engine: String

    public init(recordingID: String, sessionShort: String, recordedAt: String, crew: String, engine: String) {
        self.recordingID = recordingID
        self.sessionShort = sessionShort
        self.recordedAt = recordedAt
        self.crew = crew
        self.engine = engine
    }
}
