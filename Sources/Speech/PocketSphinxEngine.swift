import CPocketSphinx
import Glibc

/// Offline speech-to-text with CMU PocketSphinx and its en-us model: the embedded default engine.
///
/// Owns one `ps_decoder_t` and its `cmd_ln_t` (freed in deinit). Loading takes about 0.4 s (0.3 s without the
/// handover model), so make one engine per worker thread and reuse it; one engine must not be used by two threads
/// at once (`SpeechEngine`).
public final class PocketSphinxEngine: SpeechEngine {
    /// Where Debian's `pocketsphinx-en-us` package installs the model.
    public static let defaultModelDirectory = "/usr/share/pocketsphinx/model/en-us"

    /// "pocketsphinx", or "pocketsphinx-stock" without the handover model (as its factory is named).
    public let name: String
    private let config: OpaquePointer
    private let decoder: OpaquePointer
    /// The strdup'd argv given to `cmd_ln_parse_r`, owned until the configuration is freed.
    private let arguments: [UnsafeMutablePointer<CChar>?]

    /// Loads the model from `modelDirectory`, which must hold `en-us/` (acoustic model), `en-us.lm.bin` and
    /// `cmudict-en-us.dict`, and adds `handoverModel` to it (nil: the stock model alone).
    ///
    /// - Throws: `PocketSphinxError` `.modelNotFound` when a file is missing, `.initFailed` when PocketSphinx
    ///   refuses the configuration or a file of the handover model.
    public init(modelDirectory: String = PocketSphinxEngine.defaultModelDirectory,
                handoverModel: HandoverModel? = HandoverModel.bundled) throws {
        _ = sphinxLoggingDisabled
        let directory = modelDirectory.hasSuffix("/") ? String(modelDirectory.dropLast()) : modelDirectory
        let stockModel = directory + "/en-us.lm.bin"
        // With a handover model the decoder starts with no language model (so no search): the handover words are
        // added to the dictionary first, then the interpolated search is built (see `add(_:to:config:stock:)`).
        let files = [("-hmm", directory + "/en-us"), ("-dict", directory + "/cmudict-en-us.dict")]
            + (handoverModel == nil ? [("-lm", stockModel)] : [])
        let handoverFiles = handoverModel.map { [stockModel, $0.languageModelPath, $0.dictionaryPath] } ?? []
        for path in files.map(\.1) + handoverFiles where access(path, R_OK) != 0 {
            // Checked here because some PocketSphinx load paths call exit() on a missing file.
            throw PocketSphinxError(.modelNotFound, operation: "access", detail: path)
        }
        let arguments = files.flatMap { [$0.0, $0.1] }
        // Older sphinxbase releases key the configuration's hash table by the argv strings themselves, so the
        // strdup'd copies live as long as the configuration and are freed after it (deinit, or the failure paths).
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        guard !argv.contains(where: { $0 == nil }) else {
            for pointer in argv { free(pointer) }
            throw PocketSphinxError(.initFailed, operation: "strdup", detail: "out of memory")
        }
        guard let config = cmd_ln_parse_r(nil, ps_args(), Int32(argv.count), &argv, 1) else {
            for pointer in argv { free(pointer) }
            throw PocketSphinxError(.initFailed, operation: "cmd_ln_parse_r")
        }
        guard let decoder = ps_init(config) else {
            cmd_ln_free_r(config)
            for pointer in argv { free(pointer) }
            throw PocketSphinxError(.initFailed, operation: "ps_init", detail: directory)
        }
        if let handoverModel {
            do {
                try Self.add(handoverModel, to: decoder, config: config, stock: stockModel)
            } catch {
                ps_free(decoder)
                cmd_ln_free_r(config)
                for pointer in argv { free(pointer) }
                throw error
            }
        }
        self.name = handoverModel == nil ? "pocketsphinx-stock" : "pocketsphinx"
        self.config = config
        self.decoder = decoder
        self.arguments = argv
    }

    deinit {
        // ps_init took its own reference to the configuration; each side releases its own. Then the argv copies.
        ps_free(decoder)
        cmd_ln_free_r(config)
        for pointer in arguments { free(pointer) }
    }

    /// The transcript of `samples` (16 kHz mono s16) as lower-case words separated by single spaces; "" for
    /// silence. The whole recording is one utterance: splitting at PocketSphinx's voice-activity boundaries was
    /// measured to lose words on the test speech.
    ///
    /// - Throws: `PocketSphinxError(.decodeFailed)` when an utterance call fails.
    public func transcribe(samples: [Int16]) throws -> String {
        try start()
        var open = true
        defer { if open { _ = ps_end_utt(decoder) } }
        // One call with full_utt = 1: PocketSphinx then normalizes the cepstra over the whole recording (batch
        // CMN) instead of adapting as it goes, which recognized clearly more words on the test speech.
        if !samples.isEmpty {
            let frames = samples.withUnsafeBufferPointer { buffer in
                ps_process_raw(decoder, buffer.baseAddress, buffer.count, 0, 1)
            }
            guard frames >= 0 else { throw PocketSphinxError(.decodeFailed, operation: "ps_process_raw") }
        }
        open = false
        return try finish() ?? ""
    }

    private func start() throws {
        guard ps_start_utt(decoder) >= 0 else {
            throw PocketSphinxError(.decodeFailed, operation: "ps_start_utt")
        }
    }

    /// Ends the utterance and returns its hypothesis, nil when nothing was recognized.
    private func finish() throws -> String? {
        guard ps_end_utt(decoder) >= 0 else {
            throw PocketSphinxError(.decodeFailed, operation: "ps_end_utt")
        }
        var score: Int32 = 0
        guard let hypothesis = ps_get_hyp(decoder, &score) else { return nil }
        let text = String(cString: hypothesis).split(separator: " ").joined(separator: " ")
        return text.isEmpty ? nil : text
    }
}

/// Turns sphinxbase's process-wide log off, once, before the first decoder. Passing `-logfn` instead would make
/// each `ps_init` call `err_set_logfile`, which fcloses the previous global log FILE while another thread's
/// decoder may be writing to it; with logging off nothing is opened or closed. (PocketSphinx logs model paths
/// and timings, never transcripts; the product does not need them.)
private let sphinxLoggingDisabled: Void = {
    err_set_logfp(nil)
}()
