/// Reads numbers the way crews say them, from digits or words, starting at a token index.
///
/// "one forty" → 140, "a hundred and ten" → 110, "ninety-eight point six" → 98.6, "point four" → 0.4,
/// "oh seven hundred" → 0700 (clock), "fourteen thirty-two" → 1432 (clock), "one oh five" → 105.
struct NumberParser: Sendable {
    let tokens: [Token]

    static let units: [String: Int] = [
        "one": 1, "won": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    ]
    static let teens: [String: Int] = [
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]
    static let zeros: Set<String> = ["zero", "oh", "o", "nought"]

    /// True when the token at `i` could start or continue a spoken number.
    func isNumberWord(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        if t.isNumber { return true }
        guard t.isWord else { return false }
        return Self.units[t.text] != nil || Self.teens[t.text] != nil || Self.tens[t.text] != nil
            || t.text == "hundred" || t.text == "zero" || t.text == "point"
    }

    /// Parses the number that starts exactly at token `i`, or returns nil.
    ///
    /// A number read digit by digit with hyphens and then said again whole after a comma ("one-two-eight, one
    /// hundred and twenty-eight", "two-point-five, two and a half milligrams") is one number, ending after the
    /// repeat, so that what follows the repeat (a unit, a route, "on room air") still goes with it. Only the same
    /// value repeats it.
    func parse(at i: Int) -> SpokenNumber? {
        guard var n = parseOnce(at: i) else { return nil }
        if n.form != .digits, (n.first..<n.end).contains(where: { isHyphen($0) }), isComma(n.end),
           let again = parseOnce(at: n.end + 1) {
            if again.value == n.value {
                n.end = again.end
            } else if n.isInteger, !again.isInteger, again.value.rounded(.down) == n.value {
                // "Temp three-six, three-six point eight": the repeat finishes the number.
                n = SpokenNumber(value: again.value, first: n.first, end: again.end, form: again.form)
            } else if isDigitByDigit(n), n.end - n.first == 3, again.value * 10 == n.value, !again.isInteger {
                // "BM six-two, six point two": the pair was the number with its point left out.
                n = SpokenNumber(value: again.value, first: n.first, end: again.end, form: again.form)
            } else if isDigitByDigit(n), n.value > 0, abs(again.value - n.value) / n.value <= 0.2 {
                // Said again, close but different ("Pulse one-two-eight, one hundred and eighteen", "Temp three-six,
                // thirty-eight point one"): which one was meant is not known, so neither is read. (A number far off
                // is something else: "pulse nine-six, sixteen resps", "sats nine-six, fifteen litres".)
                return nil
            }
        }
        return n
    }

    /// Digit words joined by hyphens, the whole number ("one-two-eight", "nine-four").
    private func isDigitByDigit(_ n: SpokenNumber) -> Bool {
        let span = n.first..<n.end
        return span.count >= 3 && span.allSatisfy { k in
            isHyphen(k) || unit(k) != nil || isZero(k)
        } && isHyphen(n.first + 1)
    }

    private func isPairSeparator(_ k: Int) -> Bool {
        k < tokens.count && (word(k) == "over" || (tokens[k].kind == .punctuation && tokens[k].text == "/"))
    }

