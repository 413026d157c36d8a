/// Twelve-hour times said without am/pm or a part of the day: "on scene at four twenty-six", "repeat at five
/// o'clock", "at ten after four", and the digits an engine writes for them ("at 4:26", "at 426").
///
/// Alone they could be either half of the day. Read against the times said around them, one half usually fits and
/// the other does not: after "struck at about ten after four this afternoon", "on scene at four twenty-six" is 16:26.
/// When neither half fits, or nothing was said to read them against, no time is read from words; digits keep the
/// reading they are written in, as before.
extension HandoverScanner {
    enum AnchoredReading: Equatable {
        /// No time or part of the day was said to read it against.
        case unanchored
        /// Neither half of the day fits the times around it.
        case doubtful
        case read(hour: Int, minute: Int)
    }

    /// Words that introduce a time: a 24-hour reading after one of them is a time said, not a count or a year.
    private static let timeIntroducers: Set<String> = [
        "at", "@", "since", "from", "until", "till", "by", "about", "around", "approx", "approximately", "roughly",
    ]

    /// In the sentence of a time, what makes it no anchor for the crew's times: another day ("last night",
    /// "yesterday", "on Sunday", "two days ago", "the night before"), a night's sleep ("went to bed at 9 pm"), a habit
    /// or a plan ("normally goes to bed at 9 pm", "takes his insulin at 6 pm every night", "due to see his GP at 4
    /// pm", "the district nurse visits this afternoon").
    private static let notTodaysWords: Set<String> = [
        "yesterday", "ago", "overnight", "previous", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "weekend", "asleep", "slept", "normally", "usually", "usual", "every", "each", "daily",
        "always", "regularly", "nightly", "routinely", "due", "booked", "appointment", "scheduled", "supposed",
        "planned", "plan", "will", "gonna", "visits", "visit", "visiting", "later", "tablets", "tablet", "meds",
        "medication", "medications", "insulin", "dose", "doses", "planning", "meant", "going", "should", "comes",
        "shift", "shifts", "nights", "party",
    ]

    /// The part of the day a word after a weekday names ("Saturday evening", "Sunday teatime").
    private static let weekdayParts: [String: Lexicon.PartOfDay] = [
        "morning": .morning, "afternoon": .afternoon, "lunchtime": .afternoon, "evening": .evening, "teatime": .evening,
        "night": .night,
    ]

    /// Words of a night passed ("went to bed", "during the night", "got up", "the morning visit" are read in place).
    private static let nightWords: Set<String> = ["asleep", "slept", "woke", "overnight"]

    /// What may follow a number that is a reading, not a time ("at one forty over ninety", "at 120/80").
    private static let readingFollowers: Set<String> = [
        "over", "/", "percent", "%", "per", "mg", "mcg", "micrograms", "milligrams", "grams", "g", "ml", "mls",
        "millilitres", "milliliters", "beats", "bpm", "breaths", "mmhg", "kg", "kilos", "units", "litres", "liters",
        "l", "hours", "hrs", "minutes", "mins", "degrees", "mmol", "years", "year", "days", "weeks", "mm", "cm", "m",
        "metres", "meters", "feet", "ft", "an", "times", "minute", "min", "hour", "hourly", "interval", "intervals",
        "second", "seconds",
    ]

