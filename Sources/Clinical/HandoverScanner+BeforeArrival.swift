/// Readings taken before the crew got there are someone else's: "Festival medical tent recorded … HR 160 at 21:20",
/// "Her smartwatch flagged HR 212 at 18:52", when the crew was on scene at 21:35 or 19:24. Whoever took them, the
/// crew cannot have.
extension HandoverScanner {
    /// How long before the crew's arrival a reading's own time must be to be someone else's, in minutes: not a few
    /// minutes (crews round their arrival and first-set times), and not half a day (a twelve-hour time read in the
    /// wrong half of the day).
    static let beforeArrival = 10...360

    /// Removes, after the scan, the readings said before the crew's arrival (on scene, else at the patient) with
    /// their own time 10 minutes to 6 hours before it: a set said with such a time ("Their obs at 08:30 were GCS
    /// 14", "Staff vitals at 16:00 were …"), or a reading followed in its clause by "at" and such a time ("HR 212 at
    /// 18:52", "SpO2 91% RA at 09:40"). Only readings said before the words of the arrival: the story before the
    /// crew came. After them, a time before the arrival is more likely misheard or misread than someone else's
    /// ("on scene sixteen twelve … EtCO2 48" heard as "at thirteen forty-eight"). The values that belong together
    /// go together (a pressure's two numbers, a saturation and its oxygen). A set left with nothing goes, and the
    /// sets after it move up. Nothing is removed when no arrival time was read.
    mutating func dropReadingsBeforeArrival() {
        let path = times.onScene != nil ? "times.on_scene" : "times.at_patient"
        guard let said = times.onScene ?? times.atPatient, let arrival = Self.minutes(said),
              let arrivalWords = evidence.first(where: { $0.path == path })?.start, !anotherServiceArrives() else { return }
        func isBeforeArrival(_ time: String) -> Bool {
            guard let t = Self.minutes(time) else { return false }
            return Self.beforeArrival.contains(((arrival - t) % 1440 + 1440) % 1440)
        }
        let (saved, savedSpans) = (sets, setSpans)
        var kept: [Int] = []
        for n in sets.indices {
            let saidBefore = setSpans[n].values.allSatisfy { $0.upperBound <= arrivalWords }
            // (A time said after the set's first reading is that reading's, and goes with it below.)
            if saidBefore, !timedAfterItsReading.contains(n), let t = sets[n].time, isBeforeArrival(t) { continue }
            for key in setSpans[n].keys.sorted() {
                guard let span = setSpans[n][key], span.upperBound <= arrivalWords, let t = timeSaidAfter(span),
                      isBeforeArrival(t) else { continue }
                for k in Extractor.groups.first(where: { $0.contains(key) }) ?? [key] {
                    setSpans[n][k] = nil
                    sets[n].approximate.removeAll { $0 == k }
                    Extractor.copy(k, from: Vitals(), to: &sets[n].values)
                }
                if setSpans[n]["bp_systolic"] == nil { sets[n].bpPalpated = false }
                if timedAfterItsReading.contains(n) { sets[n].time = nil }
            }
            if !setSpans[n].isEmpty { kept.append(n) }
        }
        // (Never all of them: with no set of the crew's left, the arrival time is more likely wrong than every
        // reading someone else's.)
        guard kept.count < sets.count, !kept.isEmpty else {
            if kept.isEmpty { (sets, setSpans) = (saved, savedSpans) }
            return
        }
        keepSets(kept)
    }

    /// Keeps only the sets at `kept` (in order), renumbered, with what is recorded of them.
    mutating func keepSets(_ kept: [Int]) {
        sets = kept.enumerated().map { new, old in
            var set = sets[old]
            set.index = new
            return set
        }
        setSpans = kept.map { setSpans[$0] }
        earlierSets = Set(kept.enumerated().filter { earlierSets.contains($0.element) }.map(\.offset))
        timedAfterItsReading = Set(kept.enumerated().filter { timedAfterItsReading.contains($0.element) }.map(\.offset))
    }

    /// How long before the crew's arrival a dose's own time must be to be someone else's, in minutes: not a few
    /// minutes (crews round their times), up to half a day (staff's morning doses: "Per the MAR he got metoprolol 25
    /// mg and aspirin 81 mg at 08:00 through the tube", on scene 18:32).
    static let doseBeforeArrival = 10...720

