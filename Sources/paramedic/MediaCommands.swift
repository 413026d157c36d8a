import App
import ArgumentParser
import Foundation

struct Transcribe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Transcribe an audio file (any format libsndfile reads) and print the transcript.")
    @Argument(help: "Audio file.") var file: String
    @Option(help: "Speech engine: pocketsphinx, whisper or auto.") var asr: String = "auto"

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
        do {
            say(try Offline.transcribe(Array(data), asr: asr))
        } catch {
            fail("\(error)")
        }
    }
}

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyze a transcript and print analysis.json (the extractor the server runs).")
    @Argument(help: "Transcript text file.") var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
        do {
            FileHandle.standardOutput.write(try Offline.analyze(String(decoding: data, as: UTF8.self)))
            say("")
        } catch {
            fail("\(error)")
        }
    }
}