    /// The anchors of a handover, in the order said (computed once, by `init`).
    func findClockAnchors() -> [ClockAnchor] {
        var anchors: [ClockAnchor] = []
        func today(_ p: Int, weekdayAt day: Int? = nil, ownNight: Int? = nil) -> Bool {
            // Its sentence up to it ("Yesterday she went to the shops, … and had a fall at 4 pm"), and the twelve
            // words after it: an engine may write the whole handover as one sentence ("we were on scene at eleven
            // fifty two last night … so pressure's going up").
            var first = p
            while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
            var last = p
            while last < min(tokens.count, p + 13), !isSentenceEnd(last) { last += 1 }
            // (A time said with "tonight", "this evening", "this morning" is today's, whoever went to bed: "He went to
            // bed fine, then woke up at about quarter past eleven tonight", HeldOut20.)
            // Not when bed is denied ("He never went to bed tonight") or the sentence goes on to the next morning
            // ("… put her to bed at seven this evening and came back the next morning"; review 82).
            let saidToday = (p..<min(tokens.count, p + 6)).contains { k in
                keys[k] == "tonight" || (keys[k] == "this" && ["morning", "afternoon", "evening"].contains(key(k + 1) ?? ""))
            } && !(first..<last).contains { k in
                ["didn't", "couldn't", "hasn't", "hadn't", "never", "not", "won't", "wouldn't", "can't"].contains(keys[k])
                    || (keys[k] == "morning" && ["next", "following", "the"].contains(key(k - 1) ?? ""))
            }
            return !(first..<last).contains { k in
                // ("went to bed at 9 pm"; not "found him sat on the bed"; not the weekday of "this Saturday evening".)
                (Self.notTodaysWords.contains(keys[k]) && k != day) || (keys[k] == "bed" && key(k - 1) == "to" && !saidToday)
                    // A visit to come: "her carers come in this evening", "her daughter is coming tonight".
                    // (Near the time only, since engine text may be one long sentence: "… we left scene at three twenty
                    // his wife is coming in by taxi"; not "was coming over this afternoon and found her".)
                    || (abs(k - p) <= 6 && ["come", "coming"].contains(keys[k]) && !["was", "were", "had", "been"].contains(key(k - 1) ?? "")
                        && ["in", "over", "round", "around", "back", "tonight", "later"].contains(key(k + 1) ?? ""))
                    || (keys[k] == "last" && k != ownNight && ["night", "evening", "week"].contains(key(k + 1) ?? ""))
                    || (keys[k] == "before" && ["night", "evening", "day"].contains(key(k - 1) ?? ""))
            }
        }
        /// A crew time: a scene time's words ("on scene", "left scene", "handed over"), the call ("rang us at",
        /// "999 at"), the crew's arrival, a set, or the patient found ("Husband found her at 07:20. Last known well at
        /// ten o'clock" is an onset before it), within four words before the time.
        func crew(_ p: Int) -> Bool {
            // "phoned nine nine nine just after midnight", "rang one-one-one at about ten to one": the call, past the
            // number rung and words of when.
            if let v = (max(0, p - 8)..<p).last(where: { ["called", "rang", "phoned", "rung", "dialled", "dialed"].contains(keys[$0]) }),
               (v + 1..<p).allSatisfy({ numbers.isNumberWord($0) || tokens[$0].isNumber || isPunct($0, "-")
                   || ["us", "at", "about", "around", "just", "after", "before", "approximately", "roughly"].contains(keys[$0]) }) {
                return true
            }
            return (max(0, p - 4)..<p).contains { k in
                // ("Her daughter left at 4 pm": "left" alone is the crew's only after "we".)
                if let m = longest(Lexicon.times, at: k), m.value != .onset, m.end <= p,
                   !(m.value == .leftScene && m.end == k + 1 && !["we", "crew"].contains(key(k - 1) ?? "")) {
                    return true
                }
                return ["called", "call", "rang", "phoned", "rung", "dialled", "dialed", "999", "911", "111",
                        "dispatched", "mobilised", "mobilized", "arrived", "we", "our", "crew", "repeat", "repeated",
                        "recheck", "reassessment", "obs", "vitals", "found", "discovered"]
                    .contains(keys[k])
            }
        }
        /// A crew time said without "at" ("Called 22:10", "Time of call 23:40", "On scene 23:52", "Obs 13:20",
        /// "We were tasked 21:05"): not one found ("She was found 13:00 on the floor"), and not one read off
        /// someone's record ("Obs 13:00 from the care home chart").
        func crewCall(_ p: Int) -> Bool {
            guard crew(p) || (max(0, p - 3)..<p).contains(where: { ["tasked", "mobile", "received"].contains(keys[$0]) }),
                  !(max(0, p - 4)..<p).contains(where: { ["found", "discovered"].contains(keys[$0]) }) else { return false }
            var first = p
            while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
            var last = p
            while last < tokens.count, !isSentenceEnd(last) { last += 1 }
            return !(first..<last).contains { k in
                ["chart", "charts", "record", "records", "notes", "letter", "paperwork"].contains(keys[k])
            }
        }
        /// "last night" at `k`, straight after the scene time at `p`: "We were on scene at eleven fifty-two last
        /// night", told after midnight, is the crew's own time said with the night it is of, and anchors the times
        /// after it ("we left at twelve twenty-five" is 00:25).
        /// - Only a scene time ("on scene", "we arrived", "left scene"): not a call, someone's obs or a patient found
        ///   ("Her daughter called at ten last night", "Carers did her obs at ten last night").
        /// - Not when a later day is told after it ("We attended him at ten last night, he refused. Today we were
        ///   called back…", "Called again this afternoon"): that night was another job.
        func ownNight(at k: Int, _ p: Int) -> Int? {
            guard k > p, key(k) == "last", key(k + 1) == "night" else { return nil }
            let scene = (max(0, p - 4)..<p).contains { j in
                guard let m = longest(Lexicon.times, at: j), m.end <= p else { return false }
                return [.onScene, .atPatient, .leftScene].contains(m.value)
            }
            let laterDay = (k + 2..<tokens.count).contains { j in
                ["today", "again", "morning", "afternoon", "evening", "yesterday", "tomorrow"]
                    .contains(keys[j])
            }
            return scene && !laterDay ? k : nil
        }
        /// A route or a dose unit within five words before `p`, and no one else named as a giver earlier in its
        /// sentence ("his mum gave him Calpol 5 ml at twelve ten").
        func crewsDose(before p: Int) -> Bool {
            var first = p
            while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
            return (max(first, p - 5)..<p).contains { k in
                (longest(Lexicon.routes, at: k) != nil && keys[k] != "in") || longest(Lexicon.doseUnits, at: k) != nil
            } && !(first..<p).contains { Lexicon.thirdPartyGivers.contains(keys[$0]) || isOtherGiverWord(keys[$0]) }
        }
        func add(_ p: Int, _ minutes: Int, ownNight: Int? = nil) {
            if today(p, ownNight: ownNight) { anchors.append(ClockAnchor(position: p, minutes: minutes, crew: crew(p))) }
        }
        var p = 0
        while p < tokens.count {
            // ("at about", "since"; not "around" or "about" alone: "her BM was around 3 this morning" is a reading.)
            // "about"/"around" only with no vital named in the six words before ("She fell reaching for her commode
            // about four this morning").
            let atTime = ((max(0, p - 2)..<p).contains { ["at", "@", "since", "from"].contains(keys[$0]) }
                          && !(max(0, p - 4)..<p).contains { startsVitalReading($0) })
                || (["about", "around", "approximately"].contains(key(p - 1) ?? "")
                    && !(max(0, p - 6)..<p).contains { startsVital($0) || tokens[$0].isNumber || numbers.isNumberWord($0) })
            // "rang 111 just before midnight", "at midnight": 00:00 (23:59 before it).
            if keys[p] == "midnight", (max(0, p - 2)..<p).contains(where: { ["at", "before", "after", "about", "around"].contains(keys[$0]) }) {
                add(p, key(p - 1) == "before" ? 1439 : 0)
                p += 1
                continue
            }
            // "4 pm", "9 this morning": an hour written alone, with am/pm or a part of the day.
            if let c = digitHourClock(at: p), let minutes = Self.minutes(c.time) {
                add(p, minutes)
                p = c.end
                continue
            }
            if atTime, tokens[p].isNumber, tokens[p].text.count <= 2, !tokens[p].text.hasPrefix("0"),
               let h = Int(tokens[p].text), (1...12).contains(h), let part = longest(Lexicon.partsOfDay, at: p + 1),
               let hour = Self.hour(h, in: part.value) {
                add(p, hour * 60)
                p += 2
                continue
            }
            // "Morphine five milligrams IV at twelve oh six, that's six minutes past midnight": the crew says which
            // side of midnight one of its own times is (a crew time, or a dose with its route or unit said before it,
            // given by no one else). Not the story's ("he says the pain started at twelve forty, just after
            // midnight"), nor another day's.
            if let g = midnightGloss(at: p), today(p), crew(p) || crewsDose(before: p) {
                anchors.append(ClockAnchor(position: p, minutes: g.minutes, crew: true, glossed: true))
                p = g.end
                continue
            }
            if let r = twelveHourClock(at: p) {
                // An hour said alone with a part of the day ("nine this morning") only after a word that says a time
                // follows: "his GCS was nine this morning" is a reading. With am/pm it is a time wherever it stands.
                let lone = relativeClock(at: p) == nil && (numbers.parse(at: p)?.end ?? p + 1) == p + 1
                    && !["o'clock", "oclock", "am", "pm"].contains(key(p + 1) ?? "")
                if !lone || atTime {
                    add(p, r.hour * 60 + r.minute, ownNight: ownNight(at: r.end - 2, p))
                    p = r.end
                    continue
                }
            }
            if let c = plainClock(at: p), let minutes = Self.minutes(c.time) {
                let explicit = ["am", "pm"].contains(key(c.end - 1) ?? "") || longest(Lexicon.partsOfDay, at: c.end) != nil
                let hours = ["hours", "hrs"].contains(key(c.end) ?? "")
                let introduced = (max(0, p - 2)..<p).contains { Self.timeIntroducers.contains(keys[$0]) }
                let reading = key(c.end).map { Self.readingFollowers.contains($0) && !hours } ?? false
                // ("Called 22:10", "Time of call 23:40", "On scene 23:52": the call or a scene time needs no "at";
                // "found 13:00", "Obs 13:00 from the care home chart" do.)
                if !reading, explicit || ((introduced || hours || crewCall(p)) && isTwentyFourHourForm(at: p, hour: minutes / 60)) {
                    add(p, minutes, ownNight: ownNight(at: c.end, p))
                    p = c.end
                    continue
                }
            }
            // Today's part of the day with its weekday: "this Saturday evening", "on a Friday night out", "this Sunday
            // teatime" (not "on Saturday evening", mostly another day).
            if keys[p] == "this" || (keys[p] == "on" && key(p + 1) == "a") {
                let d = keys[p] == "this" ? p + 1 : p + 2
                if let day = key(d), Lexicon.weekdays.contains(day), let part = Self.weekdayParts[key(d + 1) ?? ""] {
                    // (Not another week's: "this Saturday evening coming", "just gone", "a fortnight back", "often".)
                    var first = p
                    while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
                    var last = p
                    while last < tokens.count, !isSentenceEnd(last) { last += 1 }
                    let otherWeek = (first..<last).contains { k in
                        ["coming", "gone", "back", "fortnight", "next", "last", "often", "sometimes", "birthday"].contains(keys[k])
                    }
                    if !otherWeek, today(p, weekdayAt: d) { anchors.append(ClockAnchor(position: p, minutes: nil, part: part)) }
                    p = d + 2
                    continue
                }
            }
            // A part of the day said alone: only today's, "this morning", "this afternoon", "this evening",
            // "tonight". "At night", "in the evening" are habits ("uses NIV at night"); "last night" another day.
            if let part = longest(Lexicon.partsOfDay, at: p), ["this", "tonight"].contains(keys[p]) {
                if today(p) { anchors.append(ClockAnchor(position: p, minutes: nil, part: part.value)) }
                p = part.end
                continue
            }
            p += 1
        }
        // A greeting that opens the handover says when it is given ("Evening.", "Good evening, …", "Good afternoon,
        // doctor."), only when nothing else was said to read the times against ("Evening. On scene at three fifty,
        // left scene at 16:40" has a crew time of its own). Not "Morning", the greeting of any shift's first hours.
        if anchors.isEmpty, let g = [0, 1].first(where: { key($0) == "evening" && ($0 == 0 || keys[0] == "good") })
            ?? (key(0) == "good" && key(1) == "afternoon" ? 1 : nil),
           g + 1 >= tokens.count || tokens[g + 1].kind == .punctuation {
            anchors.append(ClockAnchor(position: g, minutes: nil, part: keys[g] == "afternoon" ? .afternoon : .evening,
                                       greeting: true))
        }
        return anchors
    }