    /// Removes, after the scan, the doses with their own time 10 minutes to 12 hours before the crew's arrival (on
    /// scene, else at the patient): the nursing station's "tenecteplase 45 mg IV push at 06:20" when the crew arrived
    /// at 06:41, a care home's 08:00 doses at a call at 18:32. Whoever gave them, the crew cannot have. A crew's dose
    /// whose time was read in the wrong half of the day is lost, not invented. Nothing is removed when no arrival
    /// time was read, or another service's arrival may be the one read.
    ///
    /// Review 95: only when neither time can be a twelve-hour one or a correction ("On scene 12:50. Morphine 5 mg IV
    /// at 1:05", "On scene 14:20 — correction, on scene 13:20", "at 14:05, no, at 14:45"); only a time said straight
    /// after its dose ("morphine 5 mg IV after the fall at 13:30" is the fall's); and never a dose the crew says it
    /// gave ("We gave adrenaline 0.5 mg IM at 14:05", "by us": one of the two times is wrong, and which is unknown).
    mutating func dropDosesBeforeArrival() {
        let path = times.onScene != nil ? "times.on_scene" : "times.at_patient"
        guard let said = times.onScene ?? times.atPatient, let arrival = Self.minutes(said), !anotherServiceArrives(),
              let arrivalWords = evidence.first(where: { $0.path == path }),
              isPlainTwentyFourHour(endingAt: arrivalWords.end) else { return }
        func tokenIndex(at scalar: Int) -> Int? { tokens.firstIndex { $0.start >= scalar } }
        func sentence(around k: Int) -> Range<Int> {
            var s = k
            while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
            var e = k
            while e < tokens.count, !isSentenceEnd(e) { e += 1 }
            return s..<min(e + 1, tokens.count)
        }
        let doubt: Set<String> = ["sorry", "correction", "no", "actually", "mean", "or", "?", "mdt", "logged", "think"]
        let crew: Set<String> = ["we", "i", "us", "our", "we've", "i've", "we'd"]
        // (The arrival's sentence and the next: "On scene 14:20. Correction: on scene was 13:20.")
        if let a = tokenIndex(at: arrivalWords.start) {
            let here = sentence(around: a)
            let next = here.upperBound < tokens.count ? sentence(around: here.upperBound) : here
            if here.contains(where: { doubt.contains(keys[$0]) }) || next.contains(where: { doubt.contains(keys[$0]) }) { return }
        }
        let kept = medicationsGiven.indices.filter { n in
            guard let t = medicationsGiven[n].time.flatMap(Self.minutes),
                  Self.doseBeforeArrival.contains(((arrival - t) % 1440 + 1440) % 1440),
                  let time = evidence.first(where: { $0.path == "medications_given[\(n)].time" }),
                  isPlainTwentyFourHour(endingAt: time.end),
                  let doseEnd = evidence.filter({ $0.path.hasPrefix("medications_given[\(n)].") && $0.path != "medications_given[\(n)].time" })
                      .map(\.end).max(),
                  let drug = evidence.first(where: { $0.path == "medications_given[\(n)].drug" }),
                  let d = tokenIndex(at: drug.start), let te = tokenIndex(at: time.start), let g = tokenIndex(at: doseEnd) else { return true }
            // The time straight after the dose (past "at", "@", "approx" or a comma).
            guard g <= te else { return true }
            let between = g..<te
            guard between.allSatisfy({ ["at", "@", "approx", "about", "around", ",", "push", "stat", "bolus"].contains(keys[$0]) })
            else { return true }
            let words = sentence(around: d)
            return words.contains { crew.contains(keys[$0]) || doubt.contains(keys[$0]) }
        }
        guard kept.count < medicationsGiven.count else { return }
        // The evidence of the doses kept, renumbered.
        var renumbered = evidence.filter { !$0.path.hasPrefix("medications_given[") }
        for (new, old) in kept.enumerated() {
            let prefix = "medications_given[\(old)]."
            for var e in evidence where e.path.hasPrefix(prefix) {
                e.path = "medications_given[\(new)]." + e.path.dropFirst(prefix.count)
                renumbered.append(e)
            }
        }
        evidence = renumbered
        medicationsGiven = kept.map { medicationsGiven[$0] }
        givenSaidAt = kept.map { givenSaidAt[$0] }
    }

