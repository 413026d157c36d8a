import Foundation

/// Speaks text with a `Voice` and converts the result with sox to the product's canonical WAV (16 kHz, mono,
/// signed 16-bit), in a private temporary directory that is removed when the synthesizer goes away.
final class Synthesizer {
    let directory: String
    private var counter = 0

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/bench-e2e-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchError(.system, operation: "mkdtemp", detail: "errno \(errno)")
        }
        directory = String(cString: made)
    }

    deinit {
        removeDirectory()
    }

    /// Removes the temporary directory now (top-level objects of an executable are never deinitialized).
    func removeDirectory() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Checks that every tool a voice needs is on PATH.
    static func missingTools(for voices: [Voice]) -> [String] {
        var tools = ["sox"]
        for voice in voices { tools.append(voice.command(text: "", output: "").tool) }
        return tools.filter { Self.which($0) == nil }
    }

    /// The bytes of a 16 kHz mono s16 WAV of `text` spoken by `voice`.
    func speak(_ text: String, voice: Voice) throws -> [UInt8] {
        counter += 1
        let base = "\(directory)/\(counter)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: base + ".txt"))
        let (tool, arguments) = voice.command(text: base + ".txt", output: base + ".raw.wav")
        try Self.run(tool, arguments)
        try Self.run("sox", [base + ".raw.wav", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer",
                             base + ".wav"])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + ".wav")))
        for suffix in [".txt", ".raw.wav", ".wav"] { try? FileManager.default.removeItem(atPath: base + suffix) }
        return bytes
    }

    private static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        guard let path = which(tool) else { throw BenchError(.tool, operation: tool, detail: "not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw BenchError(.tool, operation: tool, detail: "exit status \(process.terminationStatus)")
        }
    }
}
