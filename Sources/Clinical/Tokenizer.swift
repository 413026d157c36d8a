/// Splits a transcript into `Token`s, keeping the Unicode scalar offsets of each.
///
/// Letters and digits never share a token ("E3" is "e" + "3", "SpO2" is "spo" + "2"); an apostrophe between
/// letters stays inside the word ("pressure's"); "98.6" stays one number; every other visible character is its
/// own punctuation token.
enum Tokenizer {
    static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if s.properties.isWhitespace || s.value < 0x20 {
                i += 1
                continue
            }
            if isLetter(s) {
                let start = i
                i += 1
                while i < n {
                    if isLetter(scalars[i]) {
                        i += 1
                    } else if isApostrophe(scalars[i]), i + 1 < n, isLetter(scalars[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
                if i - start == 1, let (text, end) = dottedPair(scalars, letterAt: start) {
                    // "p.m.", "a.m.", "p.o.", "i.v.", "i.m." are one word each ("pm", "po", …), like the same thing
                    // written without stops.
                    let raw = String(String.UnicodeScalarView(scalars[start..<end]))
                    tokens.append(Token(kind: .word, text: text, raw: raw, start: start, end: end))
                    i = end
                    continue
                }
                let raw = String(String.UnicodeScalarView(scalars[start..<i]))
                let lowered = raw.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                tokens.append(Token(kind: .word, text: lowered, raw: raw, start: start, end: i))
                // "Mr. Winston Reid", "Mrs. Sunita Pawar": a title's stop before a capitalised name ends no sentence.
                // (Not "Dr.", "St.": "Spoke to Dr. Morphine 5 mg IV given", "Found on Elm Dr. Naloxone 400 mcg IM";
                // review 80.)
                if titles.contains(lowered), i + 2 < n, scalars[i] == ".", scalars[i + 1] == " ",
                   scalars[i + 2].properties.isUppercase {
                    i += 1
                }
                continue
            }
            if isDigit(s) {
                let start = i
                while i < n, isDigit(scalars[i]) { i += 1 }
                if i + 1 < n, scalars[i] == ".", isDigit(scalars[i + 1]) {
                    i += 1
                    while i < n, isDigit(scalars[i]) { i += 1 }
                }
                let raw = String(String.UnicodeScalarView(scalars[start..<i]))
                tokens.append(Token(kind: .number, text: raw, raw: raw, start: start, end: i))
                continue
            }
            let raw = String(s)
            tokens.append(Token(kind: .punctuation, text: raw, raw: raw, start: i, end: i + 1))
            i += 1
        }
        return tokens
    }

    /// Titles whose stop (`tokenize`) is no sentence's end.
    private static let titles: Set<String> = ["mr", "mrs", "ms", "mx"]

    /// Abbreviations written as two letters with stops that `dottedPair` joins.
    private static let dottedPairs: Set<String> = ["am", "pm", "po", "iv", "im", "io", "sl", "pr"]

    /// "a.m.", "p.m.", "p.o.", "i.v.", "i.m.", "i.o.", "s.l.", "p.r." (any case) starting at the single letter at
    /// `letterAt`: the two letters as one word, and the end. The closing "." is taken only when the sentence goes on
    /// after it ("3:15 p.m. per his brother", "4:10 p.m., then", "3:58 p.m.: BP …"); before a capital letter or at
    /// the end of the text it is left as the end of the sentence ("at 4:10 p.m. We also ran…"). Nil for anything
    /// else ("a.k.a.", "e.g.", initials "J.S.").
    private static func dottedPair(_ scalars: [Unicode.Scalar], letterAt start: Int) -> (String, Int)? {
        let n = scalars.count
        guard start + 2 < n, scalars[start + 1] == ".", isLetter(scalars[start + 2]) else { return nil }
        let text = scalars[start].properties.lowercaseMapping + scalars[start + 2].properties.lowercaseMapping
        guard dottedPairs.contains(text) else { return nil }
        // Part of a longer dotted abbreviation: "p.r.n.", "S.L.E.", "I.V. Smith" after "J." ("Dr J.I.V."): no.
        if start + 4 < n, scalars[start + 3] == ".", isLetter(scalars[start + 4]) { return nil }
        if start >= 2, scalars[start - 1] == ".", isLetter(scalars[start - 2]) { return nil }
        var end = start + 3
        if end < n, isLetter(scalars[end]) || isDigit(scalars[end]) { return nil }   // "p.mg", "a.m2"
        guard end < n, scalars[end] == "." else { return (text, end) }
        var next = end + 1
        while next < n, scalars[next].properties.isWhitespace { next += 1 }
        if next < n, !scalars[next].properties.isUppercase { end += 1 }
        return (text, end)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic && !isDigit(s)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    private static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}"
    }
}
