/// Drug names as speech engines write them when they do not know the word: "On Dancy Tron" for ondansetron,
/// "NALOC SONE" for naloxone, "Fent annual" for fentanyl, "Salbutam all" for salbutamol (CLINICAL.md).
///
/// Words are compared by a sound key: letters only; c, ck, q and x spelled out as k, s and ks; ph as f; th as t;
/// every vowel (and y) the same; doubled sounds once. Two spellings that sound alike get keys a short edit distance
/// apart. A span of words is read as a drug only when
/// - its key is at least `minimumKeyLength` long (short words sound like too many things),
/// - exactly one drug is nearest, and within 1 edit (see `allowedEdits`),
/// and the scanner asks for more than the name: a dose with its unit straight after it, or a history clause.
enum SoundAlike {
    static let minimumKeyLength = 6

    /// The sound key of `text` (any letters; others are ignored).
    static func key(_ text: some StringProtocol) -> [UInt8] {
        let letters = text.unicodeScalars.compactMap { s -> UInt8? in
            switch s.value {
            case 0x61...0x7A: UInt8(s.value)
            case 0x41...0x5A: UInt8(s.value + 0x20)
            default: nil
            }
        }
        let a = UInt8(ascii: "a"), c = UInt8(ascii: "c"), k = UInt8(ascii: "k"), s = UInt8(ascii: "s")
        let h = UInt8(ascii: "h"), p = UInt8(ascii: "p"), t = UInt8(ascii: "t"), f = UInt8(ascii: "f")
        var out: [UInt8] = []
        out.reserveCapacity(letters.count + 2)
        func emit(_ b: UInt8) {
            if out.last != b { out.append(b) }
        }
        var i = 0
        while i < letters.count {
            let x = letters[i]
            let next = i + 1 < letters.count ? letters[i + 1] : 0
            switch x {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                 UInt8(ascii: "y"):
                emit(a)
            case c:
                if next == k { i += 1 }
                if next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y") {
                    emit(s)
                } else {
                    emit(k)
                }
            case UInt8(ascii: "q"): emit(k)
            case UInt8(ascii: "x"):
                emit(k)
                emit(s)
            case UInt8(ascii: "z"): emit(s)
            case p where next == h:
                emit(f)
                i += 1
            case t where next == h:
                emit(t)
                i += 1
            case h:
                // Silent after a consonant ("rh", "gh", "ch" is handled as k/s above via c).
                if out.isEmpty || out.last == a { emit(h) }
            default: emit(x)
            }
            i += 1
        }
        return out
    }

    /// Edits allowed between a span's key and a drug's key of this length. One: at two, a correctly spelt drug that
    /// is not in the list was read as a listed one (bumetanide as budesonide, beclometasone as dexamethasone).
    static func allowedEdits(keyLength: Int) -> Int { 1 }

    /// The one drug whose key is nearest to `key`, when it is near enough and no other drug is as near.
    static func drug(forKey key: [UInt8]) -> (drug: String, distance: Int)? {
        guard key.count >= minimumKeyLength else { return nil }
        let limit = allowedEdits(keyLength: key.count)
        var best: (distance: Int, drug: String)?
        var tie = false
        for entry in drugKeys where abs(entry.key.count - key.count) <= limit {
            guard let d = distance(key, entry.key, limit: limit) else { continue }
            if let b = best {
                if d < b.distance {
                    best = (d, entry.drug)
                    tie = false
                } else if d == b.distance, b.drug != entry.drug {
                    tie = true
                }
            } else {
                best = (d, entry.drug)
            }
        }
        guard let best, !tie else { return nil }
        return (best.drug, best.distance)
    }

    /// Keys of every drug name and alias in `Lexicon.drugs` long enough to compare.
    static let drugKeys: [(key: [UInt8], drug: String)] = Lexicon.drugs.entries.compactMap { phrase, drug in
        let k = key(phrase.joined())
        return k.count >= minimumKeyLength ? (k, drug) : nil
    }

    /// Levenshtein distance, or nil once it must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if a == b { return 0 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
