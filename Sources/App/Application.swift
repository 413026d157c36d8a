import Dispatch
import Foundation
import HTTP
import Logging
import Security
import Speech
import Store

/// The product, composed: data directory, database, keys, audit log, identity, access policy, routes, HTTP.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let directory: DataDirectory
    let logger: Logger
    let database: Database
    let audit: AuditLog
    let accounts: Accounts
    let tokens: TokenService
    let auth: AuthService
    let hasher: PasswordHasher
    let clock: any Clock
    let recordingVault: RecordingVault
    let recorders: RecorderManager
    let uploads: UploadStore
    let processing: ProcessingQueue
    /// WAL checkpoints off the writer's path while the server runs (see Checkpointer).
    let checkpointer: Checkpointer
    /// Coalesces audit writes for floods of 401s (see DenialCoalescer).
    let denials = DenialCoalescer()
    private let maintenanceTimer: LockedBox<DispatchSourceTimer?> = LockedBox(nil)
    /// Password hashing and other slow work runs here, never on an HTTP thread.
    let slowQueue = DispatchQueue(label: "paramedic.slow", attributes: .concurrent)
    /// Chunk appends (each ends in an fdatasync) run here so the HTTP threads never wait on the disk. Many threads
    /// on purpose: concurrent flushes batch in the disk (bench-tablets measured ~5,900 synced appends/s with 128
    /// threads vs ~800/s with Dispatch's pool). How many: `AppConfiguration.chunkThreads`.
    let chunkPool: ThreadPool
    private let server: LockedBox<HTTPServer?> = LockedBox(nil)
    /// The first admin's one-time password, when this start created it (printed once by the CLI).
    public let initialAdminPassword: String?

    public init(configuration: AppConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        self.clock = configuration.clock
        self.chunkPool = ThreadPool(name: "paramedic.chunks", threads: max(1, configuration.chunkThreads))
        let directory = DataDirectory(root: configuration.dataDirectory)
        try directory.prepare()
        self.directory = directory
        let now = clock.now()
        database = try Database(path: directory.database, migrations: Schema.migrations)
        checkpointer = try Checkpointer(database: database)
        let auditKey = try KeyFile.loadOrCreate(path: directory.keys + "/audit.key", now: now)
        audit = try AuditLog(keyBytes: auditKey.current!.bytes, headPath: directory.auditHead, clock: clock)
        try audit.repairHead(database: database)
        hasher = try PasswordHasher(parameters: configuration.passwordParameters, maxConcurrent: 2)
        accounts = Accounts(database: database, hasher: hasher, clock: clock)
        tokens = try TokenService(keyPath: directory.keys + "/jwt.key", settings: configuration.tokens, clock: clock)
        recordingVault = try RecordingVault(outputDirectory: directory.output, keyPath: directory.keys + "/vault.key",
                                            database: database, clock: clock)
        _ = try recordingVault.vault.removeTemporaryFiles()   // half-written whole files from a crash (ciphertext)
        processing = ProcessingQueue(database: database, vault: recordingVault, audit: audit, clock: clock,
                                     factory: Self.speechFactory(configuration.asr), logger: logger,
                                     liveTranscriptionSeconds: configuration.liveTranscriptionSeconds,
                                     liveTranscriptionMaxRecordings: configuration.liveTranscriptionMaxRecordings)
        let processing = processing
        recorders = RecorderManager(database: database, vault: recordingVault, audit: audit, clock: clock,
                                    configuration: configuration, enqueue: { processing.enqueue($0) },
                                    audioCommitted: { processing.audioCommitted($0, samples: $1, recordingsInProgress: $2) })
        uploads = UploadStore(database: database, vault: recordingVault, audit: audit, clock: clock,
                              maxSeconds: configuration.maxRecordingSeconds, enqueue: { processing.enqueue($0) })
        let recorders = recorders
        auth = AuthService(database: database, accounts: accounts, tokens: tokens, audit: audit, hasher: hasher,
                           clock: clock, onSessionReleased: { sessionID, reason in
                               _ = try? recorders.finalize(session: sessionID,
                                                           actor: AuditEvent(action: "", outcome: .success,
                                                                             actorUsername: "system"),
                                                           reason: reason)
                           })
        if !auth.cache.enabled {
            logger.warning("authentication cache off: the auth_epoch triggers are not all in the database")
        }
        _ = try recorders.recoverInterrupted()
        initialAdminPassword = try Self.createFirstAdmin(accounts: accounts, hasher: hasher, database: database,
                                                         audit: audit)
    }

    /// With no user at all, creates `admin` with a random password that must be changed at first login.
    private static func createFirstAdmin(accounts: Accounts, hasher: PasswordHasher, database: Database,
                                         audit: AuditLog) throws -> String? {
        guard try accounts.count() == 0 else { return nil }
        let password = try Accounts.randomPassword()
        let hash = try hasher.hash(password)
        try database.write { connection in
            guard try connection.first("SELECT count(*) AS n FROM users")?.int("n") == 0 else { return }
            let id = try accounts.create(username: "admin", passwordHash: hash, role: .admin, teams: [],
                                         mustChange: true, in: connection)
            try audit.append(AuditEvent(action: "user_create", outcome: .success, actorUsername: "system",
                                        targetType: "user", targetID: String(id), reason: "first_admin"),
                             in: connection)
        }
        try audit.publishHead()
        return password
    }

    /// Starts the HTTP server. Returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        var http = configuration.http
        if http.staticDirectory == nil {
            http.staticDirectory = Self.defaultStaticDirectory()
        }
        try processing.start(workers: configuration.processingWorkers,
                             prestartEngines: configuration.prestartSpeechEngines)
        try checkpointer.start()
        let server = HTTPServer(configuration: http, router: makeRouter(), logger: logger)
        do {
            try server.start()
        } catch {
            // Nothing is served: leave the database as a stopped application would (automatic checkpoints back).
            processing.stop()
            checkpointer.stop()
            throw error
        }
        self.server.set(server)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "paramedic.maintenance"))
        timer.schedule(deadline: .now() + .seconds(configuration.maintenanceInterval),
                       repeating: .seconds(configuration.maintenanceInterval))
        timer.setEventHandler { [weak self] in self?.runMaintenance() }
        timer.resume()
        maintenanceTimer.set(timer)
        return server.port
    }

    /// Graceful stop: the HTTP server drains first, then background work stops.
    public func stop() {
        server.get()?.stop()
        server.set(nil)
        maintenanceTimer.get()?.cancel()
        maintenanceTimer.set(nil)
        processing.stop()
        chunkPool.shutdown()
        recorders.groupCommit.stop()
        checkpointer.stop()
    }

    public var port: UInt16 { server.get()?.port ?? 0 }

    /// Live-transcription pieces queued or running.
    public var liveTranscriptionPieces: Int { processing.livePieceCount }

    /// Seconds of a recording still streaming that live transcription has already covered.
    public func liveTranscribedSeconds(recordingID: UUID) -> Double { processing.liveTranscribedSeconds(recordingID) }

    /// Processing workers whose speech engine is loaded (engines start with the server unless
    /// `prestartSpeechEngines` is off).
    public var loadedSpeechEngines: Int { processing.loadedEngineCount }

    /// Re-reads keys (SIGHUP).
    public func reloadKeys() { tokens.reload(force: true) }

    /// The speech engine `--asr` names; `auto` picks Whisper when its venv is installed.
    static func speechFactory(_ choice: String) -> any SpeechEngineFactory {
        switch choice {
        case "whisper": return WhisperFactory()
        case "pocketsphinx": return PocketSphinxFactory()
        default: return WhisperFactory.isInstalled() ? WhisperFactory() : PocketSphinxFactory()
        }
    }

    /// Recordings and processing jobs not yet finished (for tests and the admin view).
    public var pendingJobs: Int { processing.pendingCount }

    /// static/ next to the data directory, or in the current directory.
    static func defaultStaticDirectory() -> String? {
        let candidates = [FileManager.default.currentDirectoryPath + "/static"]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/index.html") }
    }
}

/// A value behind a lock, for the few mutable fields of otherwise immutable services.
final class LockedBox<Value>: @unchecked Sendable {
    // Safety: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func update<T>(_ body: (inout Value) throws -> T) rethrows -> T { try lock.withLock { try body(&value) } }
}
