@testable import App
import Testing

/// `PARAMEDIC_*` environment variables over the embedded defaults: valid values apply, anything else leaves the
/// default alone.
@Suite struct AppConfigurationTests {
    @Test func validValuesApply() {
        var configuration = AppConfiguration()
        configuration.applyEnvironment(["PARAMEDIC_PORT": "8080", "PARAMEDIC_THREADS": "4",
                                        "PARAMEDIC_CHUNK_THREADS": "48", "PARAMEDIC_SESSION_IDLE_SECONDS": "600",
                                        "PARAMEDIC_ASR": "pocketsphinx"])
        #expect(configuration.http.port == 8080)
        #expect(configuration.http.threadPoolSize == 4)
        #expect(configuration.chunkThreads == 48)
        #expect(configuration.sessionIdleTimeout == 600)
        #expect(configuration.asr == "pocketsphinx")
    }

    @Test func invalidValuesKeepTheDefaults() {
        let defaults = AppConfiguration()
        var configuration = AppConfiguration()
        configuration.applyEnvironment(["PARAMEDIC_PORT": "99999", "PARAMEDIC_CHUNK_THREADS": "0",
                                        "PARAMEDIC_LIVE_TRANSCRIPTION_SECONDS": "-5",
                                        "PARAMEDIC_CONNECTION_LIMIT": "many"])
        #expect(configuration.http.port == defaults.http.port)
        #expect(configuration.chunkThreads == defaults.chunkThreads)
        #expect(configuration.liveTranscriptionSeconds == defaults.liveTranscriptionSeconds)
        #expect(configuration.http.connectionLimit == defaults.http.connectionLimit)
    }
}
