import Foundation

/// Real audio for the Whisper tests, made with the Debian tools a developer and CI have (apt espeak-ng, sox),
/// as the engine's canonical format: 16 kHz mono s16.
enum WhisperTestAudio {
    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The venv the tests use: `$PARAMEDIC_WHISPER_VENV`, else `.venv-whisper` at the repository root.
    static let venv: URL = {
        if let path = ProcessInfo.processInfo.environment["PARAMEDIC_WHISPER_VENV"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return repository.appendingPathComponent(".venv-whisper", isDirectory: true)
    }()

    /// The repository's worker, so the tests exercise the source rather than the copy in the venv.
    static let worker = repository.appendingPathComponent("tools/whisper_worker.py")

    static func speech(_ text: String) throws -> [Int16] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wav = directory.appendingPathComponent("speech.wav")
        try run("espeak-ng", ["-w", wav.path, text])
        return try convert(["-t", "wav", wav.path], in: directory)
    }

    static func silence(seconds: Int) throws -> [Int16] {
        try convert(["-n"], effects: ["trim", "0", String(seconds)])
    }

    static func whiteNoise(seconds: Int, volume: Double) throws -> [Int16] {
        try convert(["-n"], effects: ["synth", String(seconds), "whitenoise", "vol", String(volume)])
    }

    /// User plus system CPU time of a process in clock ticks (/proc/PID/stat fields 14 and 15), nil once it has
    /// gone.
    static func cpuTicks(of pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    private static func convert(_ input: [String], effects: [String] = [], in directory: URL? = nil) throws
        -> [Int16]
    {
        let scratch = try directory ?? temporaryDirectory()
        defer { if directory == nil { try? FileManager.default.removeItem(at: scratch) } }
        let raw = scratch.appendingPathComponent("audio.raw")
        try run("sox", input + ["-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-L", "-t", "raw",
                                raw.path] + effects)
        let data = try Data(contentsOf: raw)
        return data.withUnsafeBytes { bytes in
            (0..<data.count / 2).map { Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 2, as: Int16.self)) }
        }
    }

    private static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("whisper-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct ToolFailed: Error, CustomStringConvertible {
        let tool: String
        let status: Int32
        var description: String { "\(tool) exited with status \(status) (apt-get install espeak-ng sox)" }
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ToolFailed(tool: tool, status: process.terminationStatus) }
    }
}
