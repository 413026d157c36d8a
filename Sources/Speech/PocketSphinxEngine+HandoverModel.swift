import CPocketSphinx
import Foundation

extension PocketSphinxEngine {
    /// The name of the search that decodes with the stock and handover models interpolated.
    static let handoverSearch = "handover"

    /// Adds the handover dictionary's words to `decoder`, which has no search yet, then makes its only search an
    /// interpolation of the stock language model at `stock` (weight 1 − `model.weight`) and the handover model.
    ///
    /// Order matters: `ps_add_word` also enters each new word into the language model of every existing n-gram
    /// search, and doing that to the stock binary (trie) model was measured to crash sphinxbase on the first
    /// decode. With no search yet the words only go into the dictionary, and the search built afterwards sees them.
    static func add(_ model: HandoverModel, to decoder: OpaquePointer, config: OpaquePointer, stock: String) throws {
        guard model.weight > 0, model.weight < 1 else {
            throw PocketSphinxError(.initFailed, operation: "weight", detail: "\(model.weight) not in (0, 1)")
        }
        if let problem = ARPAFormat.problem(in: try text(of: model.languageModelPath)) {
            throw PocketSphinxError(.initFailed, operation: "arpa", detail: "\(model.languageModelPath): \(problem)")
        }
        guard let entries = HandoverModel.dictionaryEntries(try text(of: model.dictionaryPath)) else {
            throw PocketSphinxError(.initFailed, operation: "dictionary", detail: model.dictionaryPath)
        }
        for entry in entries {
            // update = 0: there is no search to rebuild yet; the handover search below is built once, with them all.
            guard ps_add_word(decoder, entry.word, entry.phones, 0) >= 0 else {
                throw PocketSphinxError(.initFailed, operation: "ps_add_word", detail: entry.word)
            }
        }
        // Both models share the decoder's log-math (ngram_model_set_init requires it); neither takes ownership of it.
        guard let stockModel = ngram_model_read(config, stock, NGRAM_AUTO, ps_get_logmath(decoder)) else {
            throw PocketSphinxError(.initFailed, operation: "ngram_model_read", detail: stock)
        }
        guard let handover = ngram_model_read(config, model.languageModelPath, NGRAM_ARPA, ps_get_logmath(decoder))
        else {
            _ = ngram_model_free(stockModel)
            throw PocketSphinxError(.initFailed, operation: "ngram_model_read", detail: model.languageModelPath)
        }
        // ngram_model_set_init takes its own reference to each model (ngram_model_retain in this sphinxbase), so
        // ours are released once it returns, whether it made the set or not. Keeping them leaked both models,
        // about 33 MB per engine (review 48, valgrind); `engineBuiltAgainDoesNotGrow` guards it.
        var models: [OpaquePointer?] = [stockModel, handover]
        defer { for lm in models { _ = ngram_model_free(lm) } }
        var names: [UnsafeMutablePointer<CChar>?] = [strdup("stock"), strdup("handover")]
        defer { for name in names { free(name) } }
        var weights: [Float] = [1 - model.weight, model.weight]
        guard !names.contains(where: { $0 == nil }),
              let set = ngram_model_set_init(config, &models, &names, &weights, 2) else {
            throw PocketSphinxError(.initFailed, operation: "ngram_model_set_init")
        }
        // The search keeps its own reference to the set; ours is released either way.
        let installed = ps_set_lm(decoder, handoverSearch, set)
        _ = ngram_model_free(set)
        guard installed == 0 else { throw PocketSphinxError(.initFailed, operation: "ps_set_lm") }
        guard ps_set_search(decoder, handoverSearch) == 0 else {
            throw PocketSphinxError(.initFailed, operation: "ps_set_search")
        }
    }

    private static func text(of path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PocketSphinxError(.modelNotFound, operation: "read", detail: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PocketSphinxError(.initFailed, operation: "utf8", detail: path)
        }
        return text
    }
}