    /// A bare twelve-hour time glossed with midnight straight after it: "twelve oh six, that's six minutes past
    /// midnight", "12:25, so just after midnight" (00:06, 00:25), "eleven fifty, ten to midnight" (23:50). The words
    /// between it and "midnight" may only be the gloss's: no other time, reading or sentence end.
    func midnightGloss(at p: Int) -> (minutes: Int, end: Int)? {
        guard let f = bareTwelveHourClock(at: p), f.hour == 12 || f.hour == 11 else { return nil }
        var k = f.end
        while k < min(tokens.count, f.end + 8), !isSentenceEnd(k) {
            if keys[k] == "midnight" {
                let side = key(k - 1) ?? ""
                if f.hour == 12, ["past", "after"].contains(side) { return (f.minute, f.end) }
                if f.hour == 11, ["to", "before"].contains(side) { return (23 * 60 + f.minute, f.end) }
                return nil
            }
            guard isPunct(k, ",") || numbers.isNumberWord(k) || tokens[k].isNumber
                    || ["that's", "that", "is", "so", "just", "minutes", "minute", "past", "after", "to", "before",
                        "i.e", "ie", "which", "bit"].contains(keys[k]) else { return nil }
            k += 1
        }
        return nil
    }

    /// A time only a 24-hour clock says: four digits ("1412", "0930"; not "1205", nor a year unless straight after
    /// "at"), a two-digit hour with a leading zero or past twelve ("09:30", "14:12"), or words that start with "oh" or
    /// name an hour past twelve ("fourteen twelve", "oh nine thirty", "fourteen hundred"). "10:30" and "ten thirty"
    /// could be either.
    private func isTwentyFourHourForm(at p: Int, hour: Int) -> Bool {
        let t = tokens[p]
        if t.isNumber {
            // ("1205" after a call at 23:45 is Whisper's "twelve oh five"; "since 2019" a year.)
            if t.text.count == 4, let v = Int(t.text) {
                return hour != 12 && (!(1900...2099).contains(v) || ["at", "@"].contains(key(p - 1) ?? ""))
            }
            return t.text.count == 2 && (t.text.hasPrefix("0") || hour >= 13)
        }
        guard let n = numbers.parse(at: p), n.form == .clock || n.form == .hundreds else { return false }
        return hour >= 13 || hour == 0 || ["oh", "o", "zero", "nought"].contains(keys[p])
    }

