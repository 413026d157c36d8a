/// Readings said value first, name after: "One fifty-two over ninety, that's his BP, ninety-six and regular, his
/// pulse, sixteen for resps, ninety-seven percent on air, that's his sats, thirty-six point eight, temperature".
extension HandoverScanner {
    /// Moves each value said before its name to after the name, so the vital matchers read it as if said the usual
    /// way ("BP one fifty-two over ninety"). The words that joined them (", that's his", ", his", "for his", ",")
    /// are dropped from the stream; every token keeps its offsets, so a reading's evidence runs from the value to
    /// the name in the transcript (`scalarSpan` takes the smallest start and largest end).
    ///
    /// Read only when all of these hold, so that a number never changes owner on a guess:
    /// - the value opens a list item: it follows the start of a sentence, a comma, a colon, "obs were/are", an
    ///   answer after "?", or "and", and it is a reading's number (not a clock time, not an hour after "at", not
    ///   followed by a dose unit);
    /// - the name follows straight after the value (and its "percent", "on air", "and regular"), joined by
    ///   ", that's his/her", "that's his/her", ", his/her", "for (his/her)" or a bare comma;
    /// - nothing but a comma, "and" or the end of the sentence follows the name. "He's forty-five, his pulse is
    ///   ninety" and "aged 80, pulse 90" name the next value, not the one before.
    static func namingValuesFirst(_ input: [Token]) -> [Token] {
        var tokens = input
        var keys = tokens.map(\.text)
        var numbers = NumberParser(tokens: tokens)
        var i = 0
        while i < tokens.count {
            // Only a number can open one (cheap test first: most tokens are not).
            if numbers.isNumberWord(i) || (tokens[i].isWord && ["a", "an", "point"].contains(keys[i])),
               let moved = valueFirst(in: tokens, keys: keys, numbers: numbers, at: i) {
                tokens = moved.tokens
                keys = tokens.map(\.text)
                numbers = NumberParser(tokens: tokens)
                i = moved.next
            } else {
                i += 1
            }
        }
        return tokens
    }

    private static func valueFirst(in tokens: [Token], keys: [String], numbers: NumberParser, at i: Int)
        -> (tokens: [Token], next: Int)? {
        func key(_ k: Int) -> String? { k >= 0 && k < keys.count ? keys[k] : nil }
        func isPunct(_ k: Int, _ s: String) -> Bool {
            k >= 0 && k < tokens.count && tokens[k].kind == .punctuation && tokens[k].text == s
        }
        // Only the readings crews say this way; not GCS components ("GCS 11, 5, 3, verbal, 3, motor, 5" is Whisper's
        // garble of E3 V3 M5), glucose or pain.
        let kinds: Set<Lexicon.VitalKind> = [.bp, .hr, .rr, .spo2, .temp]
        func vitalName(at p: Int) -> Int? {
            guard p < keys.count else { return nil }
            return Lexicon.vitals.candidates(keys[p]).compactMap { entry -> Int? in
                guard kinds.contains(entry.1), p + entry.0.count <= keys.count,
                      Array(keys[p..<(p + entry.0.count)]) == entry.0 else { return nil }
                return p + entry.0.count
            }.max()
        }
        // The value opens a list item.
        let opens = i == 0 || tokens[i - 1].isSentenceEnd || isPunct(i - 1, ",") || isPunct(i - 1, ":")
            || key(i - 1) == "and" || (["were", "are"].contains(key(i - 1) ?? "") && ["obs", "observations", "vitals"]
                                        .contains(key(i - 2) ?? ""))
        guard opens, let n = numbers.parse(at: i), n.form != .clock, n.form != .hundreds,
              !isPunct(n.end, ":") else { return nil }
        // The value: the number, a pressure's second number, "percent", an air or oxygen context, "and regular".
        var e = n.end
        if isPunct(e, "/") || key(e) == "over", let second = numbers.parse(at: e + 1) { e = second.end }
        if isPunct(e, "%") || key(e) == "percent" { e += 1 }
        if ["on", "in"].contains(key(e) ?? "") {
            if key(e + 1) == "air" {
                e += 2
            } else if key(e + 1) == "room", key(e + 2) == "air" {
                e += 3
            }
        }
        if key(e) == "and", ["regular", "irregular"].contains(key(e + 1) ?? "") {
            e += 2
        } else if ["regular", "irregular"].contains(key(e) ?? "") {
            e += 1
        }
        if let unit = key(e), Lexicon.doseUnitsWords.contains(unit) || Lexicon.doseUnits.candidates(unit).contains(where: { $0.0.count == 1 }) {
            return nil
        }
        // The words that join it to its name.
        var j = e
        let comma = isPunct(j, ",")
        if comma { j += 1 }
        var bare = false
        if key(j) == "that's" || (key(j) == "that" && key(j + 1) == "is") {
            j += key(j) == "that's" ? 1 : 2
            if ["his", "her", "their", "the"].contains(key(j) ?? "") { j += 1 }
        } else if key(j) == "for", !comma {
            j += 1
            if ["his", "her", "their"].contains(key(j) ?? "") { j += 1 }
        } else if comma, ["his", "her", "their"].contains(key(j) ?? "") {
            j += 1
        } else if !comma {
            return nil
        } else {
            bare = true
        }
        guard let nameEnd = vitalName(at: j) else { return nil }
        // Nothing after the name but a comma, "and" or the end of the sentence. After a bare comma, not a comma and
        // a number either: "…, heart rate, 98" names the number after it.
        guard nameEnd >= tokens.count || tokens[nameEnd].isSentenceEnd || isPunct(nameEnd, ",") || key(nameEnd) == "and"
        else { return nil }
        if bare, isPunct(nameEnd, ","), numbers.parse(at: nameEnd + 1) != nil { return nil }
        let name = Array(tokens[j..<nameEnd])
        let value = Array(tokens[i..<e])
        var result = Array(tokens[0..<i])
        result += name
        result += value
        let next = result.count
        result += tokens[nameEnd...]
        return (result, next)
    }
}