    private func parseOnce(at i: Int) -> SpokenNumber? {
        guard i >= 0, i < tokens.count else { return nil }
        let t = tokens[i]
        if t.isNumber {
            guard let v = Double(t.text) else { return nil }
            if !t.text.contains("."), word(i + 1) == "and", word(i + 2) == "a", word(i + 3) == "half" {
                return SpokenNumber(value: v + 0.5, first: i, end: i + 4, form: .digits)
            }
            if !t.text.contains("."), word(i + 1) == "and", word(i + 2) == "half", endsAHalf(i + 3) {
                return SpokenNumber(value: v + 0.5, first: i, end: i + 3, form: .digits)
            }
            if word(i + 1) == "point" {
                // "36 point eight", "36 point 8": digits and a spoken decimal. Without a readable fraction (or
                // after digits that already have one) the number is garbled; never truncate it to "36".
                guard !t.text.contains("."), let f = fraction(at: i + 2) else { return nil }
                return SpokenNumber(value: v + f.value, first: i, end: f.end, form: .digits)
            }
            return SpokenNumber(value: v, first: i, end: i + 1, form: .digits)
        }
        guard t.isWord else { return nil }
        if t.text == "point", let fraction = fraction(at: i + 1) {
            return SpokenNumber(value: fraction.value, first: i, end: fraction.end, form: .cardinal)
        }
        guard var n = integer(at: i) else { return nil }
        if n.form == .cardinal || n.form == .colloquial, word(joined(n.end)) == "point" {
            // "thirty-six point" with no readable digits after it: the decimal was lost, so is the number.
            // "two-point-five": the same, written with hyphens.
            let point = joined(n.end)
            guard let f = fraction(at: point == n.end ? point + 1 : joined(point + 1)) else { return nil }
            n.value += f.value
            n.end = f.end
        } else if n.form == .cardinal, n.value < 100, word(n.end) == "and", word(n.end + 1) == "a",
                  word(n.end + 2) == "half" {
            // "five and a half"
            n.value += 0.5
            n.end += 3
        } else if n.form == .cardinal, n.value < 100, word(n.end) == "and", word(n.end + 1) == "half", endsAHalf(n.end + 2) {
            // "thirty-nine and half" (a speaker of English as a second language)
            n.value += 0.5
            n.end += 2
        }
        return n
    }

    /// "thirty-nine and half," ends the number at `k`: punctuation, the end, or a unit. Not "and half an hour
    /// later", "and half of it", "and half hourly obs": there "half" is no part of the number.
    private func endsAHalf(_ k: Int) -> Bool {
        guard k < tokens.count else { return true }
        if tokens[k].kind == .punctuation { return true }
        // (Unpunctuated engine text: "temperature thirty nine and half sugar six and half gcs is fourteen".)
        if !Lexicon.vitals.candidates(tokens[k].text).isEmpty { return true }
        return ["degrees", "mmol", "millimoles", "milligrams", "mg", "percent", "grams", "g", "mls", "ml", "litres",
                "liters", "celsius"].contains(tokens[k].text)
    }

    /// True when the word before the number is an article that cannot go with it ("a eight", "an four"): the
    /// words around a number were misheard, so the number is not trusted.
    func articleDisagrees(_ n: SpokenNumber) -> Bool {
        guard n.first > 0, tokens[n.first - 1].isWord, tokens[n.first].isWord else { return false }
        let article = tokens[n.first - 1].text
        let first = tokens[n.first].text
        let vowelSound = first.hasPrefix("eight") || first.hasPrefix("eleven") || first == "oh" || first == "o"
        if article == "a" { return vowelSound }
        if article == "an" { return !vowelSound }
        return false
    }

