extension HandoverScanner {
    /// The time the story of the complaint gives, when no onset phrase or event said one: "At about quarter past one
    /// this afternoon he choked on a piece of steak", "had sudden sharp chest pain and breathlessness at about four
    /// o'clock this afternoon", "woke at about six this morning with the room spinning", "took 32 tablets at around
    /// 18:00" (HeldOut10–HeldOut20 missed over a hundred onsets, many for a verb no rule knew). Read after the scan,
    /// from the sentences before the crew comes in, a reading or a dose is said; the sentence's first time, only when:
    /// - it is placed in the day: 24-hour, or 12-hour with am/pm or a part of the day ("six this morning"); "about half
    ///   nine" stays unread, as everywhere. Without "at" ("fell about 14:00") only a time no amount could be: a colon,
    ///   am/pm, "o'clock", "past", "half", a part of the day ("running about 1500", "estimated around 0300" are not);
    /// - it follows "at", "about", "around", "approx", "roughly" or "~", ends its phrase, and no rule read its words;
    /// - what happened is said at most five words before it (eight in an overdose) with no mark between ("dizzy and fell at 15:10", "hit his
    ///   head at about 01:10"), or at most four words after it when the time opens the sentence ("At about quarter
    ///   past one this afternoon he choked"); not "felt fine", nor a change said between ("became severe at");
    /// - the patient is what happened to: a verb's clause holds only the patient's words before it ("The tree fell at
    ///   14:00", "The engine seized" are not), and no relative, other person or animal is named before it unless
    ///   reporting — and then not the reporter's own ("Wife says she woke at about 0500");
    /// - its sentence calls no one, gives nothing, finds no one, and speaks of no other day, plan, span, repeat,
    ///   worsening, doubt or correction ("again", "third", "latest", "worst", "possibly", "actually"), alarm, hospital
    ///   or reading; no bedtime, meal, shift or "fine" in the four words before the time;
    /// - a drug or a verb of taking is said only in an overdose ("swallowed about twenty of her quetiapine"), not a
    ///   dose of her own ("Took 1 of her own propranolol 40 mg at 17:50");
    /// - it is not 0–180 minutes after the crew's arrival.
    /// Reviews 85 and 86 (380 probes) found the first versions 46 and 46 worse; these limits are what they found.
    mutating func readStoryOnset() {
        guard times.onset == nil else { return }
        let arrival = (times.onScene ?? times.atPatient).flatMap(Self.minutes)
        var first = 0
        while first < tokens.count {
            var end = first
            while end < tokens.count, !isSentenceEnd(end) { end += 1 }
            let words = first..<end
            // The story ends where the crew (or another service) comes in, a reading or a dose is said.
            if words.contains(where: { k in
                Self.crewWords.contains(keys[k]) || startsVitalReading(k)
                    || (k > first && numbers.parse(at: k - 1) != nil
                        && (keys[k] == "puffs" || Lexicon.doseUnits.candidates(keys[k]).contains { $0.0.count == 1 }))
            }) { return }
            if let c = storyTime(in: words) {
                if let arrival, let onset = Self.minutes(c.time), (0...180).contains(((onset - arrival) % 1440 + 1440) % 1440) {
                    return
                }
                times.onset = c.time
                addEvidence("times.onset", scalarSpan(c.start, c.end))
                return
            }
            first = end + 1
        }
    }

