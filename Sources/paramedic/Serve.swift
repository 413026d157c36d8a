import App
import ArgumentParser
import Dispatch
import Foundation
import Logging

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server.")

    @Option(help: "Address to listen on (default 127.0.0.1, or PARAMEDIC_HOST).") var host: String?
    @Option(help: "Port (default 8000, or PARAMEDIC_PORT).") var port: UInt16?
    @Option(help: "Speech engine: pocketsphinx, whisper or auto.") var asr: String?
    @Option(help: "Record from this ALSA capture device on the server (start/stop capture in their own thread).")
    var alsaDevice: String?
    @Option(help: "Delete recordings older than this many days (crypto-shred).") var retentionDays: Int?
    @OptionGroup var data: DataOptions

    func run() throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var configuration = data.configuration()
        if let host { configuration.http.host = host }
        if let port { configuration.http.port = port }
        if let asr { configuration.asr = asr }
        if let retentionDays { configuration.retentionDays = retentionDays }
        if let alsaDevice { configuration.alsaDevice = alsaDevice }
        var logger = Logger(label: "paramedic")
        // PARAMEDIC_LOG_LEVEL=warning drops the per-request info lines (they cost a formatted write per request).
        if let level = ProcessInfo.processInfo.environment["PARAMEDIC_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) {
            logger.logLevel = level
        }
        let app: Application
        do {
            app = try Application(configuration: configuration, logger: logger)
        } catch {
            fail("cannot start: \(error)")
        }
        if let password = app.initialAdminPassword {
            say("Created the first account: user 'admin', one-time password: \(password)")
            say("It must be changed at first login (POST /api/auth/password, or the page).")
        }
        let port: UInt16
        do { port = try app.start() } catch { fail("cannot listen: \(error)") }
        let host = configuration.http.host.contains(":") ? "[\(configuration.http.host)]" : configuration.http.host
        say("Paramedic Recorder listening on http://\(host):\(port)/")

        // Graceful shutdown on SIGTERM/SIGINT; SIGHUP re-reads keys.
        let stopped = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if signalNumber == SIGHUP {
                    app.reloadKeys()
                } else {
                    stopped.signal()
                }
            }
            source.resume()
            sources.append(source)
        }
        stopped.wait()
        logger.info("shutting down")
        app.stop()
        say("Stopped.")
        _ = sources
    }
}

/// Writes a line to stdout at once (stdout is fully buffered when it is not a terminal, and tests and
/// supervisors read the URL and the one-time password from it).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
