/// Typed handover text as the words a crew says, for counting a language model: lower case, one array of words per
/// sentence, digits read out the way crews read them ("140/90" → "one forty over ninety", "14:32" → "fourteen
/// thirty two", "38.5" → "thirty eight point five", "5 mg" → "five milligrams") and written abbreviations as they
/// are said ("e4" → "e four", "x2" → "times two"). Abbreviations said letter by letter ("gcs", "iv") stay one word:
/// the handover dictionary spells them out.
public enum SpokenText {
    /// The sentences of `text`, each as spoken words.
    public static func sentences(_ text: String) -> [[String]] {
        var sentences: [[String]] = []
        var current: [String] = []
        let tokens = marked(text).split(whereSeparator: { $0 == " " }).map(String.init)
        for (i, token) in tokens.enumerated() {
            if token == boundary {
                if !current.isEmpty { sentences.append(current) }
                current = []
                continue
            }
            let previous = i > 0 ? tokens[i - 1] : ""
            let next = i + 1 < tokens.count ? tokens[i + 1] : ""
            current += spoken(token, afterNumber: isNumeral(previous), beforeUnit: units.contains(next))
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    private static let boundary = "|"

    /// Lower case, with sentence ends as " | " and every other character that is not part of a word as a space.
    private static func marked(_ text: String) -> String {
        let chars = Array(text.lowercased())
        var out = ""
        for (i, c) in chars.enumerated() {
            let before = i > 0 ? chars[i - 1] : " "
            let after = i + 1 < chars.count ? chars[i + 1] : " "
            switch c {
            case "a"..."z", "0"..."9":
                // "5mg" → "5 mg", but "2nd" stays whole; "e4" stays (an abbreviation looked up whole).
                if c.isLetter && before.isNumber && !isOrdinalSuffix(chars, at: i) { out.append(" ") }
                out.append(c)
            case "'", "\u{2019}":
                if before.isLetter && after.isLetter { out.append("'") } else { out.append(" ") }
            case "." where before.isNumber && after.isNumber:
                out.append(".")
            case "." where before.isLetter && after.isLetter:
                out.append(" ")   // "p.m." → "p m", "e.g." → "e g"
            case ":" where before.isNumber && after.isNumber:
                out.append(":")   // "14:32", "3:15": a time
            case "," where before.isNumber && after.isNumber:
                continue   // "1,000"
            case "/" where before.isNumber && isTen(chars, at: i + 1):
                out += " out of "   // "pain 8/10"
            case "/" where before.isNumber && after.isNumber:
                out += " over "
            case "%":
                out += " percent "
            case "°":
                out += " degrees "
            case ".", "!", "?", ";", ":", "\n":
                out += " | "
            default:
                out.append(" ")
            }
        }
        return out
    }

    /// A generated phrase's word, through the same expansions as typed text ("spo2" → "s p o two").
    static func spokenWord(_ word: String) -> [String] { expansions[word] ?? [word] }

    /// One typed token as spoken words. A unit's abbreviation is read as the unit only after a number ("15 l" is
    /// fifteen litres, "L shoulder" is the left one), and four digits before a unit are an amount, not a time.
    private static func spoken(_ token: String, afterNumber: Bool, beforeUnit: Bool) -> [String] {
        if afterNumber, let unit = unitsAfterNumber[token] { return unit }
        if let expansion = expansions[token] { return expansion }
        if let time = clockTime(token) { return time }
        if let ordinal = ordinal(token) { return ordinal }
        if isNumeral(token) {
            if beforeUnit, !token.contains("."), let value = Int(token) { return words(value) }
            return number(token)
        }
        return [token]
    }

    private static func isNumeral(_ token: String) -> Bool {
        !token.isEmpty && token.first!.isNumber && token.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// Written units that may follow an amount ("1000 mg" is one thousand milligrams, not ten hundred).
    private static let units: Set<String> = ["mg", "mcg", "ug", "g", "kg", "ml", "mls", "l", "units", "unit",
                                             "milligrams", "micrograms", "grams", "litres", "liters", "mils", "mmol"]
    /// Abbreviations that mean a unit only after a number.
    private static let unitsAfterNumber: [String: [String]] = ["l": ["litres"], "g": ["grams"], "m": ["metres"]]

    /// "14:32" → "fourteen thirty two", "3:15" → "three fifteen", "09:05" → "oh nine oh five", "14:00" →
    /// "fourteen hundred".
    private static func clockTime(_ token: String) -> [String]? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60 else { return nil }
        return timeWords(hours: hours, minutes: minutes, twoDigitHour: parts[0].count == 2)
    }

    /// A clock time as crews say it: a two-digit hour is "oh nine" / "fourteen" and its full hour "hundred"; a
    /// one-digit hour is "three" and its full hour "o'clock".
    private static func timeWords(hours: Int, minutes: Int, twoDigitHour: Bool) -> [String] {
        let hour = twoDigitHour && hours < 10 ? ["oh", ones[hours]] : words(hours)
        if minutes == 0 { return hour + (twoDigitHour ? ["hundred"] : ["o'clock"]) }
        return hour + (minutes < 10 ? ["oh", ones[minutes]] : words(minutes))
    }

    /// "2nd" → "second", "21st" → "twenty first".
    private static func ordinal(_ token: String) -> [String]? {
        guard token.count >= 3, isOrdinalSuffix(Array(token), at: token.count - 2),
              let value = Int(token.dropLast(2)), (1...99).contains(value) else { return nil }
        var spoken = words(value)
        let last = spoken.removeLast()
        let irregular = ["one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                         "nine": "ninth", "twelve": "twelfth"]
        let ordinal = irregular[last] ?? (last.hasSuffix("y") ? String(last.dropLast()) + "ieth" : last + "th")
        return spoken + [ordinal]
    }

    /// "st", "nd", "rd" or "th" at `i`, right after a digit and ending the word.
    private static func isOrdinalSuffix(_ chars: [Character], at i: Int) -> Bool {
        guard i > 0, i + 1 < chars.count, chars[i - 1].isNumber else { return false }
        let suffix = String(chars[i...i + 1])
        let ends = i + 2 >= chars.count || !chars[i + 2].isLetter
        return ends && ["st", "nd", "rd", "th"].contains(suffix)
    }

    /// "10" at `i`, not followed by another digit.
    private static func isTen(_ chars: [Character], at i: Int) -> Bool {
        i + 1 < chars.count && chars[i] == "1" && chars[i + 1] == "0" && (i + 2 >= chars.count || !chars[i + 2].isNumber)
    }

    /// Digits as words. Four digits that make a clock time are a time; 100–199 are read "one forty"; a decimal is
    /// read digit by digit after "point".
    static func number(_ digits: String) -> [String] {
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isNumber) else { return [] }
        if parts.count == 2 {
            return number(String(whole)) + ["point"] + parts[1].compactMap { $0.wholeNumberValue.map { ones[$0] } }
        }
        guard parts.count == 1 else { return [] }
        if whole.count == 4, let hours = Int(whole.prefix(2)), let minutes = Int(whole.suffix(2)), hours < 24,
           minutes < 60 {
            return timeWords(hours: hours, minutes: minutes, twoDigitHour: true)
        }
        guard whole.count <= 4, let value = Int(whole) else { return whole.compactMap { $0.wholeNumberValue.map { ones[$0] } } }
        if (110...199).contains(value) { return ["one"] + words(value - 100) }
        return words(value)
    }

    /// 0–9999 in words: "a hundred and five" style ("one hundred and five"), "two thousand".
    static func words(_ n: Int) -> [String] {
        if n < 20 { return [ones[n]] }
        if n < 100 { return [tens[n / 10]] + (n % 10 == 0 ? [] : [ones[n % 10]]) }
        if n < 1000 { return [ones[n / 100], "hundred"] + (n % 100 == 0 ? [] : ["and"] + words(n % 100)) }
        return words(n / 1000) + ["thousand"] + (n % 1000 == 0 ? [] : words(n % 1000))
    }

    static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                       "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// Written forms that are said as other words. Abbreviations said letter by letter are not here: they are
    /// words of the handover dictionary.
    static let expansions: [String: [String]] = {
        var table: [String: String] = [
            "mg": "milligrams", "mcg": "micrograms", "ug": "micrograms", "kg": "kilos", "ml": "mils", "mls": "mils",
            "mmol": "millimoles", "mmhg": "millimetres of mercury", "cm": "centimetres",
            "dl": "decilitre", "ft": "feet", "hrs": "hours", "mins": "minutes", "min": "minutes",
            "wks": "weeks", "yrs": "years", "yr": "year", "yo": "year old", "approx": "approximately",
            "incl": "including", "x2": "times two", "x3": "times three", "x4": "times four",
            "spo2": "s p o two", "etco2": "e t c o two", "o2": "o two", "co2": "c o two", "a38": "a thirty eight",
            "dm2": "d m two", "bp's": "b p's",
        ]
        // GCS parts and the like, said as the letter and the number: "e4" → "e four", "c6" → "c six".
        for letter in ["a", "c", "e", "g", "m", "o", "p", "v"] {
            for digit in 1...9 where table["\(letter)\(digit)"] == nil {
                table["\(letter)\(digit)"] = "\(letter) \(ones[digit])"
            }
        }
        table["o5"] = "oh five"
        return table.mapValues { $0.split(separator: " ").map(String.init) }
    }()
}