    private static let crewWords: Set<String> = Lexicon.crewPronouns.union([
        "us", "our", "crew", "ambulance", "arrival", "scene", "arrived", "ems", "cfr", "attended", "paramedic",
        "paramedics", "medics", "responder", "responders", "hems",
    ])
    /// Words that rule a sentence out: a call, a dose, a finding, another day, a plan, a span, a repeat or a
    /// worsening, doubt or a correction, an alarm, a hospital, a denial.
    private static let notAStory: Set<String> = [
        "rang", "called", "phoned", "call", "calls", "999", "911", "111", "112", "paged", "dispatched", "tasked",
        "gave", "given", "give", "administered", "found", "discovered", "yesterday", "ago", "previous", "week", "weeks",
        "days", "christmas", "holiday", "weekend", "tomorrow", "will", "due", "booked", "appointment", "since",
        "from", "until", "till", "between", "seen", "well", "normal", "usual", "born", "if", "unless", "would",
        "should", "alarm", "pendant", "pressed", "buzzer", "supposed", "meant", "expected", "again", "second", "third",
        "fourth", "2nd", "3rd", "4th", "another", "repeat", "further", "similar", "recurred", "latest", "recently",
        "worst", "ongoing", "eased", "settled", "worse", "worsened", "intensified", "improved", "better", "hospital",
        "route", "transport", "eve", "later", "no", "not", "never", "denies", "didn't", "wasn't", "hadn't", "may",
        "might", "possibly", "probably", "perhaps", "maybe", "unknown", "unsure", "unclear", "nobody", "estimated",
        "actually", "correction", "rather", "nd", "rd",
    ]
    /// Before the time (within four words): what the time belongs to instead of the complaint.
    private static let notTheComplaintsTime: Set<String> = [
        "bed", "asleep", "sleep", "nap", "breakfast", "lunch", "dinner", "supper", "shift", "work", "kick-off", "kickoff",
        "home", "left", "leave", "returned", "back", "started", "began", "opened", "closed", "finished", "fine", "ok",
        "okay", "alright", "grand",
    ]
    /// Between what happened and its time: a change in it, not its start ("Chest pain became severe at about 0900").
    private static let changeWords: Set<String> = [
        "became", "become", "got", "getting", "turned", "worse", "more", "severe", "unbearable", "excruciating",
        "intense", "peaked", "escalated", "increased", "eased", "settled", "improved", "resolved", "stopped",
        "returned", "recurred",
    ]
    /// Being well, after "felt" or before a time: no complaint.
    private static let wellWords: Set<String> = [
        "fine", "ok", "okay", "alright", "grand", "well", "normal", "good", "great", "better", "happy", "himself",
        "herself",
    ]
    /// What happens to a patient, as a verb: its clause before it must hold only the patient's words.
    private static let storyVerbs: Set<String> = [
        "fell", "slipped", "tripped", "collapsed", "fainted", "choked", "woke", "vomited", "seized", "fitted", "struck",
        "bitten", "stung", "crashed", "cut", "burned", "burnt", "scalded", "twisted", "felt", "complained", "passed",
        "blacked", "keeled", "crushed", "trapped", "pinned", "stabbed", "shot", "attacked", "assaulted", "punched",
        "pushed", "injured", "overdosed", "slumped", "grabbed",
    ]
    /// What happens to a patient, as a noun or a state (besides `complaintWords`).
    private static let storyNouns: Set<String> = [
        "fall", "collapse", "injury", "accident", "assault", "choking", "confused", "drowsy", "unresponsive", "faint",
        "sick", "floppy", "clutching",
    ]
    /// Verbs of the patient taking a drug: a drug in a story sentence is one the patient took, not a dose.
    private static let takingVerbs: Set<String> = [
        "took", "taken", "swallowed", "drank", "ingested", "injected", "overdosed", "ate", "smoked", "snorted",
    ]
    /// Someone or something other than the patient: what happened before the time happened to them.
    private static let otherSubjects: Set<String> = [
        "colleague", "colleagues", "mate", "mates", "rider", "other", "another", "dog", "dogs", "cat", "horse", "engine",
        "wheel", "dressing", "drip", "phone", "snooze", "partner", "baby", "child", "kids", "hubby", "fella", "missus",
        "twin", "cousin", "nephew", "niece", "grandson", "granddaughter", "stepson", "stepdaughter", "fiance", "fiancee",
        "tree", "car", "bus", "train",
    ]
    /// The patient's words (`eventSubjectWords`, and a story's times and verbs of being): what may stand before a verb
    /// of what happened in its clause ("She slipped", "He was pushed and hit", "Lady of 80 fell").
    private static let patientWords: Set<String> = eventSubjectWords.union([
        "sudden", "today", "tonight", "this", "morning", "afternoon", "evening", "night", "last", "they", "think",
        "thinks", "both", "became", "felt", "went", "of", "aged", "year", "years", "old", "y/o", "yo",
    ])
    /// Words that may stand before a time that opens its sentence ("This evening at around 4:30 she collapsed").
    private static let openingTimeWords: Set<String> = [
        "at", "about", "around", "approx", "approximately", "roughly", "this", "last", "tonight", "today", "then", "and",
        "so", "but", "morning", "afternoon", "evening", "night", "earlier", "just", "~",
    ]

