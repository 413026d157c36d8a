/// Drug names as speech engines write them when they do not know the word: "On Dancy Tron" for ondansetron,
/// "NALOC SONE" for naloxone, "Fent annual" for fentanyl, "Salbutam all" for salbutamol (CLINICAL.md).
///
/// Words are compared by a sound key: letters only; c, ck, q and x spelled out as k, s and ks; ph as f; th as t;
/// every vowel (and y) the same; doubled sounds once. Words are read as a drug only when
/// - their key is exactly a listed drug's generic name's key (not a brand or short alias: "tired all" has Toradol's),
/// - that key is at least `minimumKeyLength` long,
/// - no other listed drug's key is within one edit of it ("Ketapine" sounds exactly like quetiapine but is one
///   edit from ketamine),
/// and the scanner asks for more than the name: a dose with its unit straight beside it.
/// A review found one-edit matching read everyday words (position → Piriton, cocaine → codeine) and unlisted drugs
/// (vecuronium → rocuronium, Glucogel → glucagon) as listed drugs, so there is no near match at all.
enum SoundAlike {
    static let minimumKeyLength = 8

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

    /// The one drug whose generic name has exactly this sound key, when no other drug's key is within one edit.
    static func drug(forKey key: [UInt8]) -> String? {
        guard key.count >= minimumKeyLength, let drug = exactKeys[key] else { return nil }
        for entry in allKeys where entry.drug != drug && abs(entry.key.count - key.count) <= 1 {
            if distance(key, entry.key, limit: 1) != nil { return nil }
        }
        return drug
    }

    /// Sound key of each listed drug's generic name → the drug (names sharing a key with another drug are left out).
    static let exactKeys: [[UInt8]: String] = {
        var map: [[UInt8]: String] = [:]
        var shared: Set<[UInt8]> = []
        for (phrase, drug) in Lexicon.drugs.entries where phrase == drug.split(separator: " ").map(String.init) {
            let k = key(phrase.joined())
            if let other = map[k], other != drug { shared.insert(k) }
            map[k] = drug
        }
        for k in shared { map[k] = nil }
        return map
    }()

    /// Keys of every listed name and alias, for the one-edit neighbour check.
    static let allKeys: [(key: [UInt8], drug: String)] = Lexicon.drugs.entries.map { phrase, drug in
        (key(phrase.joined()), drug)
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
