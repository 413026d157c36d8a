import Glibc

/// A back-off trigram language model counted from sentences of words, written in the ARPA text format that
/// sphinxbase's `ngram_model_read` loads.
///
/// Smoothing is absolute discounting with Katz-style back-off: every seen n-gram gives up `discount` of its count,
/// and the mass freed in a context is handed to the next-lower order through the context's back-off weight, so
/// that each context's probabilities sum to one. Unigrams are add-`unigramFloor` smoothed; every word of the
/// vocabulary is possible. Output is deterministic: the same sentences give the same bytes (keys sorted, fixed
/// precision), which is what lets a test check the committed model against its recipe.
public struct TrigramModel: Sendable {
    /// What each seen n-gram gives up to its context's back-off (0 < discount < 1).
    public var discount = 0.5
    /// Pseudo-count added to every unigram.
    public var unigramFloor = 0.1

    private var unigrams: [String: Int] = [:]
    private var bigrams: [Pair: Int] = [:]
    private var trigrams: [Triple: Int] = [:]

    public init() {}

    /// Counts one sentence (words without the `<s>`/`</s>` markers, which are added here).
    public mutating func add(_ sentence: [String]) {
        guard !sentence.isEmpty else { return }
        let words = [Self.start] + sentence + [Self.end]
        for (i, word) in words.enumerated() {
            if i > 0 { unigrams[word, default: 0] += 1 }
            if i >= 1 { bigrams[Pair(words[i - 1], word), default: 0] += 1 }
            if i >= 2 { trigrams[Triple(words[i - 2], words[i - 1], word), default: 0] += 1 }
        }
    }

    /// The words of the model, `<s>` included, sorted.
    public var vocabulary: [String] { (Array(unigrams.keys) + [Self.start]).sorted() }

    /// The model in ARPA format.
    public func arpa() -> String {
        let vocabulary = self.vocabulary
        let total = Double(unigrams.values.reduce(0, +))
        // "<s>" is never predicted (its ARPA probability is -99), so the unigram mass is spread over the others.
        let predicted = Double(unigrams.count)
        var p1: [String: Double] = [:]
        for (word, count) in unigrams {
            p1[word] = (Double(count) + unigramFloor) / (total + unigramFloor * predicted)
        }

        // Bigrams: discounted relative frequency, and each history's back-off weight to the unigrams.
        var historyCount1: [String: Int] = [:]
        var seen1: [String: [Pair]] = [:]
        for (pair, count) in bigrams {
            historyCount1[pair.a, default: 0] += count
            seen1[pair.a, default: []].append(pair)
        }
        var p2: [Pair: Double] = [:]
        var backoff1: [String: Double] = [:]
        for (history, pairs) in seen1 {
            let n = Double(historyCount1[history]!)
            var kept = 0.0, lower = 0.0
            for pair in pairs.sorted() {   // a fixed order: the sums round the same in every process
                let p = (Double(bigrams[pair]!) - discount) / n
                p2[pair] = p
                kept += p
                lower += p1[pair.b]!
            }
            backoff1[history] = (1 - kept) / max(1 - lower, 1e-12)
        }
        func bigramProbability(_ pair: Pair) -> Double {
            p2[pair] ?? (backoff1[pair.a] ?? 1) * p1[pair.b]!
        }

        // Trigrams, backing off to the bigram distribution above.
        var historyCount2: [Pair: Int] = [:]
        var seen2: [Pair: [Triple]] = [:]
        for (triple, count) in trigrams {
            let history = Pair(triple.a, triple.b)
            historyCount2[history, default: 0] += count
            seen2[history, default: []].append(triple)
        }
        var p3: [Triple: Double] = [:]
        var backoff2: [Pair: Double] = [:]
        for (history, triples) in seen2 {
            let n = Double(historyCount2[history]!)
            var kept = 0.0, lower = 0.0
            for triple in triples.sorted() {
                let p = (Double(trigrams[triple]!) - discount) / n
                p3[triple] = p
                kept += p
                lower += bigramProbability(Pair(triple.b, triple.c))
            }
            backoff2[history] = (1 - kept) / max(1 - lower, 1e-12)
        }

        var out = "\\data\\\nngram 1=\(vocabulary.count)\nngram 2=\(p2.count)\nngram 3=\(p3.count)\n\n\\1-grams:\n"
        for word in vocabulary {
            let probability = word == Self.start ? "-99.0000" : Self.log(p1[word]!)
            out += probability + " " + word + (backoff1[word].map { " " + Self.log($0) } ?? "") + "\n"
        }
        out += "\n\\2-grams:\n"
        for pair in p2.keys.sorted() {
            out += Self.log(p2[pair]!) + " \(pair.a) \(pair.b)" + (backoff2[pair].map { " " + Self.log($0) } ?? "") + "\n"
        }
        out += "\n\\3-grams:\n"
        for triple in p3.keys.sorted() {
            out += Self.log(p3[triple]!) + " \(triple.a) \(triple.b) \(triple.c)\n"
        }
        return out + "\n\\end\\\n"
    }

    static let start = "<s>"
    static let end = "</s>"

    /// log10 with four decimals, the precision of the models CMU ships.
    private static func log(_ p: Double) -> String {
        let value = (log10(p) * 10_000).rounded() / 10_000
        var text = String(value)
        if !text.contains(".") { text += ".0" }
        return text
    }

    private struct Pair: Hashable, Comparable {
        let a: String, b: String
        init(_ a: String, _ b: String) { self.a = a; self.b = b }
        static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
    }

    private struct Triple: Hashable, Comparable {
        let a: String, b: String, c: String
        init(_ a: String, _ b: String, _ c: String) { self.a = a; self.b = b; self.c = c }
        static func < (l: Triple, r: Triple) -> Bool { (l.a, l.b, l.c) < (r.a, r.b, r.c) }
    }
}