    /// An overdose said in the words: "overdose", "OD", a handful, a packet, or ten or more tablets ("about thirty of
    /// the five milligram ones", "twenty of her quetiapine").
    private func isOverdose(_ words: Range<Int>) -> Bool {
        words.contains { k in
            if ["overdose", "overdosed", "od", "handful", "packet", "packets", "box", "boxes", "strip", "strips"]
                .contains(keys[k]) { return true }
            guard let n = numbers.parse(at: k), n.value >= 10 else { return false }
            return ["of", "tablets", "pills", "capsules", "caps"].contains(key(n.end) ?? "")
        }
    }

    /// What happened, at `k`: an event, a state, a complaint word (not "a fit of rage"), "went grey", "hit his head",
    /// or in an overdose the taking. Not "felt fine".
    private func isHappening(_ k: Int, overdose: Bool) -> Bool {
        if keys[k] == "felt", Self.wellWords.contains(key(k + 1) ?? "") { return false }
        if keys[k] == "hit" {
            return ["was", "got", "been"].contains(key(k - 1) ?? "") || ["his", "her"].contains(key(k + 1) ?? "")
                && key(k + 2) == "head"
        }
        return Self.storyVerbs.contains(keys[k]) || Self.storyNouns.contains(keys[k])
            || (Self.complaintWords.contains(keys[k]) && key(k + 1) != "of")
            || (keys[k] == "went" && Self.wentHow.contains(key(k + 1) ?? ""))
            || (overdose && Self.takingVerbs.contains(keys[k]))
    }

    /// "went grey", "went floppy": what happened; not "went for a run", "went down the pub".
    private static let wentHow: Set<String> = [
        "grey", "gray", "pale", "blue", "white", "floppy", "limp", "stiff", "rigid", "unresponsive", "dizzy", "funny",
        "faint", "numb", "weak", "yellow", "clammy", "vacant",
    ]

    private func isOther(_ k: Int) -> Bool {
        let word = keys[k].hasSuffix("'s") ? String(keys[k].dropLast(2)) : keys[k]
        return Lexicon.relatives.contains(word) || Lexicon.thirdPartyGivers.contains(word) || Self.otherSubjects.contains(word)
    }

