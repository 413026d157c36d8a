import App
import Security
import Foundation
import Testing

/// Server-side capture: `paramedic serve --alsa-device NAME` records from an ALSA PCM on start/stop. The device is
/// ALSA's `file` plugin reading a raw file, so the real ALSA code runs without a sound card. The server runs as a
/// child process because ALSA_CONFIG_PATH must be set before ALSA is first used, and only for that process.
@Suite("Recording: ALSA capture on the server")
struct RecordingALSATests {
    @Test("start/stop capture from the file plugin: the stored recording begins with exactly the device's bytes")
    func captureThroughTheServer() throws {
        let binary = RecordingCrashTests.binary()
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the paramedic executable first")
        let directory = try RecServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // 1.5 s of a 440 Hz tone as the "microphone".
        let input = try RecAudio.tone(440, seconds: 1.5)
        let raw = directory + "/in.raw"
        try Data(input).write(to: URL(fileURLWithPath: raw))
        let config = directory + "/asound.conf"
        try """
        </usr/share/alsa/alsa.conf>
        pcm.filein { type file slave.pcm "null" file "/dev/null" infile "\(raw)" format "raw" }

        """.write(toFile: config, atomically: true, encoding: .utf8)
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory + "/data"
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        configuration.passwordParameters = PasswordHasher.Parameters(logN: 10, r: 8, p: 1)  // not measuring the KDF
        _ = try AdminTool(configuration: configuration).addUser(name: "medic.mic", role: "paramedic", teams: [],
                                                               password: RecServer.password)

        let server = try RecordingCrashTests.ServerProcess(
            binary: binary, dataDirectory: configuration.dataDirectory, log: directory + "/server.log",
            extraArguments: ["--alsa-device", "filein"], environment: ["ALSA_CONFIG_PATH": config])
        defer { _ = server.terminate() }
        let client = RecClient(port: server.port)
        let device = try RecServer.login(client, "medic.mic")
        let id = try client.start(device)
        // Poll the recording's duration (a real state) until the device's bytes have been captured.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, ((try client.recording(device, id).json["duration_s"] as? Double) ?? 0) < 1.6 {
            usleep(20_000)
        }
        // A browser's chunk cannot join a recording the server's device feeds.
        let chunk = try client.chunk(device, id, seq: 1_000, [0, 0, 0, 0])
        #expect(chunk.status == 409 && chunk.errorCode == "server_capture", "\(chunk.text)")
        #expect(try client.stop(device).status == 202)
        let file = try client.file(device, id, "recording")
        #expect(file.status == 200)
        let wav = try RecWAV(file.body)
        let pcm = wav.pcm
        try #require(pcm.count >= input.count, "captured \(pcm.count) bytes, the device held \(input.count)")
        // The file plugin keeps delivering after its input ends (alsa-lib 1.2.8), so compare the input's length.
        #expect(Array(pcm.prefix(input.count)) == input)
        #expect(wav.sampleRate == 16_000 && wav.channels == 1)
    }
}
