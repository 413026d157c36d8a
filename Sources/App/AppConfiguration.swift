import Foundation
import HTTP
import Security

/// Everything the application needs, with the embedded defaults `paramedic serve` uses.
public struct AppConfiguration: Sendable {
    /// Where keys/, output/ and the database live. Default: the current directory.
    public var dataDirectory: String = FileManager.default.currentDirectoryPath
    public var http = HTTPServer.Configuration()
    public var tokens = TokenSettings()
    /// scrypt parameters for new password hashes (production: N=2^16, r=8, p=2).
    public var passwordParameters: PasswordHasher.Parameters = .production
    /// Device sessions idle longer than this (and not recording) are removed. Default 24 h.
    public var sessionIdleTimeout: Int64 = 24 * 3600
    /// Recordings older than this many days are crypto-shredded; nil = keep.
    public var retentionDays: Int?
    /// Largest streamed chunk body (bytes). 250 ms of 48 kHz s16 is 24 KB; allow generous slack.
    public var maxChunkBytes = 256 * 1024
    /// Largest uploaded audio file (bytes).
    public var maxUploadBytes = 200 * 1024 * 1024
    /// Longest recording, seconds. Default 60 minutes.
    public var maxRecordingSeconds = 3600
    /// Recordings a user may have in progress at once (over all their devices).
    public var maxConcurrentRecordingsPerUser = 4
    /// A server-side ALSA capture device (`--alsa-device`): start/stop then record from it.
    public var alsaDevice: String?
    /// The speech engine: "pocketsphinx", "whisper" or "auto".
    public var asr = "auto"
    /// Processing workers (speech recognition). Default: number of cores.
    public var processingWorkers = ProcessInfo.processInfo.activeProcessorCount
    /// Load each processing worker's speech engine at start rather than on its first job.
    public var prestartSpeechEngines = true
    /// While a recording streams, idle processing workers transcribe it in pieces of about this many seconds
    /// (cut in a quiet moment), so the report after stop needs only the last piece. 0 turns it off.
    public var liveTranscriptionSeconds = 30
    /// Live pieces run only while at most this many recordings stream: past it the cores go to acknowledging
    /// chunks and transcription waits for stop (bench-tablets, 500 tablets × 60 s: p99 31.6 ms without pieces,
    /// 352.9 ms with them on this 2-core box; 250 with pieces: 11.3 ms).
    public var liveTranscriptionMaxRecordings = 100
    /// Threads that append streamed chunks (each ends in an fdatasync, so many run at once and the disk batches
    /// their flushes). bench-tablets on this 2-core box, interleaved runs at 750 / 1,000 tablets, p99 in ms: 128
    /// threads 67–77 / 339–366 (3 runs), 48 threads 50–119 / 225–293 (4 runs; better than 128 in each pair).
    /// Fewer runnable threads meant less scheduling; the CPU per chunk did not change. Once files started together
    /// no longer wrote their zeros together (`Vault.firstGrowth`), fewer threads did better still: p99 at 750
    /// tablets with 48 threads 37–113 ms (median 75, 5 runs), 32 threads 15–79 (median 41, 7 runs), 24 threads
    /// 22–60 (median 33, 5 runs), 16 threads 33–47 (2 runs); 1,000 tablets stayed at 300–380 ms whatever the
    /// count (CPU-bound). 32, not 24: at 4,000 chunks/s, a few ms of fdatasync plus the group commit keep about 24
    /// appends in flight, so 24 threads would leave a slower disk no headroom.
    public var chunkThreads = 32
    /// Seconds between background maintenance runs (session expiry, retention).
    public var maintenanceInterval = 300
    /// The time source (tests use ManualClock).
    public var clock: any Clock = SystemClock()

    public init() {}

    /// Applies `PARAMEDIC_*` environment variables (for deployments) over the defaults.
    public mutating func applyEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let value = environment["PARAMEDIC_HOST"] { http.host = value }
        if let value = environment["PARAMEDIC_PORT"].flatMap(UInt16.init) { http.port = value }
        if let value = environment["PARAMEDIC_DATA_DIR"] { dataDirectory = value }
        if let value = environment["PARAMEDIC_ASR"] { asr = value }
        if let value = environment["PARAMEDIC_ALSA_DEVICE"] { alsaDevice = value }
        if let value = environment["PARAMEDIC_RETENTION_DAYS"].flatMap(Int.init) { retentionDays = value }
        if let value = environment["PARAMEDIC_SESSION_IDLE_SECONDS"].flatMap(Int64.init) { sessionIdleTimeout = value }
        if let value = environment["PARAMEDIC_CONNECTION_TIMEOUT"].flatMap(UInt32.init) { http.connectionTimeout = value }
        if let value = environment["PARAMEDIC_CONNECTION_LIMIT"].flatMap(UInt32.init) { http.connectionLimit = value }
        if let value = environment["PARAMEDIC_PER_IP_CONNECTION_LIMIT"].flatMap(UInt32.init) {
            http.perIPConnectionLimit = value
        }
        if let value = environment["PARAMEDIC_THREADS"].flatMap(Int.init) { http.threadPoolSize = value }
        if let value = environment["PARAMEDIC_CHUNK_THREADS"].flatMap(Int.init), value > 0 { chunkThreads = value }
        if let value = environment["PARAMEDIC_LIVE_TRANSCRIPTION_SECONDS"].flatMap(Int.init), value >= 0 {
            liveTranscriptionSeconds = value
        }
        if let value = environment["PARAMEDIC_LIVE_TRANSCRIPTION_MAX_RECORDINGS"].flatMap(Int.init), value >= 0 {
            liveTranscriptionMaxRecordings = value
        }
    }
}