    private func storyTime(in words: Range<Int>) -> (time: String, start: Int, end: Int)? {
        if words.contains(where: { k in
            Self.notAStory.contains(keys[k]) || Self.notCreatures.contains(keys[k])
                || (Lexicon.weekdays.contains(keys[k]) && key(k - 1) != "a")
                || (keys[k] == "last" && key(k + 1) != "night")
                // ("Boxing Day", "the day before"; not "the day centre".)
                || (keys[k] == "day" && !["centre", "center", "room", "unit", "care", "trip", "out"].contains(key(k + 1) ?? ""))
                || (startsVital(k) && !["pain", "pains"].contains(keys[k]))
        }) { return nil }
        let overdose = isOverdose(words)
        if words.contains(where: { longest(Lexicon.drugs, at: $0) != nil || Self.takingVerbs.contains(keys[$0]) }),
           !overdose {
            return nil
        }
        guard let j = words.first(where: { k in
            (["at", "about", "around", "approx", "approximately", "roughly"].contains(keys[k]) || isPunct(k, "~"))
                && !["about", "around", "approx", "approximately", "roughly"].contains(key(k - 1) ?? "") && key(k - 1) != "at"
                && (tokens.indices.contains(k + 1) && (tokens[k + 1].isNumber || numbers.parse(at: k + 1) != nil
                    || ["about", "around", "approx", "approximately", "roughly", "quarter", "half"].contains(keys[k + 1])
                    || (keys[k + 1] == "a" && key(k + 2) == "quarter") || isPunct(k + 1, "~")))
        }) else { return nil }
        // Only the sentence's first time: when it cannot be read, no later one is taken for it ("vomited at about 3
        // pm and then fresh blood at twenty past four").
        var t = j + 1
        if ["about", "around", "approx", "approximately", "roughly"].contains(key(t) ?? "") || isPunct(t, "~") { t += 1 }
        guard t < words.upperBound,
              let c = digitHourClock(at: t) ?? clock(at: t, twelveHour: true, onset: true), c.end <= words.upperBound else {
            return nil
        }
        let partOfDayAfter = longest(Lexicon.partsOfDay, at: c.end) != nil
        // Digits a 12-hour clock writes too, with nothing after them to place them ("at 10:30"), stay unread.
        if tokens[t].isNumber, !tokens[t].text.hasPrefix("0"), digitHourClock(at: t) == nil,
           let h = Int(tokens[t].text.count <= 2 ? tokens[t].text : String(tokens[t].text.dropLast(2))),
           (1...12).contains(h), Int(c.time.prefix(2)) == h, !["am", "pm"].contains(key(c.end - 1) ?? ""), !partOfDayAfter {
            return nil
        }
        // A time that ends its phrase: not "at 14:00 kick-off", "at 0930 clinic".
        guard c.end >= tokens.count || tokens[c.end].kind == .punctuation || partOfDayAfter
                || ["and", "while", "whilst", "on", "in", "when", "today", "this", "getting", "going", "trying", "he",
                    "she", "as", "after", "with", "outside", "near", "inside", "at", "by", "behind", "onto", "into", "then",
                    "during", "before"].contains(keys[c.end]) else { return nil }
        // Without "at", only what no amount, distance or year could be ("fell about 14:00", "about 3 pm"; not "after
        // running about 1500", "a bypass around 2005", "lost about 2000").
        if keys[j] != "at", !partOfDayAfter, !(j..<c.end).contains(where: { k in
            isPunct(k, ":") || ["am", "pm", "o'clock", "past", "to", "half", "quarter", "hrs", "hours"].contains(keys[k])
        }), !["hrs", "hours"].contains(key(c.end) ?? "") {
            return nil
        }
        if let hhmm = Int(c.time.replacingOccurrences(of: ":", with: "")), (1950...2030).contains(hhmm),
           !(j..<c.end).contains(where: { isPunct($0, ":") }), !partOfDayAfter, !["hrs", "hours"].contains(key(c.end) ?? "") {
            return nil
        }
        let span = scalarSpan(j, c.end)
        if evidence.contains(where: { $0.start < span.upperBound && span.lowerBound < $0.end }) { return nil }
        if (max(words.lowerBound, j - 4)..<j).contains(where: { Self.notTheComplaintsTime.contains(keys[$0]) }) {
            return nil
        }
        // What happened: at most four words before the time with no mark or change between, or just after a time
        // that opens the sentence.
        var happened: Int?
        if let h = (max(words.lowerBound, j - (overdose ? 9 : 6))..<j).last(where: { isHappening($0, overdose: overdose) }),
           !(h + 1..<j).contains(where: { tokens[$0].kind == .punctuation || Self.changeWords.contains(keys[$0]) }) {
            happened = h
        } else if (words.lowerBound..<j).allSatisfy({ Self.openingTimeWords.contains(keys[$0]) || tokens[$0].kind == .punctuation }) {
            happened = (c.end..<min(words.upperBound, c.end + 5)).first { k in
                isHappening(k, overdose: overdose) && !(c.end..<k).contains { tokens[$0].kind == .punctuation && !isPunct($0, ",") }
            }
        }
        guard let happened else { return nil }
        // It happened to the patient: nobody and nothing else named before it (but the teller of a report), and not
        // the teller's own ("Wife says she woke at about 0500").
        let before = (words.lowerBound..<happened).filter { !(j..<c.end).contains($0) }
        let told = before.last { Lexicon.reportingVerbs.contains(keys[$0]) || ["per", "according"].contains(keys[$0]) }
        if before.contains(where: { k in isOther(k) && (told.map { k > $0 } ?? true) }) { return nil }
        if let told, let teller = before.last(where: { $0 < told && isOther($0) }) {
            let own: Set<String> = Lexicon.femaleRelatives.contains(keys[teller]) ? ["she", "her", "herself"]
                : Lexicon.maleRelatives.contains(keys[teller]) ? ["he", "him", "himself"] : []
            if (told + 1..<happened).contains(where: { own.contains(keys[$0]) }) { return nil }
        }
        // A verb's clause holds only the patient's words before it ("The tree fell at 14:00" is the tree's).
        if Self.storyVerbs.contains(keys[happened]) || keys[happened] == "hit" || keys[happened] == "went" {
            var s = happened - 1
            while s >= words.lowerBound, !isPunct(s, ","), !isPunct(s, ";"), s != told { s -= 1 }
            if !(s + 1..<happened).allSatisfy({ k in
                (j..<c.end).contains(k) || Self.patientWords.contains(keys[k]) || isHappening(k, overdose: overdose)
                    || tokens[k].isNumber || numbers.parse(at: k) != nil || tokens[k].kind == .punctuation
                    || (tokens[k].raw.first?.isUppercase == true && !isOther(k)) || Self.wentHow.contains(keys[k])
                    || Self.openingTimeWords.contains(keys[k]) || longest(Lexicon.partsOfDay, at: k) != nil
            }) { return nil }
        }
        return (c.time, j, c.end)
    }
}
