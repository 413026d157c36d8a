import Audio
import Foundation
import Speech
import Synchronization
import Testing

@Suite("PocketSphinxEngine")
struct PocketSphinxTests {
    static let modelInstalled = FileManager.default.fileExists(
        atPath: PocketSphinxEngine.defaultModelDirectory + "/en-us.lm.bin")

    /// The espeak-ng phrase, decoded to canonical 16 kHz audio by the product's own decoder.
    private func phraseSamples() throws -> [Int16] {
        try AudioDecoder.decode(SpeechFixture.get().bytes("espeak.wav"))
    }

    @Test(.enabled(if: Tools.available && modelInstalled))
    func transcribesSpokenWords() throws {
        let engine = try PocketSphinxEngine()
        #expect(engine.name == "pocketsphinx")
        let text = try engine.transcribe(samples: phraseSamples())
        let words = Set(text.split(separator: " ").map(String.init))
        // espeak-ng's voice is far from PocketSphinx's training speech; these words survive it.
        #expect(words.contains("pressure"), "transcript: \(text)")
        #expect(words.contains("oxygen") && words.contains("saturation"), "transcript: \(text)")
        // Reusable. (Live cepstral-mean normalization carries over between utterances, so a second pass may
        // differ in detail; it still hears the same words.)
        let again = try engine.transcribe(samples: phraseSamples())
        #expect(again.contains("pressure"), "second transcript: \(again)")
    }

    @Test(.enabled(if: modelInstalled))
    func silenceYieldsEmptyText() throws {
        let engine = try PocketSphinxEngine()
        #expect(try engine.transcribe(samples: [Int16](repeating: 0, count: 48_000)) == "")
        #expect(try engine.transcribe(samples: []) == "")
        var generator = SystemRandomNumberGenerator()
        let faintNoise = (0..<48_000).map { _ in Int16.random(in: -3...3, using: &generator) }
        #expect(try engine.transcribe(samples: faintNoise) == "")
    }

    @Test(.enabled(if: Tools.available && modelInstalled))
    func twoEnginesInTwoThreadsAtOnce() throws {
        let samples = try phraseSamples()
        let factory: any SpeechEngineFactory = PocketSphinxFactory()
        #expect(factory.name == "pocketsphinx")
        let results = ResultBox()
        let ready = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for index in 0..<2 {
            ready.enter()
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                do {
                    // Both threads load their model and then decode concurrently.
                    let engine = try factory.makeEngine()
                    ready.leave()
                    go.wait()
                    results.set(index, try engine.transcribe(samples: samples))
                } catch {
                    ready.leave()
                    results.set(index, "error: \(error)")
                }
            }
            thread.start()
        }
        ready.wait()
        go.signal()
        go.signal()
        #expect(done.wait(timeout: .now() + 120) == .success)
        let texts = results.all()
        #expect(texts.count == 2)
        for text in texts { #expect(text.contains("pressure"), "transcript: \(text)") }
        #expect(texts.first == texts.last, "same audio, same model, same result")
    }

    @Test func missingModelIsAnError() {
        #expect {
            _ = try PocketSphinxEngine(modelDirectory: "/nonexistent/model")
        } throws: { error in
            (error as? PocketSphinxError)?.code == .modelNotFound
        }
    }
}

/// Results written by the decoding threads, read after they finished.
private final class ResultBox: Sendable {
    private let storage = Mutex<[Int: String]>([:])
    func set(_ index: Int, _ text: String) { storage.withLock { $0[index] = text } }
    func all() -> [String] { storage.withLock { $0.sorted { $0.key < $1.key }.map(\.value) } }
}
