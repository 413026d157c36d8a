import Audio
import Foundation
import Synchronization
import Testing

/// ALSA capture through the real ALSA library, without a sound card: ALSA's `file` plugin over the `null` PCM
/// replays a raw file as if it were a microphone.
///
/// Isolation: ALSA reads `ALSA_CONFIG_PATH` from the environment, and `setenv` is unsafe while other threads read
/// the environment (other tests spawn processes in parallel). Each test therefore runs its body in a child
/// process (a Swift Testing exit test) that sets the variable before its first ALSA call; the parent process
/// never loads ALSA. The child reports a failed check through its exit code.
@Suite("ALSACapture")
struct ALSACaptureTests {
    /// 3 s + 777 samples of deterministic noise-like audio: not a whole number of periods.
    static let sampleCount = 16_000 * 3 + 777

    /// Writes `in.raw` and an asound.conf defining `pcm.filein` into a new directory; returns the directory.
    static func makeFixture() throws -> String {
        let directory = NSTemporaryDirectory() + "alsa-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var state: UInt32 = 0x1234_5678
        let samples: [Int16] = (0..<sampleCount).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Int16(truncatingIfNeeded: state >> 16) | 1  // never 0, so silence after the end is visible
        }
        try Data(Signal.bytes(samples)).write(to: URL(fileURLWithPath: directory + "/in.raw"))
        let config = """
            </usr/share/alsa/alsa.conf>
            pcm.filein {
                type file
                slave.pcm "null"
                file "/dev/null"
                infile "\(directory)/in.raw"
                format "raw"
            }

            """
        try config.write(toFile: directory + "/asound.conf", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func capturesTheInputFileExactly() async throws {
        let directory = try Self.makeFixture()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        await #expect(processExitsWith: .success) { [directory = directory as String] in
            setenv("ALSA_CONFIG_PATH", directory + "/asound.conf", 1)
            let expected = try Data(contentsOf: URL(fileURLWithPath: directory + "/in.raw"))
            let target = ALSACaptureTests.sampleCount + 4_000
            let capture = try ALSACapture(device: "filein", periodFrames: 1_600)
            guard capture.periodFrames > 0, capture.device == "filein" else { exit(10) }
            let collected = Mutex<[Int16]>([])
            let ends = Mutex<[String]>([])
            let reached = DispatchSemaphore(value: 0)
            try capture.start(onSamples: { block in
                let count = collected.withLock { all in
                    all += block
                    return all.count
                }
                if count >= target && count - block.count < target { reached.signal() }
            }, onEnd: { error in
                ends.withLock { $0.append(error.map { "\($0)" } ?? "ok") }
            })
            // A second start is refused while running.
            do {
                try capture.start(onSamples: { _ in })
                exit(11)
            } catch let error as AudioError where error.code == .captureFailed {}
            guard reached.wait(timeout: .now() + 60) == .success else { exit(12) }
            capture.stop()
            capture.stop()  // idempotent
            guard ends.withLock({ $0 }) == ["ok"] else { exit(13) }
            let samples = collected.withLock { $0 }
            guard samples.count >= target else { exit(14) }
            // The captured bytes are exactly in.raw...
            let capturedBytes = Signal.bytes(Array(samples[0..<ALSACaptureTests.sampleCount]))
            guard capturedBytes == [UInt8](expected) else { exit(15) }
            // After the file is exhausted, alsa-lib 1.2.8's file plugin keeps returning full periods from the
            // null PCM (readi never returns 0 there), with undefined contents; capture goes on until stop().
            guard capture.overruns == 0 else { exit(16) }
            exit(0)
        }
    }

    @Test func stopWhileCapturingDeliversAPrefix() async throws {
        let directory = try Self.makeFixture()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        await #expect(processExitsWith: .success) { [directory = directory as String] in
            setenv("ALSA_CONFIG_PATH", directory + "/asound.conf", 1)
            let expected = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/in.raw")))
            let capture = try ALSACapture(device: "filein", periodFrames: 320)
            let collected = Mutex<[Int16]>([])
            let first = DispatchSemaphore(value: 0)
            let ended = DispatchSemaphore(value: 0)
            try capture.start(onSamples: { block in
                let wasEmpty = collected.withLock { all in
                    defer { all += block }
                    return all.isEmpty
                }
                if wasEmpty { first.signal() }
            }, onEnd: { error in
                if error == nil { ended.signal() }
            })
            guard first.wait(timeout: .now() + 60) == .success else { exit(20) }
            capture.stop()
            // stop() returned after the thread ended, so onEnd has already run.
            guard ended.wait(timeout: .now()) == .success else { exit(21) }
            let samples = collected.withLock { $0 }
            guard !samples.isEmpty else { exit(22) }
            let count = min(samples.count, ALSACaptureTests.sampleCount)
            guard Signal.bytes(Array(samples[0..<count])) == Array(expected[0..<(count * 2)]) else { exit(23) }
            exit(0)
        }
    }

    @Test func unknownDeviceFailsWithACode() async throws {
        let directory = try Self.makeFixture()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        await #expect(processExitsWith: .success) { [directory = directory as String] in
            setenv("ALSA_CONFIG_PATH", directory + "/asound.conf", 1)
            do {
                _ = try ALSACapture(device: "no_such_device_here")
                exit(30)
            } catch let error as AudioError {
                guard error.code == .captureFailed, error.operation == "snd_pcm_open" else { exit(31) }
            }
            exit(0)
        }
    }
}
