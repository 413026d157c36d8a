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
        sets = kept.enumerated().map { new, old in
            var set = sets[old]
            set.index = new
            return set
        }
        setSpans = kept.map { setSpans[$0] }
        earlierSets = Set(kept.enumerated().filter { earlierSets.contains($0.element) }.map(\.offset))
        timedAfterItsReading = Set(kept.enumerated().filter { timedAfterItsReading.contains($0.element) }.map(\.offset))
    }

    /// Words of a service or person other than the crew, and of a time on scene that is not the arrival.
    private static let notTheCrewsArrival: Set<String> = [
        "fire", "police", "pd", "hems", "air", "helicopter", "doctor", "dr", "basics", "supervisor", "lead", "second",
        "backup", "back-up", "als", "bls", "medic", "engine", "team", "hart", "officer", "responder", "responders",
        "cfr", "rrv", "coastguard", "lifeboat", "rescue", "critical", "mountain", "gp", "nurse", "midwife", "still",
        "back", "until", "stood", "awaiting", "waiting", "another", "other", "first", "security", "staff",
        "bystander", "bystanders", "family", "they", "he", "she",
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