    /// True when the tokens right after `n` show it is a fragment of a garbled number rather than a whole one, so
    /// that reading it would invent a value:
    /// - a whole hundred in digits, "and", then another number: "100 and 1.3" (a hundred and one point three);
    /// - when `letterCodes` is false, a letter glued to digits right after it: "4 T2" ("O2" excepted).
    func isFragment(_ n: SpokenNumber, letterCodes: Bool = false) -> Bool {
        let last = n.end - 1
        guard last >= 0, last < tokens.count else { return false }
        if tokens[last].isNumber, let v = Int(tokens[last].text), v >= 100, v % 100 == 0, word(n.end) == "and",
           n.end + 1 < tokens.count, tokens[n.end + 1].isNumber || isNumberWord(n.end + 1) {
            return true
        }
        guard n.end < tokens.count else { return false }
        let next = tokens[n.end]
        if !letterCodes, next.isWord, next.text.count == 1, next.text != "o", n.end + 1 < tokens.count,
           tokens[n.end + 1].isNumber, tokens[n.end + 1].start == next.end {
            return true
        }
        // A whole hundred with more of the number after it: "100 4", "TEMP 100 2.4", "heart rate 100, and 2",
        // "one hundred for" (a hundred and four).
        if n.value >= 100, n.value.truncatingRemainder(dividingBy: 100) == 0, n.form != .clock, n.form != .hundreds {
            // "for" is PocketSphinx's "four" only after number words ("Pulse 100 for the whole journey" is 100).
            if next.isNumber || (word(n.end) == "for" && tokens[n.end - 1].isWord) { return true }
            let j = isComma(n.end) ? n.end + 1 : n.end
            // "100, and to" (and two)
            if word(j) == "and", j + 1 < tokens.count,
               tokens[j + 1].isNumber || isNumberWord(j + 1) || word(j + 1) == "to" || word(j + 1) == "too" {
                return true
            }
        }
        // "twenty to ten" for twenty-two (PocketSphinx): a tens word, then "to" and another number.
        if tokens[n.end - 1].isWord, Self.tens[tokens[n.end - 1].text] != nil, word(n.end) == "to" || word(n.end) == "too",
           n.end + 1 < tokens.count, isNumberWord(n.end + 1) {
            return true
        }
        // "Sugar 1. 20." (one twenty), "temp 99. 9.1." (ninety-nine point one): Whisper ended a sentence inside the
        // number, and the next "sentence" is nothing but digits. ("GCS 15. 12-lead shows…" keeps its 15.)
        if n.form == .digits, tokens[n.end - 1].isNumber, n.end + 1 < tokens.count, tokens[n.end].kind == .punctuation,
           tokens[n.end].text == ".", tokens[n.end + 1].isNumber,
           n.end + 2 >= tokens.count || (tokens[n.end + 2].kind == .punctuation && [".", ","].contains(tokens[n.end + 2].text)) {
            return true
        }
        // "blood sugar 1, 80" (a hundred and eighty): one digit, a comma, more digits.
        if n.form == .digits, n.end - n.first == 1, tokens[n.first].text.count == 1, isComma(n.end),
           n.end + 1 < tokens.count, tokens[n.end + 1].isNumber, tokens[n.end + 1].text.count >= 2 {
            return true
        }
        // "Blood sugar 1-H-E": letters hyphenated onto the digits.
        if !letterCodes, tokens[n.end - 1].isNumber, isHyphen(n.end), tokens[n.end].start == tokens[n.end - 1].end,
           n.end + 1 < tokens.count, tokens[n.end + 1].isWord, tokens[n.end + 1].text.count <= 2,
           !["c", "f", "o", "l"].contains(tokens[n.end + 1].text), tokens[n.end + 1].start == tokens[n.end].end {
            return true
        }
        return false
    }

    /// Words an engine writes for a spoken "point" ("thirty nine plan for" for 39.4, "to plan five" for 2.5).
    static let pointSoundAlikes: Set<String> = ["plan", "pint", "paint", "plant", "pointe"]

    /// The same after the whole number, with what PocketSphinx also writes there: "thirty nine planned eight" (39.8),
    /// "thirty eight find nine" (38.9), "six pints four". These are common words, so only a temperature or a blood
    /// sugar is read so (`HandoverScanner.lostItsDecimal`).
    static let pointSoundAlikesAfter: Set<String> = pointSoundAlikes.union(["planned", "plants", "pints", "find"])

    /// Number words an engine writes as other words after a garbled "point": "plan won", "find ate".
    private static let digitSoundAlikes: Set<String> = ["won", "ate"]

    /// A single digit's word at `i` ("four", "oh"), or what an engine writes for one there ("won", "ate").
    func isDigitWord(_ i: Int) -> Bool {
        unit(i) != nil || isZero(i) || Self.digitSoundAlikes.contains(word(i) ?? "")
    }

    /// True when `n` is one side of a decimal whose "point" the engine turned into another word: the value read
    /// alone would be a different number ("thirty nine plan for" is not 39, "to plan five milligrams" not 5).
    /// Only a single digit can follow the "point" ("plan four", "plan won", "plan for." at the end of its clause):
    /// "GCS 15 plan to take him to resus", "pain 8 plan for morphine" keep their readings.
    func isDecimalFragment(_ n: SpokenNumber) -> Bool {
        if let after = word(n.end), Self.pointSoundAlikes.contains(after) {
            if isDigitWord(n.end + 1) { return true }
            if word(n.end + 1) == "for", n.end + 2 >= tokens.count || !tokens[n.end + 2].isWord { return true }
        }
        // "to plan five milligrams" (two point five): a single digit after the "point", a number word before it.
        if n.first >= 2, n.end == n.first + 1, unit(n.first) != nil, let before = word(n.first - 1),
           Self.pointSoundAlikes.contains(before),
           isNumberWord(n.first - 2) || ["to", "too"].contains(word(n.first - 2) ?? "") {
            return true
        }
        return false
    }