    /// A time written the 24-hour way that ends at scalar `end`: "06:20", "0800", "18:32", "13:20" (an hour from 00 to
    /// 09 or 13 to 23, with its colon or as four digits); not "1:05", "8:20", "10:05", "1050", "two fifteen"
    /// (`dropDosesBeforeArrival`).
    private func isPlainTwentyFourHour(endingAt end: Int) -> Bool {
        guard let last = tokens.lastIndex(where: { $0.end <= end }), tokens[last].isNumber else { return false }
        // (Four digits from 10 to 12 are a twelve-hour clock's too: "On scene 2240. Morphine 5 mg IV at 1050".)
        if tokens[last].text.count == 4, !tokens[last].text.contains("."), let v = Int(tokens[last].text) {
            return tokens[last].text.hasPrefix("0") || v >= 1300
        }
        guard last >= 2, isPunct(last - 1, ":"), tokens[last - 2].isNumber, tokens[last - 2].text.count == 2,
              let h = Int(tokens[last - 2].text) else { return false }
        return tokens[last - 2].text.hasPrefix("0") || h >= 13
    }

    /// Words of a service or person other than the crew, and of a time on scene that is not the arrival.
    private static let notTheCrewsArrival: Set<String> = [
        "fire", "police", "pd", "hems", "air", "helicopter", "doctor", "dr", "basics", "supervisor", "lead", "second",
        "backup", "back-up", "als", "bls", "medic", "engine", "team", "hart", "officer", "responder", "responders",
        "cfr", "rrv", "coastguard", "lifeboat", "rescue", "critical", "mountain", "gp", "nurse", "midwife", "still",
        "back", "until", "stood", "awaiting", "waiting", "another", "other", "first", "security", "staff",
        "bystander", "bystanders", "family", "they", "he", "she", "colleagues", "heli", "helimed", "aircraft",
    ]

    /// True when any "on scene" or "arrived" in the transcript may be someone else's, or not the crew's arrival:
    /// "HEMS on scene 10:40", "Police on scene 02:40", "Still on scene at 15:10 awaiting HART", "Back on scene at
    /// 14:50", "Arrived on scene at 14:50, the HEMS team". The crew's own is said with "we", "our", "crew" or nothing
    /// in the six words before it in its sentence, and no other service in the eight after it. ("Left scene" is no
    /// arrival.)
    func anotherServiceArrives() -> Bool {
        let othersAfter: Set<String> = ["awaiting", "waiting", "until", "hems", "hart", "police", "fire", "doctor",
                                        "backup", "second", "helicopter", "team", "supervisor", "basics", "als"]
        for k in tokens.indices where keys[k] == "scene" || keys[k] == "arrived" || keys[k] == "arrival" {
            if k > 0, ["left", "leaving", "off", "departed", "depart", "leave"].contains(keys[k - 1]) { continue }
            var s = k
            while s > 0, k - s < 6, !isSentenceEnd(s - 1) { s -= 1 }
            var e = k + 1
            while e < tokens.count, e - k < 9, !isSentenceEnd(e) { e += 1 }
            if (s..<k).contains(where: { Self.notTheCrewsArrival.contains(keys[$0]) || Lexicon.relatives.contains(keys[$0]) })
                || (k + 1..<e).contains(where: { othersAfter.contains(keys[$0]) }) {
                return true
            }
        }
        return false
    }

    /// "HR 212 at 18:52", "SpO2 91% RA at 09:40", "temp 38.2 degrees at about 07:10": the time said straight after a
    /// reading (past its unit and oxygen words, and "about"), when nothing but the end of its clause or the next
    /// reading's name follows it.
    private func timeSaidAfter(_ span: Range<Int>) -> String? {
        guard var q = tokens.firstIndex(where: { $0.start >= span.upperBound }) else { return nil }
        let trailing: Set<String> = ["%", "percent", "bpm", "mmhg", "on", "room", "air", "ra", "degrees", "°", "c", "f",
                                     "celsius", "fahrenheit", "mmol", "/", "l", "per", "minute", "min", "a", "mg", "dl",
                                     "reg", "regular", "irregular"]
        var skipped = 0
        while q < tokens.count, skipped < 5, trailing.contains(keys[q]) {
            q += 1
            skipped += 1
        }
        guard key(q) == "at" else { return nil }
        q += 1
        if ["about", "around", "approximately", "approx", "roughly"].contains(key(q) ?? "") || isPunct(q, "~") { q += 1 }
        guard let c = clock(at: q) else { return nil }
        // (Unpunctuated engine text runs on into the next reading: "sugar three point one at ten oh five resp rate".)
        guard c.end >= tokens.count || tokens[c.end].kind == .punctuation || startsVital(c.end)
                || ["and", "when", "while", "before", "then", "by"].contains(keys[c.end]) else { return nil }
        return c.time
    }
}
