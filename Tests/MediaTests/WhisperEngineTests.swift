import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Speech

/// The real engine: faster-whisper with tiny.en from the venv that scripts/setup-whisper.sh makes. Skipped when
/// that venv is absent; CI runs the setup script first, so they run there.
@Suite(.serialized, .enabled(if: WhisperFactory.isInstalled(venv: WhisperTestAudio.venv),
                             "run scripts/setup-whisper.sh to install the Whisper venv"))
struct WhisperEngineTests {
    let configuration = WhisperConfiguration(venv: WhisperTestAudio.venv, workerScript: WhisperTestAudio.worker)
    static let handover = "blood pressure one forty over ninety, pulse one ten"

    @Test func transcribesAHandoverWithNumbers() throws {
        let engine = try WhisperEngine(configuration: configuration)
        let text = try engine.transcribe(
            samples: WhisperTestAudio.speech(Self.handover)
        ).lowercased()
        #expect(engine.name == "whisper")
        #expect(text.contains("blood pressure"), "\(text)")
        #expect(text.contains("pulse"), "\(text)")
        // Whisper writes digits; accept number words too, but the values themselves must be there.
        #expect(text.contains("140") || text.contains("one forty"), "\(text)")
        #expect(text.contains("90") || text.contains("ninety"), "\(text)")
        #expect(text.contains("110") || text.contains("one ten"), "\(text)")
    }

    @Test func silenceGivesNothing() throws {
        let engine = try WhisperEngine(configuration: configuration)
        #expect(try engine.transcribe(samples: WhisperTestAudio.silence(seconds: 3)) == "")
        #expect(try engine.transcribe(samples: []) == "")
    }

    @Test func whiteNoiseGivesNothing() throws {
        let engine = try WhisperEngine(configuration: configuration)
        for volume in [0.05, 0.3, 0.9] {
            #expect(try engine.transcribe(samples: WhisperTestAudio.whiteNoise(seconds: 3, volume: volume)) == "")
        }
    }

    @Test func speechAfterSilenceStillComesThrough() throws {
        let engine = try WhisperEngine(configuration: configuration)
        let samples = try WhisperTestAudio.silence(seconds: 2) + WhisperTestAudio.speech(Self.handover)
            + WhisperTestAudio.silence(seconds: 2)
        let text = try engine.transcribe(samples: samples).lowercased()
        #expect(text.contains("pulse") && (text.contains("110") || text.contains("one ten")), "\(text)")
    }

    @Test func restartsAWorkerThatWasKilled() throws {
        let engine = try WhisperEngine(configuration: configuration)
        let speech = try WhisperTestAudio.speech(Self.handover)
        #expect(try engine.transcribe(samples: speech).lowercased().contains("pulse"))
        let first = try #require(engine.workerProcessID)
        #expect(kill(first, SIGKILL) == 0)
        // Wait until the kill has taken effect, without reaping: the engine must notice and reap it itself.
        var info = siginfo_t()
        #expect(waitid(P_PID, id_t(first), &info, WEXITED | WNOWAIT) == 0)

        let text = try engine.transcribe(samples: speech).lowercased()
        #expect(text.contains("pulse"), "\(text)")
        let second = try #require(engine.workerProcessID)
        #expect(second != first)
        #expect(kill(first, 0) == -1 && errno == ESRCH, "the killed worker was reaped")
    }

    @Test func restartsAWorkerKilledInTheMiddleOfARequest() throws {
        let engine = try WhisperEngine(configuration: configuration)
        let pid = try #require(engine.workerProcessID)
        // Long enough to be killed while decoding, and not one sentence repeated: the worker drops a segment whose
        // text is a repetition loop, and Whisper's sampled fallback made six copies of one sentence come back
        // empty in one CI run of twenty-odd.
        let speech = try WhisperTestAudio.speech([
            Self.handover, "respiratory rate twenty two, oxygen saturation ninety four percent on air",
            "blood glucose six point two, temperature thirty seven point eight",
            "GCS fifteen, pain seven out of ten", "aspirin three hundred milligrams given at fourteen ten",
            "left scene at fourteen thirty, arriving in ten minutes",
        ].joined(separator: ". "))
        // Kill the worker once it has spent 0.2 s of CPU on this request: it is then decoding, mid-request.
        let idleTicks = try #require(WhisperTestAudio.cpuTicks(of: pid))
        let killed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while let ticks = WhisperTestAudio.cpuTicks(of: pid), ticks < idleTicks + 20 { usleep(2_000) }
            kill(pid, SIGKILL)
            killed.signal()
        }
        let text = try engine.transcribe(samples: speech).lowercased()
        killed.wait()
        #expect(text.contains("blood pressure"), "\(text)")
        let restarted = try #require(engine.workerProcessID)
        #expect(restarted != pid)
    }

    @Test func deinitEndsTheWorker() throws {
        var engine: WhisperEngine? = try WhisperEngine(configuration: configuration)
        let pid = try #require(engine?.workerProcessID)
        #expect(kill(pid, 0) == 0)
        engine = nil
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func aCallPastItsDeadlineKillsTheWorkerAndThrowsTimeout() throws {
        var tight = configuration
        tight.baseTimeout = .milliseconds(1)
        tight.timeoutPerAudioSecond = 0
        let engine = try WhisperEngine(configuration: tight)
        let pid = try #require(engine.workerProcessID)
        let error = #expect(throws: WhisperError.self) {
            try engine.transcribe(samples: WhisperTestAudio.speech(Self.handover))
        }
        #expect(error?.code == .timeout)
        #expect(engine.workerProcessID == nil)
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func aMissingModelFailsToStartWithAStableCode() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("whisper-no-model-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        var broken = configuration
        broken.modelDirectory = empty
        let error = #expect(throws: WhisperError.self) { try WhisperEngine(configuration: broken) }
        #expect(error?.code == .startFailed)
    }

    @Test func factoryMakesWorkingEngines() throws {
        let factory = WhisperFactory(configuration: configuration)
        #expect(factory.name == "whisper")
        let engine = try factory.makeEngine()
        #expect(try engine.transcribe(samples: WhisperTestAudio.silence(seconds: 1)) == "")
    }
}

/// Detection of the installation, which needs no venv.
struct WhisperInstallationTests {
    @Test func anEmptyDirectoryIsNotAnInstallation() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("whisper-empty-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(!WhisperFactory.isInstalled(venv: empty))
        let error = #expect(throws: WhisperError.self) {
            try WhisperEngine(configuration: WhisperConfiguration(venv: empty))
        }
        #expect(error?.code == .notInstalled)
    }

    @Test func deadlinesGrowWithTheAudio() {
        let configuration = WhisperConfiguration(venv: URL(fileURLWithPath: "/nonexistent"))
        #expect(configuration.timeout(sampleCount: 0) == .seconds(30))
        #expect(configuration.timeout(sampleCount: 16_000 * 60) == .seconds(150))
        #expect(configuration.workerScript.path == "/nonexistent/libexec/whisper_worker.py")
    }
}