    /// True when the digits at `i` have a single letter (other than "a") written onto them before, straight or
    /// with a hyphen: "4T4-year old", "A T-4-year-old" (forty-four, eighty-four) — the end of a garbled number.
    func followsGluedLetter(_ i: Int) -> Bool {
        guard i > 0, i < tokens.count, tokens[i].isNumber else { return false }
        var j = i - 1
        if isHyphen(j), tokens[j].end == tokens[i].start { j -= 1 }
        guard j >= 0, tokens[j].isWord, tokens[j].text.count == 1, tokens[j].text != "a" else { return false }
        return tokens[j].end == tokens[j + 1].start
    }

    private func isComma(_ i: Int) -> Bool {
        i < tokens.count && tokens[i].kind == .punctuation && tokens[i].text == ","
    }

    /// True when the number token at `i` has letters written straight after it ("11490th's", "110bpm"). A short
    /// reading survives this ("GCS 15th" is still 15), but run-together digits are split only when clean.
    func isGluedToLetters(_ i: Int) -> Bool {
        i + 1 < tokens.count && tokens[i].isNumber && tokens[i + 1].isWord && tokens[i + 1].start == tokens[i].end
    }

    // MARK: - Pieces

    private func word(_ i: Int) -> String? {
        guard i >= 0, i < tokens.count, tokens[i].isWord else { return nil }
        return tokens[i].text
    }

    private func isHyphen(_ i: Int) -> Bool {
        i < tokens.count && tokens[i].kind == .punctuation && tokens[i].text == "-"
    }

    private func unit(_ i: Int) -> Int? {
        word(i).flatMap { Self.units[$0] }
    }

    private func isZero(_ i: Int) -> Bool {
        word(i).map { Self.zeros.contains($0) } ?? false
    }

    /// 1–99 from words: "seven", "fifteen", "forty", "forty-eight", "forty eight".
    private func group(at i: Int) -> (value: Int, end: Int)? {
        if let t = word(i).flatMap({ Self.tens[$0] }) {
            if isHyphen(i + 1), let u = unit(i + 2) { return (t + u, i + 3) }
            if let u = unit(i + 1) { return (t + u, i + 2) }
            return (t, i + 1)
        }
        if let t = word(i).flatMap({ Self.teens[$0] }) { return (t, i + 1) }
        if let u = unit(i) { return (u, i + 1) }
        return nil
    }

    /// The index of the word after a hyphen written straight between two words of one number ("one-twelve",
    /// "ten-forty", "one-oh-two", "eleven-oh-four"), or `k` itself when `k` is no such hyphen.
    private func joined(_ k: Int) -> Int {
        guard isHyphen(k), k > 0, k + 1 < tokens.count, tokens[k - 1].isWord, tokens[k + 1].isWord,
              tokens[k].start == tokens[k - 1].end, tokens[k + 1].start == tokens[k].end else { return k }
        return k + 1
    }

    /// Whether two numbers joined by a hyphen may be one number rather than a range ("five-ten milligrams",
    /// "GCS fourteen-fifteen", "twenty-thirty minutes", "one-twenty-one-thirty"): only when the second is well
    /// over three times the first ("one-twelve", "two-forty", "ten-forty"), and nothing after the pair makes it
    /// a range (another hyphen and number, or minutes, hours, days…). After a clock cue (`followsClockCue`) the
    /// size of the second does not matter.
    private func hyphenJoinReads(first: Int, second: Int, end: Int, clockCue: Bool = false) -> Bool {
        guard clockCue || second > 3 * first else { return false }
        if isHyphen(end), isNumberWord(end + 1) { return false }
        if let w = word(end), ["minutes", "minute", "mins", "min", "days", "day", "weeks",
                               "week", "seconds", "second", "secs", "sec", "years", "months"].contains(w) {
            return false
        }
        // "at fourteen-fifteen hours" is a time; "ten-twenty hours ago" a span.
        if let w = word(end), ["hours", "hour", "hrs"].contains(w) {
            return clockCue && !["ago", "later", "before", "after", "earlier"].contains(word(end + 1) ?? "")
        }
        // After a cue, a dose, flow or percentage still makes it a range: "at ten-twenty mls per hour".
        if clockCue, let w = word(end), Lexicon.doseUnitsWords.contains(w) || Lexicon.litres.contains(w)
            || ["per", "percent", "units", "breaths", "beats", "bpm", "kg", "kilos", "mmol", "mmhg", "degrees"].contains(w) {
            return false
        }
        if clockCue, end < tokens.count, tokens[end].kind == .punctuation, tokens[end].text == "%" { return false }
        return true
    }