    /// A twelve-hour time at `j` said with neither am/pm nor a part of the day: words ("four twenty-six", "ten after
    /// four", "half past four", "five o'clock") or digits a twelve-hour clock writes too ("4:26", "426", "5
    /// o'clock", "11:58", "12:20", "1205": after a call at 23:40 the last three are 23:58, 00:20 and 00:05; after a
    /// morning call they keep their reading). `written` is true for digits.
    func bareTwelveHourClock(at j: Int) -> (hour: Int, minute: Int, end: Int, written: Bool)? {
        guard j >= 0, j < tokens.count else { return nil }
        let t = tokens[j]
        var found: (hour: Int, minute: Int, end: Int, written: Bool)?
        if t.isNumber, let r = relativeClock(at: j) {
            found = (r.hour, r.minute, r.end, true)
        } else if t.isNumber {
            guard !t.text.contains("."), let v = Int(t.text) else { return nil }
            if t.text.count == 3, !t.text.hasPrefix("0"), v % 100 < 60 {
                found = (v / 100, v % 100, j + 1, true)
            } else if t.text.count == 4, (1200...1259).contains(v), !["hours", "hrs"].contains(key(j + 1) ?? "") {
                // ("1205" is no 24-hour form (`isTwentyFourHourForm`): after a call at 23:45 it is Whisper's "twelve
                // oh five".)
                found = (12, v % 100, j + 1, true)
            } else if (t.text.count == 1 || (t.text.count == 2 && (10...12).contains(v))), v >= 1,
                      isPunct(j + 1, ":") || isPunct(j + 1, "-"), j + 2 < tokens.count,
                      tokens[j + 2].isNumber, tokens[j + 2].text.count == 2, let m = Int(tokens[j + 2].text), m < 60 {
                found = (v, m, j + 3, true)
            } else if (1...12).contains(v), t.text.count <= 2, ["o'clock", "oclock"].contains(key(j + 1) ?? "") {
                found = (v, 0, j + 2, true)
            }
        } else if tokens[j].isWord, !["oh", "o", "zero", "nought"].contains(keys[j]) {
            if let r = relativeClock(at: j) {
                found = (r.hour, r.minute, r.end, false)
            } else if let n = numbers.parse(at: j), let v = n.intValue {
                // ("Eleven twenty-three" said after "tonight" is 23:23: spoken hours ten to twelve read the same on
                // both clocks until something says which half of the day it is.)
                if n.form == .colloquial || n.form == .clock, (1...12).contains(v / 100), v % 100 < 60 {
                    found = (v / 100, v % 100, n.end, false)
                } else if n.form == .cardinal, (1...12).contains(v), ["o'clock", "oclock"].contains(key(n.end) ?? "") {
                    found = (v, 0, n.end + 1, false)
                }
            }
        }
        guard let f = found, (1...12).contains(f.hour) else { return nil }
        // Said with am/pm or a part of the day, it is no bare time; followed by a unit, "over" or another number, it
        // is a reading.
        if let next = key(f.end) {
            if ["am", "pm"].contains(next) || longest(Lexicon.partsOfDay, at: f.end) != nil { return nil }
            if Self.readingFollowers.contains(next) || tokens[f.end].isNumber { return nil }
            // ("One sixty for ninety-five" is a pressure; "at four forty for the burns" a time.)
            if next == "for", numbers.parse(at: f.end + 1) != nil { return nil }
        }
        return f
    }

