/// A strict structural check of an ARPA language model, run before sphinxbase reads one.
///
/// sphinxbase 0.8+5prealpha's ARPA reader crashes the process on some malformed files instead of returning NULL
/// (measured: no `\data\` header; more than three orders, from an unbounded counts array or at the first score;
/// a NUL byte inside a word, which C reads as a shorter line), so a file is only handed to it once this check
/// passes: no control character but the newline, the header, one `ngram N=count` line per order 1…n with n ≤ 3,
/// then each `\N-grams:` section with exactly `count` entries of a finite log10 probability, N words separated by
/// single spaces and at most one back-off weight, then `\end\`. Stricter than the format (no tabs, no CRLF, no text
/// before the header): it only has to accept what `TrigramModel` writes.
enum ARPAFormat {
    /// nil when `text` is well formed, else what is wrong (for the error's detail; never file contents).
    static func problem(in text: String) -> String? {
        if text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }) { return "a control character" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard lines.next() == "\\data\\" else { return "no \\data\\ header" }
        var counts: [Int] = []
        var line = lines.next()
        while let current = line, current.hasPrefix("ngram ") {
            let parts = current.dropFirst("ngram ".count).split(separator: "=")
            guard parts.count == 2, Int(parts[0]) == counts.count + 1, let count = Int(parts[1]), count >= 0
            else { return "bad count line \(counts.count + 1)" }
            counts.append(count)
            line = lines.next()
        }
        guard !counts.isEmpty, counts[0] > 0 else { return "no unigrams" }
        guard counts.count <= 3 else { return "more than three orders" }
        for (index, count) in counts.enumerated() {
            let order = index + 1
            guard line == "\\\(order)-grams:" else { return "no \\\(order)-grams: section" }
            for _ in 0..<count {
                guard let entry = lines.next() else { return "\(order)-grams end early" }
                let fields = entry.split(separator: " ", omittingEmptySubsequences: false)
                let highest = order == counts.count
                guard !fields.contains(where: \.isEmpty),
                      fields.count == order + 1 || (!highest && fields.count == order + 2),
                      let probability = Double(fields[0]), probability.isFinite, probability <= 0,
                      fields.count == order + 1 || Double(fields[order + 1])?.isFinite == true
                else { return "bad \(order)-gram entry" }
            }
            line = lines.next()
        }
        guard line == "\\end\\", lines.next() == nil else { return "no \\end\\ after the last section" }
        return nil
    }
}
