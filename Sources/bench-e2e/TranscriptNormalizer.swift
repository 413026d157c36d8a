/// Turns a transcript (typed or from an engine) into words that can be compared, the same way for both sides:
///
/// - lowercase; apostrophes dropped ("we've" → "weve"); hyphens and other punctuation separate words;
/// - "%" → "percent", "&" → "and", "°" → "degrees", "140/90" → "140 over 90", "14:32" → "1432", "1,000" → "1000";
/// - letters glued to digits are split ("e3" → "e 3", "bp92" → "bp 92"), except spo2/etco2/o2/co2 and ordinals;
/// - runs of number words become one digit token the way crews say numbers: "one forty" → 140, "fourteen
///   thirty-two" → 1432, "three twenty-four" → 324, "a hundred and ten" → 110, "thirty-six point eight" → 36.8,
///   "point four" → 0.4, "oh seven hundred" → 0700, "fourteen oh five" → 1405; a unit followed by a unit stays two
///   numbers ("two five" → 2 5). Whisper's forms follow the same rules: "14-O5" → 1405, "3-24" → 324,
///   "36 point eight" → 36.8. Sentence punctuation (, . ; ! ?) ends a run, so "twenty, twenty two" is 20 22.
enum TranscriptNormalizer {
    /// The comparable words of `text`.
    static func words(_ text: String) -> [String] {
        joinMixedDecimals(collapseNumbers(splitGlued(tokens(text)))).filter { $0 != boundary }
    }

    /// "36 point 8" (Whisper mixes digits and words) → "36.8", like "thirty-six point eight".
    private static func joinMixedDecimals(_ words: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < words.count {
            if i + 2 < words.count, words[i + 1] == "point", !words[i].isEmpty, words[i].allSatisfy(\.isNumber),
               !words[i + 2].isEmpty, words[i + 2].allSatisfy(\.isNumber) {
                result.append(words[i] + "." + words[i + 2])
                i += 3
            } else {
                result.append(words[i])
                i += 1
            }
        }
        return result
    }

    /// Every number in `words` (tokens that are numerals), in order.
    static func numbers(in words: [String]) -> [Double] {
        words.compactMap { word in
            guard let first = word.first, first.isNumber || first == "." else { return nil }
            return Double(word)
        }
    }