    /// Whether the words before `i` ask for a clock time: "at", "at about" (around, approximately, roughly),
    /// "incident", "onset". A hyphenated pair after them is a time, not a range ("at fourteen-fifteen"). After
    /// "incident" or "onset" (a weaker cue) only when the pair ends its clause ("Time of incident fourteen-fifteen:",
    /// not "Onset ten-twenty, um, minutes ago").
    private func followsClockCue(_ i: Int) -> Bool {
        guard let before = word(i - 1) else { return false }
        if before == "at" { return true }
        if ["incident", "onset"].contains(before) {
            guard let pair = clockPairEnd(i) else { return false }
            return pair >= tokens.count || (tokens[pair].kind == .punctuation && [":", ".", ";"].contains(tokens[pair].text))
        }
        return ["about", "around", "approximately", "approx", "roughly"].contains(before) && word(i - 2) == "at"
    }

    /// The end of a hyphenated hour-minutes pair of words starting at `i` ("fourteen-fifteen",
    /// "twenty-three-thirty-one"), without judging whether it is a time.
    private func clockPairEnd(_ i: Int) -> Int? {
        guard let g = group(at: i), let m = minutes(at: joined(g.end)) else { return nil }
        return m.end
    }

    /// Minutes after an hour group: a group of 10–59, or "oh" + a unit.
    private func minutes(at i: Int) -> (value: Int, end: Int)? {
        if isZero(i), let u = unit(joined(i + 1)) { return (u, joined(i + 1) + 1) }
        if let g = group(at: i), g.value >= 10, g.value <= 59 { return g }
        return nil
    }

    private func integer(at i: Int) -> SpokenNumber? {
        // "a hundred and ten", "one hundred", "two hundred and twenty-five"
        if let w = word(i), w == "a" || w == "an" || Self.units[w] != nil, word(i + 1) == "hundred" {
            var v = (Self.units[w] ?? 1) * 100
            var k = i + 2
            if word(k) == "and" {
                // "a hundred and …" with no number after "and": the number was cut off or misheard.
                guard let g = group(at: k + 1) else { return nil }
                v += g.value
                k = g.end
            } else if let g = group(at: k) {
                v += g.value
                k = g.end
            }
            return SpokenNumber(value: Double(v), first: i, end: k, form: .cardinal)
        }
        // "oh-oh-forty", "zero zero fifteen": minutes past midnight.
        if isZero(i), isZero(joined(i + 1)), let m = minutes(at: joined(joined(i + 1) + 1)) {
            return SpokenNumber(value: Double(m.value), first: i, end: m.end, form: .clock)
        }
        // "oh seven hundred", "oh nine fifteen", "oh seven oh four", "oh-nine-thirty", "oh-three-oh-five"
        if isZero(i), let h = unit(joined(i + 1)) {
            let hour = joined(i + 1)
            if word(hour + 1) == "hundred" {
                return SpokenNumber(value: Double(h * 100), first: i, end: hour + 2, form: .clock)
            }
            if let m = minutes(at: joined(hour + 1)) {
                return SpokenNumber(value: Double(h * 100 + m.value), first: i, end: m.end, form: .clock)
            }
            return nil
        }
        if let u = unit(i) {
            if let d = digitString(at: i) { return d }
            // "one forty", "one twenty-two", "three twenty-four", "one-twelve"
            if let g = group(at: joined(i + 1)), g.value >= 10,
               joined(i + 1) == i + 1 || hyphenJoinReads(first: u, second: g.value, end: g.end) {
                return SpokenNumber(value: Double(u * 100 + g.value), first: i, end: g.end, form: .colloquial)
            }
            // "one oh five", "one-oh-two"
            let zero = joined(i + 1)
            if isZero(zero), let u2 = unit(joined(zero + 1)) {
                return SpokenNumber(value: Double(u * 100 + u2), first: i, end: joined(zero + 1) + 1, form: .colloquial)
            }
            // "two-three", "five-six litres": a range (or digits), never its first end alone.
            if zero != i + 1, unit(zero) != nil { return nil }
            return SpokenNumber(value: Double(u), first: i, end: i + 1, form: .cardinal)
        }
        if let g = group(at: i) {
            if word(g.end) == "hundred" {
                return SpokenNumber(value: Double(g.value * 100), first: i, end: g.end + 1, form: .hundreds)
            }
            // "ten-forty", "eleven-oh-four"; not "fourteen-fifteen" (a range of GCS) or "twenty-thirty minutes",
            // except after "at" ("at fourteen-fifteen", "at twenty-three-twelve") or "incident"/"onset".
            if g.value <= 23, let m = minutes(at: joined(g.end)),
               joined(g.end) == g.end || isZero(joined(g.end))
                || hyphenJoinReads(first: g.value, second: m.value, end: m.end, clockCue: followsClockCue(i)) {
                return SpokenNumber(value: Double(g.value * 100 + m.value), first: i, end: m.end, form: .clock)
            }
            return SpokenNumber(value: Double(g.value), first: i, end: g.end, form: .cardinal)
        }
        if word(i) == "zero" {
            return SpokenNumber(value: 0, first: i, end: i + 1, form: .cardinal)
        }
        return nil
    }