    /// Reads a bare twelve-hour time against the nearest anchor said before it, or, failing one, the first crew
    /// time said after it:
    /// - after one of the crew's times, it is the half of the day that falls from that time to nine hours after it;
    ///   an onset, from eight hours before it to the time itself (the onset comes first);
    /// - after a time of the patient's story, from that time to four hours after it if it was after noon, nine if it
    ///   was before, onsets too ("had lunch at 1 pm, pain started at 2:15"): more, and an evening's story may be the
    ///   next morning's job ("had a takeaway at 9 pm … on scene at 8:40");
    /// - after "this afternoon", "this evening" or "tonight", the half whose hour fits that part of the day; after
    ///   "this morning", neither (doubtful);
    /// - before a crew time, from six hours before it to three hours after (not an onset);
    /// Neither half fitting is `doubtful`.
    func dayAnchored(hour: Int, minute: Int, at j: Int, onset: Bool, lastWell: Bool = false) -> AnchoredReading {
        // Glossed with midnight where it is said, whoever's time it is ("the pain started at twelve forty, just
        // after midnight"): `midnightGloss`.
        if let g = midnightGloss(at: j) { return .read(hour: g.minutes / 60, minute: g.minutes % 60) }
        let candidates = hour == 12 ? [minute, 720 + minute] : [hour * 60 + minute, (hour + 12) * 60 + minute]
        // "Called 22:30. On scene at 10:40 the next morning, left at 11:15", "we were tasked the following day":
        // another day said of the crew since the last anchor, or in the time's own sentence; the times keep their
        // reading. Only next to the time or to a word of the crew's times: "the GP will visit next morning", "was worse
        // the following day" are of someone else's day.
        var sentenceStart = j
        while sentenceStart > 0, !isSentenceEnd(sentenceStart - 1) { sentenceStart -= 1 }
        var sentenceEnd = j
        while sentenceEnd < tokens.count, !isSentenceEnd(sentenceEnd) { sentenceEnd += 1 }
        let from = clockAnchors.last(where: { $0.position < j })?.position ?? j
        let crewWords: Set<String> = ["tasked", "scene", "arrived", "called", "mobile", "dispatched", "we", "crew",
                                      "left", "got", "there", "attended"]
        if (min(from, sentenceStart)..<sentenceEnd).contains(where: { k in
            ["next", "following"].contains(keys[k]) && ["morning", "day"].contains(key(k + 1) ?? "")
                && (abs(k - j) <= 4 || (max(0, k - 6)..<min(tokens.count, k + 5)).contains { crewWords.contains(keys[$0]) })
        }) {
            return .doubtful
        }
        func pick(_ fits: (Int) -> Bool) -> AnchoredReading {
            let fitting = candidates.filter(fits)
            guard fitting.count == 1 else { return .doubtful }
            return .read(hour: fitting[0] / 60, minute: fitting[0] % 60)
        }
        func offset(_ c: Int, from reference: Int) -> Int {
            let d = ((c - reference) % 1440 + 1440) % 1440
            return d > 720 ? d - 1440 : d
        }
        // A crew time of the crew's own (not an onset): first against the last crew anchor, so a part of the day or a
        // time of the story said after the call ("Called at 01:30. She's had a fever since this afternoon. On scene
        // at ten to two") does not move it; when that leaves it in doubt ("first 999 call at 08:35 this morning …
        // rang back this evening … on scene at 6:20"), against the latest anchor.
        let lastCrew = clockAnchors.last(where: { $0.position < j && $0.crew && $0.minutes != nil })
        if !onset, let crew = lastCrew {
            let reading = readAgainst(crew, j, candidates: candidates, onset: false, lastWell: lastWell)
            if reading != .doubtful { return reading }
        }
        if let before = clockAnchors.last(where: { $0.position < j }) {
            if before.minutes != nil {
                let reading = readAgainst(before, j, candidates: candidates, onset: onset, lastWell: lastWell)
                // (An onset in doubt against a time of the story said after the call ("mum called at 01:12 …
                // Calpol at 6 pm … the fit started at five past one") is read against the call.)
                if reading == .doubtful, onset, !before.crew, let crew = lastCrew {
                    return readAgainst(crew, j, candidates: candidates, onset: true, lastWell: lastWell)
                }
                return reading
            }
            if nightBetween(before, j) { return .doubtful }
            // "Good afternoon, doctor. … We got to the market gate at 135": the crew's times of a job told in the
            // afternoon, from noon to six (review 90: not "On scene at six fifty, long extrication, left scene at
            // twelve forty", a morning job told after noon; and never an onset or a last time seen well, which may
            // be the morning's: "Good afternoon. Last seen well at 6:30 by her husband. On scene 1:15").
            if before.greeting, before.part == .afternoon {
                if onset || lastWell { return .unanchored }
                return pick { (12...17).contains($0 / 60) }
            }
            // ("This morning" said alone leaves it in doubt: a time after it is as likely that afternoon. An onset
            // is then read against the call before it, only in the four hours before the call on its own day: "We got
            // the call at 14:05. She was fine this morning, … then the pain started at 1:15" is 13:15; after a call at
            // 00:45, "this morning … at 9:15" is no 21:15 of the day before, and after a call at 23:55, "a fall this
            // morning and the pain started at 4:30" stays in doubt.)
            guard let part = before.part, part != .morning else {
                guard onset, let m = lastCrew?.minutes else { return .doubtful }
                return pick { (m - 239...m).contains($0) }
            }
            return pick { c in
                let h = c / 60
                switch part {
                case .morning: return false
                case .afternoon: return (12...18).contains(h)
                case .evening: return (16...23).contains(h)
                case .night: return (18...23).contains(h) || (0...5).contains(h)
                }
            }
        }
        // (Only a crew time said after it: a time of the story said later may be of the evening before.)
        // (Not an onset: "Pain began at 8:15. Arrived at hospital at 21:40" may be thirteen hours of pain.)
        if !onset, let after = clockAnchors.first(where: { $0.position > j && $0.minutes != nil }), after.crew,
           let m = after.minutes {
            return pick { (-359..<181).contains(offset($0, from: m)) }
        }
        return .unanchored
    }