    private static let boundary = "|"
    private static let units = ["zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                "seven": 7, "eight": 8, "nine": 9]
    private static let teens = ["ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19]
    private static let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                               "eighty": 80, "ninety": 90]
    private static let keptGlued: Set<String> = ["spo2", "etco2", "o2", "co2"]

    /// Lowercased words and boundary markers, with the character rules applied.
    private static func tokens(_ text: String) -> [String] {
        let chars = Array(text.lowercased())
        var out = ""
        for (i, c) in chars.enumerated() {
            let before = i > 0 ? chars[i - 1] : " "
            let after = i + 1 < chars.count ? chars[i + 1] : " "
            switch c {
            case _ where c.isLetter || c.isNumber:
                out.append(c)
            case "'", "\u{2019}":
                continue
            case "," where before.isNumber && after.isNumber, ":" where before.isNumber && after.isNumber:
                continue
            case "." where after.isNumber && !before.isLetter:
                out.append(".")
            case "-" where digitGroup(chars, endingAt: i - 1).map({ (1...2).contains($0) }) == true
                        && digitGroup(chars, startingAt: i + 1) == 2:
                continue   // Whisper's "3-24" for "three twenty-four", like "one forty" → 140
            case "/" where before.isNumber && after.isNumber:
                out += " over "
            case "%":
                out += " percent "
            case "&":
                out += " and "
            case "°":
                out += " degrees "
            case ",", ".", ";", "!", "?", ":":
                out += " \(boundary) "
            default:
                out.append(" ")
            }
        }
        return out.split(separator: " ").map(String.init)
    }

    /// The length of the run of digits ending at `end` (nil when that run touches a "." or is empty).
    private static func digitGroup(_ chars: [Character], endingAt end: Int) -> Int? {
        var i = end
        while i >= 0, chars[i].isNumber { i -= 1 }
        if i >= 0, chars[i] == "." { return nil }
        return end - i > 0 ? end - i : nil
    }

    /// The length of the run of digits starting at `start` (nil when it continues with a "." or is empty).
    private static func digitGroup(_ chars: [Character], startingAt start: Int) -> Int? {
        var i = start
        while i < chars.count, chars[i].isNumber { i += 1 }
        if i < chars.count, chars[i] == "." { return nil }
        return i - start > 0 ? i - start : nil
    }

    /// Splits letter–digit boundaries inside a token ("e3" → "e", "3").
    private static func splitGlued(_ tokens: [String]) -> [String] {
        var result: [String] = []
        for token in tokens {
            if keptGlued.contains(token) || isOrdinal(token) || token == boundary {
                result.append(token)
                continue
            }
            var current = ""
            var currentIsNumeric: Bool?
            for c in token {
                let numeric = c.isNumber || c == "."
                if let kind = currentIsNumeric, kind != numeric {
                    result.append(current)
                    current = ""
                }
                current.append(c)
                currentIsNumeric = numeric
            }
            if !current.isEmpty { result.append(current) }
        }
        // ".4" → "0.4"; Whisper's "14-O5" (fourteen oh five) → "14" "o" "5" → "1405".
        var joined: [String] = []
        var i = 0
        while i < result.count {
            let token = result[i].hasPrefix(".") ? "0" + result[i] : result[i]
            if (token == "o" || token == "oh"), i + 1 < result.count, result[i + 1].count == 1,
               result[i + 1].allSatisfy(\.isNumber) {
                let digits = "0" + result[i + 1]
                if let last = joined.last, (1...2).contains(last.count), last.allSatisfy(\.isNumber) {
                    joined[joined.count - 1] = last + digits
                } else {
                    joined.append(digits)
                }
                i += 2
                continue
            }
            joined.append(token)
            i += 1
        }
        return joined
    }

    private static func isOrdinal(_ token: String) -> Bool {
        guard let last = token.lastIndex(where: \.isNumber) else { return false }
        let suffix = token[token.index(after: last)...]
        return ["st", "nd", "rd", "th"].contains(String(suffix)) && token[...last].allSatisfy(\.isNumber)
    }

    private static func isNumberWord(_ word: String) -> Bool {
        units[word] != nil || teens[word] != nil || tens[word] != nil
    }

    /// Replaces each run of number words with its digits.
    private static func collapseNumbers(_ words: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < words.count {
            if words[i] == "point", let last = result.last, !last.isEmpty, last.allSatisfy(\.isNumber),
               let (fraction, next) = decimalDigits(words, at: i + 1) {
                result[result.count - 1] = last + "." + fraction   // "36 point eight"
                i = next
            } else if let (digits, next) = run(words, at: i) {
                result.append(digits)
                i = next
            } else {
                result.append(words[i])
                i += 1
            }
        }
        return result
    }

    /// A small numeral (1 or 2 digits) or a cardinal with hundred/thousand, starting at `i`.
    private struct Atom {
        var digits: String
        /// True for "14", "40", "94", "05": may follow another small numeral ("fourteen thirty-two").
        var twoDigit: Bool
        /// True for a bare unit or a two-digit numeral: may be followed by a two-digit numeral.
        var small: Bool
        var next: Int
    }

    private static func word(_ words: [String], _ i: Int) -> String? { i < words.count ? words[i] : nil }

    private static func atom(_ words: [String], at start: Int) -> Atom? {
        var i = start
        guard let first = word(words, i) else { return nil }
        // "oh five", "oh seven hundred"
        if first == "oh" || first == "o" {
            guard let u = word(words, i + 1).flatMap({ units[$0] }) else { return nil }
            if word(words, i + 2) == "hundred" { return Atom(digits: "0\(u)00", twoDigit: false, small: false, next: i + 3) }
            return Atom(digits: "0\(u)", twoDigit: true, small: true, next: i + 2)
        }
        var value: Int
        var twoDigit = false
        if first == "a", word(words, i + 1) == "hundred" || word(words, i + 1) == "thousand" {
            value = 1
            i += 1
        } else if let u = units[first] {
            value = u
            i += 1
        } else if let t = teens[first] {
            value = t
            twoDigit = true
            i += 1
        } else if let t = tens[first] {
            value = t
            twoDigit = true
            i += 1
            if let u = word(words, i).flatMap({ units[$0] }), u != 0 {
                value += u
                i += 1
            }
        } else {
            return nil
        }
        var cardinal = false
        if word(words, i) == "hundred" {
            value *= 100
            i += 1
            cardinal = true
            if let rest = belowHundred(words, at: i) ?? (word(words, i) == "and" ? belowHundred(words, at: i + 1) : nil) {
                value += rest.value
                i = rest.next
            }
        }
        if word(words, i) == "thousand" {
            value *= 1000
            i += 1
            cardinal = true
            let afterAnd = word(words, i) == "and" ? i + 1 : i
            if let rest = belowThousand(words, at: afterAnd) {
                value += rest.value
                i = rest.next
            }
        }
        if cardinal { return Atom(digits: String(value), twoDigit: false, small: false, next: i) }
        return Atom(digits: String(value), twoDigit: twoDigit, small: true, next: i)
    }

    private static func belowThousand(_ words: [String], at i: Int) -> (value: Int, next: Int)? {
        if let u = word(words, i).flatMap({ units[$0] }), u != 0, word(words, i + 1) == "hundred" {
            var value = u * 100
            var next = i + 2
            if let rest = belowHundred(words, at: next) ?? (word(words, next) == "and" ? belowHundred(words, at: next + 1) : nil) {
                value += rest.value
                next = rest.next
            }
            return (value, next)
        }
        return belowHundred(words, at: i)
    }

    private static func belowHundred(_ words: [String], at i: Int) -> (value: Int, next: Int)? {
        guard let w = word(words, i) else { return nil }
        if let t = teens[w] { return (t, i + 1) }
        if let u = units[w], u != 0 { return (u, i + 1) }
        if let t = tens[w] {
            if let u = word(words, i + 1).flatMap({ units[$0] }), u != 0 { return (t + u, i + 2) }
            return (t, i + 1)
        }
        return nil
    }

    /// One number spoken as a run of words: an atom, optionally a following two-digit atom ("one forty"), then an
    /// optional decimal part ("point eight"). A run may also start with "point".
    private static func run(_ words: [String], at start: Int) -> (String, Int)? {
        var digits: String
        var i: Int
        if words[start] == "point", decimalDigits(words, at: start + 1) != nil {
            digits = "0"
            i = start
        } else {
            guard let first = atom(words, at: start) else { return nil }
            digits = first.digits
            i = first.next
            if first.small, let second = atom(words, at: i), second.twoDigit {
                digits += second.digits
                i = second.next
            }
        }
        if word(words, i) == "point", let (fraction, next) = decimalDigits(words, at: i + 1) {
            digits += "." + fraction
            i = next
        }
        return (digits, i)
    }

    private static func decimalDigits(_ words: [String], at start: Int) -> (String, Int)? {
        var i = start
        var digits = ""
        while let w = word(words, i) {
            if let u = units[w] { digits += String(u) } else if w == "oh" { digits += "0" } else { break }
            i += 1
        }
        return digits.isEmpty ? nil : (digits, i)
    }
}