    /// A number read digit by digit with hyphens, the radio way: "one-two-eight" (128), "two-six" (26),
    /// "eight-seven" (87), "nine-four", "seven-zero". Three digits always read so; two only when they cannot be a
    /// range: not consecutive ("two-three hours", "five-six litres" are ranges) and not before a span or amount
    /// ("two-six minutes"). Nothing is read when more hyphenated numbers follow. (`integer(at:)` then reads no
    /// number at all from a pair of digit words: neither end of a range is the value.)
    private func digitString(at i: Int) -> SpokenNumber? {
        var digits: [Int] = []
        var k = i
        var last = i   // one past the last digit word
        while let d = unit(k) ?? (isZero(k) && !digits.isEmpty ? 0 : nil) {
            digits.append(d)
            last = k + 1
            let next = joined(k + 1)
            guard next != k + 1, digits.count < 3 else { break }
            k = next
        }
        // Anything hyphenated on after the digits ("six-two-ish", "one-two-eight-four") leaves the number unclear.
        k = last
        guard digits.count >= 2, !isHyphen(k) else { return nil }
        if digits.count == 2 {
            if digits[1] == digits[0] + 1 { return nil }
            if let w = word(k), ["minutes", "minute", "mins", "min", "hours", "hour", "hrs", "days", "day", "weeks",
                                 "week", "times", "litres", "liters", "litre", "liter", "l", "years", "months",
                                 "tablets", "puffs", "doses"].contains(w) {
                return nil
            }
            // Before a dose unit a pair is a range or a lost "point" ("four-eight milligrams", "two-five mg"), never
            // a dose ten times larger.
            if let w = word(k), Lexicon.doseUnitsWords.contains(w)
                || Lexicon.doseUnits.candidates(w).contains(where: { $0.0.count == 1 }) {
                return nil
            }
        }
        return SpokenNumber(value: Double(digits.reduce(0) { $0 * 10 + $1 }), first: i, end: k, form: .colloquial)
    }

    /// Digits after "point": single digit words ("six", "one two") or a digit token ("point 5").
    private func fraction(at i: Int) -> (value: Double, end: Int)? {
        if i < tokens.count, tokens[i].isNumber, !tokens[i].text.contains(".") {
            guard let v = Double("0." + tokens[i].text) else { return nil }
            return (v, i + 1)
        }
        var digits = ""
        var k = i
        while digits.count < 3 {
            if let u = unit(k) {
                digits += String(u)
            } else if word(k) == "zero" || (word(k) == "oh" && !digits.isEmpty) {
                digits += "0"
            } else {
                break
            }
            k += 1
        }
        guard !digits.isEmpty, let v = Double("0." + digits) else { return nil }
        return (v, k)
    }
}