    /// The reading against one exact anchor (doubtful for a night between):
    /// - the crew's times never come before a time said before them; after a time of the patient's story they follow
    ///   it closely, or the next morning ("had a takeaway at 9 pm … on scene at 8:40"): 0–4 h after an afternoon or
    ///   evening story time, 0–9 h after a morning one (it cannot reach the next day);
    /// - an onset after a crew time lies up to 8 h before it; "last seen well" up to 10 h before any anchor ("found her
    ///   on the floor at 04:40 … last seen well at half one").
    private func readAgainst(_ anchor: ClockAnchor, _ j: Int, candidates: [Int], onset: Bool, lastWell: Bool) -> AnchoredReading {
        guard let m = anchor.minutes, !nightBetween(anchor, j) else { return .doubtful }
        let story = m < 720 ? 0..<540 : 0..<240
        let window = lastWell ? -599..<1 : (onset && anchor.crew ? -479..<1 : (anchor.glossed ? -59..<540 : (anchor.crew ? 0..<540 : story)))
        let fitting = candidates.filter { c in
            let d = ((c - m) % 1440 + 1440) % 1440
            return window.contains(d > 720 ? d - 1440 : d)
        }
        guard fitting.count == 1 else { return .doubtful }
        return .read(hour: fitting[0] / 60, minute: fitting[0] % 60)
    }

