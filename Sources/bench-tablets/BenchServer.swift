import App
import Foundation
import Logging
import Security

/// The server role (`bench-tablets server DIR --connections N`): the product's `Application`, in its own process
/// so its RSS is measured alone, with a benchmark configuration. Prints `PORT n` when listening and stops
/// gracefully when its stdin closes (the parent closes it, or dies).
enum BenchServer {
    /// Users the benchmark creates; tablets are spread over them (a handful of users, many device sessions each).
    static let userCount = 10

    /// The configuration both the user-creating parent and the server child use.
    ///
    /// Differences from `paramedic serve`, each because the benchmark measures chunk streaming, nothing else:
    /// - scrypt N=2^10, r=8, p=1 instead of N=2^16, r=8, p=2: 1,000+ logins would otherwise take minutes of
    ///   password hashing (64 MiB each, two at a time) before the first chunk. Printed with the results.
    /// - up to 10,000 concurrent recordings per user (the product default is 4) so a few users can hold 1,000+
    ///   device sessions;
    /// - connection limits above the tablet count (every tablet connects from 127.0.0.1), and a 300 s idle
    ///   timeout so keep-alive connections survive the serial setup of 1,000+ tablets;
    /// - PocketSphinx for the processing that follows stop (no Whisper subprocesses), one worker;
    /// - loopback only, a free port.
    static func configuration(directory: String, connections: Int) -> AppConfiguration {
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        configuration.http.host = "127.0.0.1"
        configuration.http.port = 0
        configuration.http.connectionLimit = UInt32(max(4096, connections + 256))
        configuration.http.perIPConnectionLimit = UInt32(max(2048, connections + 256))
        configuration.http.connectionTimeout = 300
        configuration.http.staticDirectory = nil
        configuration.passwordParameters = PasswordHasher.Parameters(logN: 10, r: 8, p: 1)
        configuration.maxConcurrentRecordingsPerUser = 10_000
        configuration.asr = "pocketsphinx"
        configuration.processingWorkers = 1
        configuration.maintenanceInterval = 3600
        // The product's own overrides, so a run can compare HTTP and chunk thread counts.
        if let threads = ProcessInfo.processInfo.environment["PARAMEDIC_THREADS"].flatMap(Int.init), threads > 0 {
            configuration.http.threadPoolSize = threads
        }
        if let threads = ProcessInfo.processInfo.environment["PARAMEDIC_CHUNK_THREADS"].flatMap(Int.init), threads > 0 {
            configuration.chunkThreads = threads
        }
        return configuration
    }

    static func run(arguments: [String]) throws -> Never {
        guard let directory = arguments.first else { throw BenchError(.invalidArgument, "server needs a data directory") }
        var connections = 4096
        if let index = arguments.firstIndex(of: "--connections"), index + 1 < arguments.count,
           let value = Int(arguments[index + 1]) {
            connections = value
        }
        try raiseFileLimit()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let application = try Application(configuration: configuration(directory: directory, connections: connections),
                                          logger: Logger(label: "bench-tablets.server"))
        let port = try application.start()
        say("PORT \(port)")
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 0 || (count < 0 && errno != EINTR) { break }
        }
        application.stop()
        exit(0)
    }
}
