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
                let raw = String(String.UnicodeScalarView(scalars[start..<i]))
                let lowered = raw.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                tokens.append(Token(kind: .word, text: lowered, raw: raw, start: start, end: i))
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
