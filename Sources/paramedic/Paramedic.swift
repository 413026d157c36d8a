import App
import ArgumentParser
import Foundation
import Logging

/// The one executable: parses arguments and starts App. No product rules live here.
@main
struct Paramedic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paramedic",
        abstract: "Paramedic Recorder: record handovers, get transcripts, analyses and patient care reports.",
        subcommands: [Serve.self, UserCommand.self, AuditCommand.self, KeysCommand.self, Transcribe.self, Analyze.self])
}

/// Options every command that touches the data directory takes.
struct DataOptions: ParsableArguments {
    @Option(help: "Directory holding keys/, output/ and the database (default: the current directory).")
    var dataDir: String?

    func configuration() -> AppConfiguration {
        var configuration = AppConfiguration()
        configuration.applyEnvironment()
        if let dataDir { configuration.dataDirectory = dataDir }
        return configuration
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("paramedic: " + message + "\n").utf8))
    exit(1)
}
