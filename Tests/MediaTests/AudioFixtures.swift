import Foundation
import Testing

/// External tools the media tests generate real audio with. Tests skip only when a binary is missing; CI installs
/// `espeak-ng` and `sox`, so there they always run.
enum Tools {
    static let espeak = find("espeak-ng")
    static let sox = find("sox")
    static var available: Bool { espeak != nil && sox != nil }

    private static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a tool to completion; throws with its stderr when it fails.
    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(message: "\(executable) \(arguments): \(String(decoding: message, as: UTF8.self))")
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The handover phrase spoken by espeak-ng (22.05 kHz mono WAV) and sox conversions of it, made once per test
/// process in a private temporary directory.
final class SpeechFixture: Sendable {
    static let phrase = "the patient has chest pain and high blood pressure. oxygen saturation ninety four percent."

    /// Built lazily on first use (Swift runs a static initializer exactly once, thread-safely).
    static let shared: Result<SpeechFixture, FixtureError> = {
        do { return .success(try SpeechFixture()) } catch {
            return .failure(FixtureError(message: "\(error)"))
        }
    }()

    static func get() throws -> SpeechFixture { try shared.get() }

    let directory: String

    private init() throws {
        guard let espeak = Tools.espeak, let sox = Tools.sox else {
            throw FixtureError(message: "espeak-ng or sox missing")
        }
        let directory = NSTemporaryDirectory() + "media-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        // `shared` is a static, so deinit never runs: remove the files when the test process exits. The
        // trampoline captures nothing; it reads the directory back through `shared`, which is set by then.
        atexit {
            if case .success(let fixture) = SpeechFixture.shared {
                try? FileManager.default.removeItem(atPath: fixture.directory)
            }
        }
        let source = directory + "/espeak.wav"
        do {
            try Tools.run(espeak, ["-v", "en-us+f2", "-s", "160", "-w", source, Self.phrase])
            try Tools.run(sox, [source, "-r", "44100", "-c", "2", directory + "/stereo44.wav"])
            try Tools.run(sox, [source, directory + "/phrase.flac"])
            try Tools.run(sox, [source, "-C", "6", directory + "/phrase.ogg"])
            try Tools.run(sox, [source, "-r", "48000", "-b", "24", directory + "/phrase48k24.aiff"])
            try Tools.run(
                sox, [source, "-r", "16000", "-b", "32", "-e", "floating-point", directory + "/float16k.wav"])
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// The bytes of one generated file (`espeak.wav`, `stereo44.wav`, `phrase.flac`, `phrase.ogg`,
    /// `phrase48k24.aiff`, `float16k.wav`).
    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
    }

}

/// Signal measures used to compare decodes.
enum Signal {
    static func rms(_ samples: [Int16]) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return (sum / Double(samples.count)).squareRoot()
    }

    /// Normalized correlation at lag 0 over the common length (1 = identical shape).
    static func correlation(_ a: [Int16], _ b: [Int16]) -> Double {
        let count = min(a.count, b.count)
        var ab = 0.0, aa = 0.0, bb = 0.0
        for index in 0..<count {
            let x = Double(a[index]), y = Double(b[index])
            ab += x * y
            aa += x * x
            bb += y * y
        }
        guard aa > 0, bb > 0 else { return 0 }
        return ab / (aa * bb).squareRoot()
    }

    /// A sine at `frequency` Hz sampled at `rate`, amplitude `amplitude` of full scale.
    static func sine(frequency: Double, rate: Int, count: Int, amplitude: Double = 0.5) -> [Int16] {
        (0..<count).map { Int16((sin(2 * .pi * frequency * Double($0) / Double(rate)) * amplitude * 32_767).rounded()) }
    }

    /// Little-endian bytes of `samples`.
    static func bytes(_ samples: [Int16]) -> [UInt8] {
        samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    }
}