    /// A night passed between the anchor and `j` ("She went to bed at 10 and when she got up at 6…", "found him at
    /// her morning call"): the anchor's time is of the day before. "Morning" counts only as a carer's or a round's
    /// ("morning call", "morning visit"), after a time of the story: "She missed her morning tablets" is no night.
    private func nightBetween(_ anchor: ClockAnchor, _ j: Int) -> Bool {
        (anchor.position..<j).contains { k in
            Self.nightWords.contains(keys[k]) || (keys[k] == "bed" && key(k - 1) == "to")
                || (keys[k] == "morning" && !anchor.crew
                    && ["call", "visit", "check", "round", "rounds", "carers", "carer"].contains(key(k + 1) ?? ""))
                // ("Called at 00:05 … pain started about nine last night", "Mum woke at half two this morning … Calpol
                // at eleven last night": the story told after a time of the small hours, no night passed after it.)
                || (keys[k] == "night" && (["the", "over"].contains(key(k - 1) ?? "")
                                           || (key(k - 1) == "last" && !anchor.crew && (anchor.minutes.map { $0 >= 720 } ?? true))))
                || (keys[k] == "got" && key(k + 1) == "up")
        }
    }

    /// "HH:MM" → minutes after midnight.
    static func minutes(_ time: String) -> Int? {
        guard time.count == 5, let h = Int(time.prefix(2)), let m = Int(time.suffix(2)) else { return nil }
        return h * 60 + m
    }
}
