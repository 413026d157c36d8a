// Release benchmark for the Audio and Speech modules: `swift run -c release bench-speech [--rounds N]`.
//
// Needs espeak-ng and sox (the same packages the MediaTests use) to synthesize a handover; writes only that
// synthetic audio, in a private temporary directory it deletes at the end.
//
// 1. Decode + resample: a 10-minute 44.1 kHz stereo WAV and its FLAC encoding, decoded from memory to 16 kHz mono
//    by `AudioDecoder`, as x realtime, against a memcpy of the same bytes measured in alternating rounds of the
//    same run (the ratio is taken per round; the median is reported).
// 2. PocketSphinx: model load time and real-time factor (CPU seconds per audio second) on a ~30 s spoken handover.
// Times are thread CPU time, so other processes sharing the cores inflate neither side.
import Audio
import Foundation
import Glibc
import Speech

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("bench-speech: " + message + "\n").utf8))
    exit(2)
}

func threadCPUSeconds() -> Double {
    var spec = timespec()
    precondition(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec) == 0)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

func findTool(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func run(_ executable: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        fail("\(executable) failed with status \(process.terminationStatus)")
    }
}

var rounds = 7
if let index = CommandLine.arguments.firstIndex(of: "--rounds"), index + 1 < CommandLine.arguments.count,
   let value = Int(CommandLine.arguments[index + 1]), value > 0 {
    rounds = value
}
guard let espeak = findTool("espeak-ng"), let sox = findTool("sox") else {
    fail("needs espeak-ng and sox (apt-get install espeak-ng sox)")
}

let handover = """
    Handover. Seventy two year old man, chest pain since oh six thirty, central, radiating to the left arm. \
    Blood pressure one forty over ninety, heart rate one hundred and ten, respiratory rate twenty two, \
    oxygen saturation ninety four percent on room air, temperature thirty seven point eight, GCS fifteen. \
    Allergic to penicillin. Takes metformin and aspirin. We gave aspirin three hundred milligrams oral and \
    GTN four hundred micrograms sublingual at oh seven ten. Pain now six out of ten. Second set of vitals: \
    blood pressure one thirty over eighty five, heart rate ninety eight.
    """
let directory = NSTemporaryDirectory() + "bench-speech-\(getpid())"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
try run(espeak, ["-v", "en-us+f2", "-s", "160", "-w", directory + "/handover.wav", handover])
// ~10 minutes of 44.1 kHz stereo: the handover repeated.
try run(sox, [directory + "/handover.wav", "-r", "44100", "-c", "2", directory + "/long.wav", "repeat", "19"])
try run(sox, [directory + "/long.wav", directory + "/long.flac"])

print("bench-speech (release, thread CPU time, \(rounds) rounds, median)")
for name in ["long.wav", "long.flac"] {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
    var ratios: [Double] = []
    var realtime: [Double] = []
    var audioSeconds = 0.0
    var copy = [UInt8](repeating: 0, count: bytes.count)
    for _ in 0..<rounds {
        let copyStart = threadCPUSeconds()
        for _ in 0..<10 {
            copy.withUnsafeMutableBytes { destination in
                bytes.withUnsafeBytes { source in _ = memcpy(destination.baseAddress!, source.baseAddress!, source.count) }
            }
        }
        let copySeconds = (threadCPUSeconds() - copyStart) / 10
        let decodeStart = threadCPUSeconds()
        let samples = try AudioDecoder.decode(bytes)
        let decodeSeconds = threadCPUSeconds() - decodeStart
        audioSeconds = Double(samples.count) / Double(AudioDecoder.sampleRate)
        ratios.append(decodeSeconds / copySeconds)
        realtime.append(audioSeconds / decodeSeconds)
    }
    precondition(copy == bytes)
    let megabytes = Double(bytes.count) / 1_048_576
    print("decode+resample \(name) (\(format(megabytes, 1)) MiB, \(format(audioSeconds, 1)) s of 44.1 kHz stereo → 16 kHz mono): "
          + "\(format(median(realtime), 0))x realtime; \(format(median(ratios), 0))x the CPU time of memcpy of the same bytes")
}

let handoverSamples = try AudioDecoder.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/handover.wav"))))
let handoverSeconds = Double(handoverSamples.count) / Double(AudioDecoder.sampleRate)
let loadStart = threadCPUSeconds()
let engine = try PocketSphinxEngine()
let loadSeconds = threadCPUSeconds() - loadStart
var factors: [Double] = []
var words = 0
for _ in 0..<min(rounds, 3) {
    let start = threadCPUSeconds()
    let text = try engine.transcribe(samples: handoverSamples)
    factors.append((threadCPUSeconds() - start) / handoverSeconds)
    words = text.split(separator: " ").count
}
print("pocketsphinx: model load \(format(loadSeconds * 1_000, 0)) ms CPU; RTF \(format(median(factors), 3)) "
      + "(CPU s per audio s) on a \(format(handoverSeconds, 1)) s espeak-ng handover, \(words) words recognized")
