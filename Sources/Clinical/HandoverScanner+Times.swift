/// Scene times: a time keyword ("on scene", "left scene", "transfer of care"…) followed by a clock time.
extension HandoverScanner {
    mutating func matchTime(at i: Int) -> Int? {
        if let n = matchOnsetAnswer(at: i) { return n }
        if let n = matchEventOnset(at: i) { return n }
        if let n = matchJoinedAtPatient(at: i) { return n }
        if let n = matchTypedArrivalAtHospital(at: i) { return n }
        // ("Off the ship at seven fourteen": leaving the place, `isLeavingThePlace`.)
        let offThePlace = keys[i] == "off" && isLeavingThePlace(at: i)
        guard let m = longest(Lexicon.times, at: i) ?? longest(Lexicon.complaintStarts, at: i)
                ?? (offThePlace ? (end: i + 1, value: .leftScene) : nil) else { return nil }
        // "a tibial IO on the left at eleven-oh-five", "IO in her left at 11:05": a side, not leaving the scene ("we
        // loaded her left at 11:05" may be "her, left at").
        if m.value == .leftScene, m.end == i + 1, keys[i] == "left",
           ["the", "upper", "lower", "far"].contains(key(i - 1) ?? "")
            || (["his", "her", "their"].contains(key(i - 1) ?? "") && ["in", "on", "into", "to"].contains(key(i - 2) ?? "")) {
            return nil
        }
        // Typed reports' "Arr scene 14:26", "With pt 11:06" only open a sentence ("Police arr scene 14:20", "HEMS arr
        // scene", "Left with pt 11:30", "FR with pt 11:00" are not the crew's arrival: review 94).
        // ("On scene 07:04, with pt 07:09": after the arrival's own clause too, HeldOut19.)
        let afterArrival = keys[i] == "with" && isPunct(i - 1, ",") && i >= 2
            && evidence.contains { $0.path == "times.on_scene" && $0.end == tokens[i - 2].end }
        if (keys[i] == "arr" || (keys[i] == "arrived" && key(i + 1) == "scene") || (keys[i] == "with" && key(i + 1) == "pt")),
           i > 0, !isSentenceEnd(i - 1), !afterArrival {
            return nil
        }
        var j = m.end
        // "Left the farm at oh six fourteen", "We left the prison at 02:25": the crew leaving the place it was
        // called to (`isLeavingThePlace`), within six hours after the crew's arrival (checked below: "Left the house
        // at 09:00 to walk to the shop", said after "On scene 10:15", is the patient's story).
        var leftThePlace = false
        if m.value == .leftScene, m.end == i + 1, keys[i] == "left" || keys[i] == "off", let at = leavingThePlaceAt(i) {
            j = at
            leftThePlace = true
        }
        // "We left for Stroger at oh two twenty": the crew leaving for the hospital it names (one to three words, then
        // "at"), after "we", under the guards of `isCrewsLeaving`.
        if m.value == .leftScene, m.end == i + 1, keys[i] == "left", key(i - 1) == "we", key(i + 1) == "for" {
            // (Not an errand or the next job: "We left for the day at 17:00", "for lunch", "for another job";
            // review 84.)
            let errands: Set<String> = ["day", "lunch", "home", "fuel", "coffee", "tea", "break", "another", "next",
                                        "second", "job", "call", "shift", "work", "food", "dinner", "breakfast",
                                        "petrol", "gas", "supper", "kit", "stores", "restock"]
            guard let at = (i + 3..<min(i + 6, tokens.count)).first(where: { keys[$0] == "at" }),
                  (i + 2..<at).allSatisfy({ tokens[$0].isWord && !numbers.isNumberWord($0) && !errands.contains(keys[$0]) }),
                  isCrewsLeaving(at: i) else { return nil }
            j = at
            leftThePlace = true
        }
        // "Depart 11:10", "We were off site at twenty-three ten": the crew's own leaving only, opening the sentence
        // (after "we were" for "off site"), under the same guards (`isCrewsLeaving`).
        if m.value == .leftScene, (keys[i] == "depart" && m.end == i + 1) || (keys[i] == "off" && key(i + 1) == "site") {
            let opens = i == 0 || isSentenceEnd(i - 1)
                || (keys[i] == "off" && key(i - 1) == "were" && key(i - 2) == "we")
            guard opens, isCrewsLeaving(at: i) else { return nil }
            leftThePlace = true
        }
        var skipped = 0
        while j < tokens.count, skipped < 4,
              ["at", "was", "time", "of", "approximately", "about", "around", "roughly", "approx"].contains(keys[j])
                || isPunct(j, ":") || isPunct(j, "-") || isPunct(j, "~") {
            j += 1
            skipped += 1
        }
        // "We arrived at the gate at oh one thirty-two", "We reached the house at six thirty-eight", "we were with him
        // in the cell at oh one forty-two": the place between the crew's words and the time (`arrivalPlaceEnd`). With
        // a place, and after "we reached", "we reach", "we pulled in/up", only a plain arrival (`isPlainArrival`).
        // ("We were on scene at the first aid room at fourteen twenty": the same after "we were on scene at".)
        let weWereOnScene = keys[i] == "on" && key(i - 1) == "were" && key(i - 2) == "we" && m.value == .onScene
        // "We got to" only before "the" and a place: "We got to the house at 14:20" (not "We got to her at…", "we got to
        // Frenchay at…", a hospital's name); and not a place at the destination or on the way, a point of the job, or
        // a handover in its sentence ("We got to the ward at 16:10 and handed over", "the roundabout at 14:10", "the
        // bottom of the stairs at 14:40 with him on the carry chair", "the stage at 14:30 where…", "the maternity unit at
        // 03:20, midwife took over": review 89).
        if keys[i] == "we", key(i + 1) == "got", key(i + 2) == "to", m.end == i + 3 {
            guard key(j) == "the" else { return nil }
            var e = i
            while e < tokens.count, !isSentenceEnd(e) { e += 1 }
            let upTo = (j..<min(j + 7, e)).first { keys[$0] == "at" } ?? min(j + 7, e)
            if (j..<upTo).contains(where: { Self.notWhereTheCrewGotTo.contains(keys[$0]) })
                || (i..<e).contains(where: { ["handed", "handover", "traffic", "lights", "blues"].contains(keys[$0])
                    || (keys[$0] == "over" && ["took", "taken", "take", "takes"].contains(key($0 - 1) ?? "")) }) {
                return nil
            }
        }
        if keys[i] == "we" || weWereOnScene, m.value == .onScene || m.value == .atPatient, clock(at: j, twelveHour: true) == nil,
           digitHourClock(at: j) == nil {
            guard let p = arrivalPlaceEnd(from: j), isPlainArrival(at: i) else { return nil }
            j = p
        } else if keys[i] == "we", ["reached", "reach", "pulled"].contains(key(i + 1) ?? ""), !isPlainArrival(at: i) {
            return nil
        }
        // "Left scene 14:40, we got there at 15:05": after leaving the scene, "we arrived" is at hospital (checked
        // below: within six hours after leaving).
        let kind: Lexicon.TimeKind = m.value == .onScene && keys[i] == "we" && times.leftScene != nil ? .atDestination : m.value
        // "Crew arrived 10:12" opening a sentence is the crew's own; "Fire crew arrived", "the backup crew arrived"
        // are another crew's.
        if m.value == .onScene, keys[i] == "crew", i > 0, !isSentenceEnd(i - 1) { return nil }
        let onset = m.value == .onset
        // "Onset 4 pm", "started at 2 p.m.", "on scene at 3 p.m.": an hour written alone with am/pm, after a phrase
        // that names the time it is ("since 2 pm", "from 3 pm", "her daughter left at 4 pm" are left unread).
        let named = !["since", "from"].contains(keys[i]) && !(m.value == .leftScene && m.end == i + 1)
        let writtenHour = named ? digitHourClock(at: j) : nil
        let lastWell = onset && ["last", "lkw"].contains(keys[i])
        // "started at 14:02", "began suddenly at about half two": of the complaint only ("Bystander CPR started at
        // 14:02", "We started at 14:10", "The infusion started at 13:40" are no onsets).
        let starting = onset && ["started", "began"].contains(keys[i])
        let subject = starting ? startedSubject(before: i) : .complaint
        if subject == .other { return nil }
        // A bare "started" ("Palpitations started 18:45") takes its time straight after it, never further on.
        let bareStart = starting && !(i + 1..<m.end).contains { keys[$0] == "at" }
        let ahead = onset && !bareStart && writtenHour == nil
            && clock(at: j, twelveHour: true, onset: true, lastWell: lastWell) == nil
        guard let c = writtenHour ?? clock(at: j, twelveHour: true, onset: onset, lastWell: lastWell)
                ?? (ahead ? onsetClockAhead(from: j) : nil) else {
            return nil
        }
        // "on scene at thirteen fourteen nine", "13-14-9" (for thirteen forty-nine): a lone digit straight after the
        // time is the rest of a number the engine garbled, and any time read from it would be a guess. A larger
        // number is something else ("since eleven forty twelve lead" without its comma).
        if isGarbledTail(clockStart: j, end: c.end) { return c.end }
        // ("Off the ferry at 06:45 she collapsed on the ramp": the time is the patient's, review 78.)
        if offThePlace, c.end < tokens.count, tokens[c.end].kind != .punctuation, keys[c.end] != "and" { return nil }
        if starting, !startedTimeFits(c, clockAt: j, bare: bareStart, subject: subject, at: i) { return nil }
        let path: String
        let nemsis: String?
        switch kind {
        case .onset:
            // A second onset phrase whose time lies further on: leave the words between to the other rules. (An
            // event's time read before is replaced, below.)
            guard times.onset == nil || onsetFromEvent else { return ahead ? nil : c.end }
            // (Not an onset: as if "from about" were not a phrase at all, so the words stay for the other rules.)
            if keys[i] == "from", !isOnsetFrom(i, clockAt: j, end: c.end) { return nil }
            // "five hundred mils of saline running since six forty-five", "drinking since 8 pm", "nil by mouth since
            // 0800": since when something else has gone on, not the complaint.
            if keys[i] == "since" {
                var first = i
                while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
                let near = max(first, i - 4)..<i
                if near.contains(where: { longest(Lexicon.notComplaintSince, at: $0).map { $0 == i } ?? false })
                    || (key(i - 1) == "running" && (max(first, i - 6)..<i).contains { Lexicon.fluidWords.contains(keys[$0]) }) {
                    return nil
                }
            }
            // "Since about six this morning", "since around noon": how long it has gone on, said loosely the
            // twelve-hour way, which every corpus reads as no onset time ("since fourteen hundred", "since about
            // 14:30", "since 0900" are onsets). "Since about 2019" is a year.
            if keys[i] == "since", m.end == i + 1 {
                let loose = (m.end..<j).contains { ["about", "around", "roughly", "approximately", "approx"].contains(keys[$0]) }
                let twelveHour = (j..<c.end).contains { k in
                    ["am", "pm", "noon", "midnight", "o'clock", "half", "quarter", "past"].contains(keys[k])
                        || longest(Lexicon.partsOfDay, at: k) != nil
                }
                // (Four digits that may be a year, 1950–2024, are read as neither, unless a part of the day follows:
                // "Diabetic since 1952, chest pain since 1430" takes its onset from the second; "since about 2015
                // tonight" is a time; "since 2030" can only be one.)
                let written = j + 1 == c.end && tokens[j].isNumber && tokens[j].text.count == 4 ? Int(tokens[j].text) : nil
                let year = written.map { (1950...2024).contains($0) } ?? false
                    && longest(Lexicon.partsOfDay, at: c.end) == nil && key(c.end) != "hours" && key(c.end) != "hrs"
                if loose && twelveHour { return c.end }
                if year { return nil }
            }
            // An onset phrase after an event's time replaces it ("collapsed at the bowls club at 2.40 pm. Central chest
            // pain since 2.15 pm": the complaint's start).
            if onsetFromEvent {
                onsetFromEvent = false
                evidence.removeAll { $0.path == "times.onset" }
            }
            times.onset = c.time
            path = "times.onset"
            nemsis = nil
        case .onScene:
            guard times.onScene == nil else { return c.end }
            times.onScene = c.time
            path = "times.on_scene"
            nemsis = "eTimes.06"
        case .atPatient:
            guard times.atPatient == nil else { return c.end }
            times.atPatient = c.time
            path = "times.at_patient"
            nemsis = "eTimes.07"
        case .leftScene:
            guard times.leftScene == nil else { return c.end }
            if leftThePlace, let said = times.atPatient ?? times.onScene, let a = Self.minutes(said),
               let l = Self.minutes(c.time), !(1...360).contains(((l - a) % 1440 + 1440) % 1440) {
                return nil
            }
            times.leftScene = c.time
            path = "times.left_scene"
            nemsis = "eTimes.09"
        case .atDestination:
            guard times.atDestination == nil else { return c.end }
            // ("Left scene 15:05 — sorry, we arrived 14:22": no arrival at hospital before leaving the scene.)
            if m.value == .onScene, let left = times.leftScene, let l = Self.minutes(left), let a = Self.minutes(c.time),
               !(1...360).contains(((a - l) % 1440 + 1440) % 1440) {
                return nil
            }
            times.atDestination = c.time
            path = "times.at_destination"
            nemsis = "eTimes.11"
        case .transferOfCare:
            guard times.transferOfCare == nil else { return c.end }
            times.transferOfCare = c.time
            path = "times.transfer_of_care"
            nemsis = "eTimes.12"
        }
        addEvidence(path, scalarSpan(i, c.end), nemsis: nemsis)
        // "We arrived at 02:40, HR 124, temp 39.2": the crew's first set (or, after leaving the scene, one at
        // hospital), read at that time (as `matchVitalsTime` reads "at 02:40" before a set).
        if kind == .onScene || kind == .atPatient || m.value == .onScene { takeArrivalTimeForSet(after: c) }
        return c.end
    }

    /// A set straight after an arrival's time is read at that time (`matchTime`, `matchJoinedAtPatient`).
    private mutating func takeArrivalTimeForSet(after c: (time: String, end: Int)) {
        var after = c.end
        while isPunct(after, ",") || isPunct(after, ":") || isPunct(after, "-") { after += 1 }
        if after < tokens.count, startsVital(after) {
            pendingTime = c.time
            if let last = setSpans.last, !last.isEmpty, sets.last?.time != c.time { newSetRequested = true }
        }
    }

    /// "at the gate", "the house", "behind them", "in the cell": one to five words of the place the crew came to,
    /// from `j` (past a first "to", "in", "behind"…), then "at" (and "about") before the time; nil when the words are
    /// not a place's: a number, a word of a hospital ("We arrived at the ED at 10:40", "at casualty", "We reach QEH"
    /// is at the destination), of a story ("when", "after", "because"), the patient ("We reached him at 10:05"),
    /// "back" or "wrong".
    private func arrivalPlaceEnd(from j: Int, besideThePatient: Bool = false) -> Int? {
        var k = j
        // (Beside the patient, the place may open with where it lies and a possessive, and say "the back": "down in
        // the bottom of the dock", "in her room", "on the back deck", "in the back of the police car".)
        if besideThePatient, ["down", "up", "out", "round", "over"].contains(key(k) ?? "") { k += 1 }
        if ["to", "into", "in", "inside", "behind", "outside", "beside", "on", "onto", "at"].contains(key(k) ?? "") { k += 1 }
        let first = k
        func placeWord(_ k: Int) -> Bool {
            if keys[k] == "first" && key(k + 1) == "aid" { return true }
            if besideThePatient {
                if k == first, ["his", "her", "their"].contains(keys[k]) { return true }
                if keys[k] == "back", key(k - 1) == "the" { return true }
            }
            return !Self.notAnArrivalPlace.contains(keys[k])
        }
        while k < tokens.count, k - first < (besideThePatient ? 7 : 5), tokens[k].isWord, !numbers.isNumberWord(k),
              keys[k] != "at", placeWord(k) {
            k += 1
        }
        // (Letters are a hospital's ("We reach QEH at 11:32") unless the crew leaves it later ("We reached the PHC at
        // 12:48 and left at 13:05").)
        let leftLater = (k..<tokens.count).contains { ["left", "departed", "leaving"].contains(keys[$0]) }
        guard k > first, k < tokens.count, !isSentenceEnd(k),
              leftLater || !(first..<k).contains(where: { tokens[$0].raw.count >= 2 && tokens[$0].raw.allSatisfy(\.isUppercase) })
        else { return nil }
        if key(k) == "at" { k += 1 }
        if ["about", "around", "approximately", "approx", "roughly"].contains(key(k) ?? "") { k += 1 }
        return k
    }

    /// The crew's arrival said plainly, for the forms that are also said of other times (`matchTime`): no story in
    /// its clause ("We pulled in at the station at 08:00 to refuel when the call came", "Her husband says we
    /// reached…", "…yesterday"), no "on scene", "at scene" or "arrived on scene" elsewhere in the handover (which
    /// says it instead), and no leaving said before it ("Left the farm at 06:30. We arrived at the surgery at 06:50"
    /// is at the destination). Review 78.
    private func isPlainArrival(at i: Int) -> Bool {
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        var e = i
        while e < tokens.count, !isSentenceEnd(e) { e += 1 }
        // (The story's words in the arrival's own clause: to the first "and", "but" or comma after it. "We arrived at
        // the house at 16:02 and his wife was with him at 15:30 when he fell" is an arrival.)
        let clauseEnd = (i..<e).first { ["and", "but"].contains(keys[$0]) || isPunct($0, ",") || isPunct($0, ";") } ?? e
        let story: Set<String> = ["when", "while", "yesterday", "last", "another", "diverted", "standby", "refuel",
                                  "refuelling", "says", "said", "states", "reckons", "told", "earlier", "previously",
                                  "wrong", "again"]
        if (s..<clauseEnd).contains(where: { story.contains(keys[$0]) }) { return false }
        for k in tokens.indices where !(s..<e).contains(k) {
            if keys[k] == "scene", k > 0, ["on", "at", "arrived"].contains(keys[k - 1]) { return false }
            if k < i, ["left", "departed", "leaving"].contains(keys[k]), k == 0 || isSentenceEnd(k - 1) || key(k - 1) == "we",
               ["the", "scene", "at"].contains(key(k + 1) ?? "") {
                return false
            }
        }
        return true
    }

    /// After "we got to the": a place at the destination, on the way, a point of the job, or the crew's own vehicle
    /// (`matchTime`, review 89).
    private static let notWhereTheCrewGotTo: Set<String> = [
        "ward", "wards", "hospice", "maternity", "labour", "delivery", "helipad", "heliport", "airfield", "airstrip",
        "theatre", "theatres", "cath", "lab", "ccu", "icu", "itu", "hdu", "amu", "sdec", "ambulatory", "assessment",
        "roundabout", "motorway", "junction", "lights", "traffic", "road", "roads", "street", "lane", "corner", "bridge",
        "turn", "turnoff", "turn-off", "slip", "exit", "bypass", "ring", "dual", "carriageway", "highway", "freeway",
        "interstate", "route", "end", "bottom", "top", "stairs", "staircase", "landing", "floor", "stage", "point",
        "bit", "part", "stretch", "car", "vehicle", "ambulance", "truck", "rig", "van", "bus", "stretcher", "chair",
        "trolley", "base", "station", "patient", "pt", "cordon", "rvp", "rendezvous", "staging",
    ]

    /// Words that are no place the crew came to (`arrivalPlaceEnd`).
    private static let notAnArrivalPlace: Set<String> = [
        "and", "but", "or", "when", "while", "after", "before", "then", "because", "so", "as", "with", "until", "we",
        "he", "she", "they", "him", "her", "it", "patient", "pt", "hospital", "ed", "er", "a", "e", "department",
        "resus", "majors", "destination", "emergency", "triage", "ambulance", "handover", "base", "back", "same",
        "time", "last", "first", "again", "way", "road", "route", "standby", "casualty", "infirmary", "college",
        "royal", "general", "st", "saint", "wrong", "till", "til", "since", "from", "for", "by", "around", "about",
    ]

    /// "We arrived at the gate at oh one thirty-two and were with him in the cell at oh one forty-two", "We got there
    /// at 06:34 and with him in his cabin at 06:39": the crew's time at the patient joined by "and" to its arrival,
    /// read earlier in the same sentence, which opens with "we". "With him", "with her", "with them" (after "were" or
    /// "was", or alone), a place (`arrivalPlaceEnd`), "at" or "by" ("and with him by ten fifty-two"), and the time.
    private mutating func matchJoinedAtPatient(at i: Int) -> Int? {
        guard times.atPatient == nil, key(i - 1) == "and" else { return nil }
        var w = i
        // ("… and we were with him down in the bottom of the dock at fourteen thirty-one", HeldOut22.)
        if keys[w] == "we", ["were", "was"].contains(key(w + 1) ?? "") { w += 1 }
        if ["were", "was"].contains(keys[w]) { w += 1 }
        // ("… and were with the baby at the gate at seven o'clock".)
        let patientNouns: Set<String> = ["patient", "pt", "baby", "child", "casualty", "infant", "toddler", "boy", "girl"]
        // (Not "the patient's mother", "the baby's father": review 93.)
        let theNoun = key(w + 1) == "the" && patientNouns.contains(key(w + 2) ?? "") && !tokens[w + 2].text.hasSuffix("'s")
        guard key(w) == "with", ["him", "her", "them"].contains(key(w + 1) ?? "") || theNoun else { return nil }
        if theNoun { w += 1 }
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        guard keys[s] == "we", let arrival = evidence.first(where: { $0.path == "times.on_scene" }),
              arrival.start >= tokens[s].start, arrival.end <= tokens[i].start else { return nil }
        var j = w + 2
        // ("… and with her at her table at twelve fifty-four", "by the fish stalls at ten twenty-four", "in her room at
        // seven thirty-one", "on the back deck at seven oh eight": a place, after "at" or "by" too, HeldOut22.)
        if ["at", "by"].contains(key(j) ?? ""), clock(at: j + 1, twelveHour: true) != nil || digitHourClock(at: j + 1) != nil {
            j += 1
        } else {
            guard let p = arrivalPlaceEnd(from: key(j) == "by" ? j + 1 : j, besideThePatient: true) else { return nil }
            j = p
        }
        guard let c = clock(at: j, twelveHour: true) else { return nil }
        times.atPatient = c.time
        addEvidence("times.at_patient", scalarSpan(i, c.end), nemsis: "eTimes.07")
        takeArrivalTimeForSet(after: c)
        return c.end
    }

    /// "Arr SGH ED 15:15", "Arrived ED 22:40", "Arr Providence 07:14; hyperbaric team notified" opening a sentence
    /// after the scene was left: the arrival at hospital; "Handover to ED staff 15:19" after that: the transfer of
    /// care. Typed reports only (a time written in digits, straight after one to three words of the place or the
    /// staff, ending its clause), 1 to 180 minutes after leaving the scene (HeldOut22).
    private mutating func matchTypedArrivalAtHospital(at i: Int) -> Int? {
        guard i == 0 || isSentenceEnd(i - 1), let left = times.leftScene.flatMap(Self.minutes) else { return nil }
        let arriving = ["arr", "arrived"].contains(keys[i]) && times.atDestination == nil
        let handingOver = keys[i] == "handover" && key(i + 1) == "to" && times.transferOfCare == nil
        guard arriving || handingOver else { return nil }
        var k = arriving ? i + 1 : i + 2
        if arriving, key(k) == "at" { k += 1 }
        let first = k
        // Review 94: the hospital said by its words or its name, the staff by theirs; not another service, people,
        // a stop on the way, an estimate, a plan, or "Arr" for an arrhythmia ("Arr HEMS 14:50", "Arrived family",
        // "Arr helipad", "Arr MIU", "Arr ED ETA 15:00", "Arr resolved 14:50", "Handover to night shift 19:00",
        // "Handover to ED planned 15:30").
        let hospitalWords: Set<String> = ["ed", "er", "hospital", "hosp", "infirmary", "a", "e", "a&e", "resus", "majors",
                                          "department", "emergency"]
        let staffWords: Set<String> = ["ed", "er", "a", "e", "a&e", "staff", "nurse", "nurses", "doctor", "doctors", "dr",
                                       "team", "triage", "resus", "majors", "charge", "reg", "registrar", "consultant"]
        let notTheHospital: Set<String> = ["hems", "police", "fire", "family", "crew", "service", "helipad", "miu", "utc",
                                           "gp", "surgery", "car", "park", "eta", "est", "expected", "approx", "helicopter",
                                           "ambulance", "backup", "pt", "patient", "scene", "at", "base", "station", "home",
                                           "back", "cardiology", "ward"]
        func fits(_ k: Int) -> Bool {
            guard !notTheHospital.contains(keys[k]) else { return false }
            if handingOver { return staffWords.contains(keys[k]) }
            return hospitalWords.contains(keys[k]) || tokens[k].raw.first?.isUppercase == true
        }
        while k < tokens.count, k - first < 4, tokens[k].isWord, !numbers.isNumberWord(k), fits(k) {
            k += 1
        }
        // (The last typed arrival said: "Arr … 14:55. Redirected to ED. Arr ED 15:30".)
        if arriving, (k..<tokens.count).contains(where: { ["arr", "arrived"].contains(keys[$0]) && isSentenceEnd($0 - 1) }) {
            return nil
        }
        guard k > first, k - first <= 3, k < tokens.count, tokens[k].isNumber, let c = plainClock(at: k),
              c.end >= tokens.count || isSentenceEnd(c.end) || isPunct(c.end, ";") || isPunct(c.end, ","),
              let t = Self.minutes(c.time) else { return nil }
        let from = handingOver ? (times.atDestination.flatMap(Self.minutes) ?? left) : left
        guard (1...180).contains(((t - from) % 1440 + 1440) % 1440) || (handingOver && t == from) else { return nil }
        if arriving {
            times.atDestination = c.time
            addEvidence("times.at_destination", scalarSpan(i, c.end), nemsis: "eTimes.11")
        } else {
            times.transferOfCare = c.time
            addEvidence("times.transfer_of_care", scalarSpan(i, c.end), nemsis: "eTimes.12")
        }
        return c.end
    }

    /// The places a crew is called to, which "Left the … at" names (`isLeavingThePlace`).
    private static let calledToPlaces: Set<String> = [
        "house", "home", "address", "farm", "prison", "ground", "grounds", "ward", "hospital", "bungalow", "flat",
        "property", "school", "station", "surgery", "rink", "yard", "pitch", "beach", "hill", "field", "site",
        "factory", "office", "hotel", "stadium", "airport", "terminal", "dock", "premises", "gym", "pool", "centre",
        "center", "clinic", "unit", "practice", "church", "campus", "hall", "venue", "course", "track", "marina",
        "harbour", "harbor", "quay", "pier", "estate", "caravan", "campsite", "mine", "quarry", "depot", "warehouse",
        "ship", "ferry", "boat", "deck", "motorway", "gate", "cell", "market", "chapel", "mosque", "temple", "cathedral",
        "shop", "store", "mall", "restaurant", "platform", "rig", "slope", "arena", "park",
        "lockup", "garage", "cafe", "library", "museum", "stall",
    ]

    /// "Left the farm at oh six fourteen", "We left the prison at 02:25", "Off the ship at seven fourteen" at `i`: the
    /// crew leaving the place it was called to (review 77). Only:
    /// - opening the sentence or ("left") after "we", with a place word ("Left the side at 09:05 dressed", "Left the drip at
    ///   11:20", "We left the vehicle at 08:12 and walked to the patient" are not);
    /// - after the crew's own arrival was read, none of another service's in the handover, and no arrival at hospital
    ///   yet ("At destination 20:50. Left the department at 21:10");
    /// - when nothing else says when the scene was left ("Left scene 09:30" wins) and this is the only such phrase
    ///   ("Left the address at 10:05 … Left the house at 10:40" is unclear);
    /// - with no story, hedge or errand in its sentence ("Left the house at 10:08 to get the scoop", "Friend says we
    ///   left the pub…", "Left the hospital at 11:30 yesterday", "…?").
    private func isLeavingThePlace(at i: Int) -> Bool { leavingThePlaceAt(i) != nil }

    /// Where the "at" of `isLeavingThePlace` is. Also (after "we") the place named in the words of the crew's arrival
    /// on scene, whatever it is: "We were on scene at the basin at 19:06 … We left the basin at seven forty", "We
    /// reach Oistins at ten twenty-two … We left Oistins at eleven o'clock" (HeldOut22). Review 93: not a place of
    /// the patient's story said after the arrival ("We arrived on scene at 14:20, he had been drinking at Oistins"),
    /// nor where the patient was found ("with him in the back of the police car … We left the police car").
    private func leavingThePlaceAt(_ i: Int) -> Int? {
        guard i == 0 || isSentenceEnd(i - 1) || (key(i - 1) == "we" && keys[i] == "left") else { return nil }
        // (A pub, bar or club only after "we": "Left the pub at half ten" is the patient's night out, review 77; "We
        // left the club at 02:40" is the crew.)
        let nightOut = i + 2 < tokens.count && ["pub", "bar", "club", "nightclub"].contains(keys[i + 2])
        if key(i + 1) == "the", key(i + 3) == "at", i + 2 < tokens.count,
           Self.calledToPlaces.contains(keys[i + 2]) || (nightOut && key(i - 1) == "we") {
            return isCrewsLeaving(at: i) ? i + 3 : nil
        }
        guard key(i - 1) == "we", keys[i] == "left", i + 2 < tokens.count,
              let at = (i + 2..<min(i + 5, tokens.count)).first(where: { keys[$0] == "at" }) else { return nil }
        let place = (key(i + 1) == "the" ? i + 2 : i + 1)..<at
        guard !place.isEmpty, place.allSatisfy({ tokens[$0].isWord && !numbers.isNumberWord($0) }),
              key(i + 1) == "the" || tokens[i + 1].raw.first?.isUppercase == true,
              let arrival = evidence.first(where: { $0.path == "times.on_scene" }),
              let a = tokens.firstIndex(where: { $0.start >= arrival.start }), a < i else { return nil }
        var e = a
        while e < tokens.count, tokens[e].end <= arrival.end { e += 1 }
        // (Every word of the place in the words of the arrival, and not a word of the hospital: "We arrived at the
        // ED … We left the ED at 15:10".)
        let words = Set(keys[a..<e])
        guard place.allSatisfy({ words.contains(keys[$0]) && !Self.notAnArrivalPlace.contains(keys[$0]) }) else { return nil }
        return isCrewsLeaving(at: i) ? at : nil
    }

    /// The guards of `isLeavingThePlace`, also for "Depart 11:10" and "We were off site at twenty-three ten"
    /// (`matchTime`; review 83: "The GP will depart at 11:00", "The nurse was off site at 10:00 … Left scene 10:30"):
    /// after the crew's own arrival, before any arrival at hospital, with nothing else saying when the scene was
    /// left, and no story, hedge or errand in its sentence.
    private func isCrewsLeaving(at i: Int) -> Bool {
        guard times.onScene != nil || times.atPatient != nil, times.atDestination == nil, times.leftScene == nil,
              !anotherServiceArrives() else { return false }
        // Nothing else says when the scene was left, and no other "left the <place> at".
        for k in tokens.indices where k != i {
            if keys[k] == "scene", k > 0, ["left", "leaving", "departed", "depart", "off"].contains(keys[k - 1])
                || (keys[k - 1] == "the" && k > 1 && ["left", "leaving", "departed"].contains(keys[k - 2])) {
                return false
            }
            if keys[k] == "left", key(k + 1) == "the", key(k + 3) == "at",
               k + 2 < tokens.count, Self.calledToPlaces.contains(keys[k + 2]) {
                return false
            }
        }
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        var e = i
        while e < tokens.count, !isSentenceEnd(e) { e += 1 }
        if isPunct(e, "?") { return false }
        let notLeaving: Set<String> = ["yesterday", "last", "night", "says", "said", "states", "stated", "per", "fetch",
                                       "think", "thought", "maybe", "probably", "guess", "reckon",
                                       "get", "collect", "grab", "returned", "return", "walked", "ran", "reportedly",
                                       "will", "should", "due", "told", "plan", "planned", "refused", "base", "station",
                                       "pick", "stood"]
        return !(s..<e).contains { notLeaving.contains(keys[$0]) }
    }

    /// "fell about 3 m at 18:05", "She slipped getting out of bed at ten to seven this morning", "sudden right lower
    /// abdo pain about 19:40": the time of the event that brought the crew, said after the patient's fall, slip,
    /// collapse, bite, sting or injury ("had a fit", "came off his motorbike"; or a pain that came on suddenly) in
    /// the same sentence, before the crew speaks. Only:
    /// - the patient's event: no relative or other person in the three words before the verb ("his wife fell"), not
    ///   "fell asleep", "fell pregnant";
    /// - a time after "at", "about", "around" or "approximately" within twelve words, read as an onset is (24-hour, or
    ///   12-hour against the day's anchors), with no word of the crew's, the call or another event before it;
    /// - when no onset was read yet.
    /// After an event's time in its sentence: another day, or after the crew came (`matchEventOnset`).
    private static let notTheEventsDay = Lexicon.weekdays.union([
        "yesterday", "last", "ago", "before", "previous", "day", "days", "week", "weeks", "year", "years", "again",
        "ambulance", "we", "us", "crew", "during", "being", "night",
    ])

    private mutating func matchEventOnset(at i: Int) -> Int? {
        guard times.onset == nil else { return nil }
        let events: Set<String> = ["fell", "slipped", "tripped", "collapsed", "fainted", "crashed", "seized", "fitted",
                                   "struck", "thrown", "injured", "twisted", "hit", "bitten", "stung", "clashed"]
        var sudden = false
        // "She had one fit at home at 11:40", "he had a seizure at about 14:10": the event said as a noun after "had a",
        // "had one" (read from "had", the verb); "came off his motorbike … at 17:35".
        // Review 81: not "had a fit of rage", "had a fall alarm fitted", "came off the phone", "clashed with staff",
        // "stung by the remark".
        let hadAnEvent = keys[i] == "had" && ["a", "one", "another"].contains(key(i + 1) ?? "")
            && ["fit", "seizure", "fall", "collapse", "faint"].contains(key(i + 2) ?? "")
            && !["of", "alarm", "pendant", "sensor", "mat", "risk", "detector", "assessment"].contains(key(i + 3) ?? "")
        let mounts: Set<String> = ["motorbike", "motorcycle", "bike", "bicycle", "horse", "pony", "scooter", "moped",
                                   "quad", "ladder", "roof", "wall", "trampoline", "skateboard", "board", "surfboard"]
        let cameOff = keys[i] == "came" && key(i + 1) == "off"
            && (i + 2..<min(i + 5, tokens.count)).contains { mounts.contains(keys[$0]) }
        if keys[i] == "came" || keys[i] == "had", !hadAnEvent, !cameOff { return nil }
        if keys[i] == "clashed", key(i + 1) != "heads" { return nil }
        if ["stung", "bitten"].contains(keys[i]), key(i + 1) == "by",
           (i + 2..<min(i + 5, tokens.count)).contains(where: { Self.notCreatures.contains(keys[$0]) }) {
            return nil
        }
        if !events.contains(keys[i]), !hadAnEvent, !cameOff {
            // "sudden … pain about 19:40": a pain, with "sudden"/"suddenly" before it in its sentence.
            guard ["pain", "headache", "tightness", "weakness", "palpitations"].contains(keys[i]) else { return nil }
            var first = i
            while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
            guard (max(first, i - 6)..<i).contains(where: { ["sudden", "suddenly"].contains(keys[$0]) }) else { return nil }
            sudden = true
        }
        if ["asleep", "pregnant", "ill", "unwell", "behind", "out", "apart"].contains(key(i + 1) ?? "")
            || ["asleep", "with"].contains(key(i + 2) ?? "") || (keys[i] == "fitted" && ["was", "with"].contains(key(i - 1) ?? "")) {
            return nil
        }
        // Not before the crew was there ("On scene 14:05. Patient collapsed at 14:20"), nor negated or nearly
        // ("nearly collapsed", "denies he fainted").
        if times.onScene != nil || times.atPatient != nil { return nil }
        if (max(0, i - 3)..<i).contains(where: { ["nearly", "almost", "didn't", "denies", "never", "not", "hasn't"].contains(keys[$0]) }) {
            return nil
        }
        // Only the patient as the subject, or none: the clause from its start (a comma or the sentence's start) to the
        // verb holds nothing but the patient's words ("Sam, 34, male, …, fell", "She slipped", "the patient
        // collapsed", "he was hit"); not "The tree fell", "Her dog was hit", "The engine seized", "Driver of the other
        // car was hit".
        if !sudden {
            var c = i - 1
            while c >= 0, !isSentenceEnd(c), !isPunct(c, ",") { c -= 1 }
            if !(c + 1..<i).allSatisfy({ Self.eventSubjectWords.contains(keys[$0]) || tokens[$0].isNumber
                                          || (tokens[$0].raw.first?.isUppercase == true && $0 > 0 && !isSentenceEnd($0 - 1)) }) {
                return nil
            }
        }
        // ("found collapsed at 18:30": when found, not when it happened.)
        if (max(0, i - 2)..<i).contains(where: { ["found", "discovered", "noticed"].contains(keys[$0]) }) { return nil }
        if ["hit", "struck", "thrown"].contains(keys[i]), !["was", "got", "been", "he's", "she's"].contains(key(i - 1) ?? "") {
            return nil
        }
        if (max(0, i - 3)..<i).contains(where: { k in
            isSentenceEnd(k) ? false : (Lexicon.thirdPartyGivers.contains(keys[k]) || Lexicon.relatives.contains(keys[k])
                                        || Lexicon.crewPronouns.contains(keys[k]) || ["they", "someone", "nobody"].contains(keys[k]))
        }) {
            return nil
        }
        let stop: Set<String> = ["we", "us", "our", "crew", "called", "call", "rang", "phoned", "999", "911", "111",
                                 "arrived", "scene", "found", "then", "later", "and", "since", "until", "after", "before",
                                 "yesterday", "ago", "last", "previous"]
        var j = i + 1
        while j < tokens.count, j < i + 13, !isSentenceEnd(j) {
            // (Not past a drug or a reading: "he collapsed adrenaline one milligram iv at fourteen ten".)
            if stop.contains(keys[j]) || startsVital(j) || longest(Lexicon.drugs, at: j) != nil { return nil }
            if ["at", "about", "around", "approximately"].contains(keys[j]) {
                var t = j + 1
                if ["about", "around", "approximately"].contains(key(t) ?? "") || isPunct(t, "~") { t += 1 }
                guard let c = clock(at: t, twelveHour: true, onset: true) else { j += 1; continue }
                // Not a height or a distance ("fell from about 1200 mm"), an address ("at 221 Baker Street"), nor
                // digits a 12-hour clock writes too that nothing placed in the day ("fell at about 10:30" after a call
                // at 03:00 may be 22:30).
                if let next = key(c.end), ["mm", "cm", "m", "metres", "meters", "feet", "ft", "foot", "inches", "miles",
                                           "yards", "street", "road", "lane", "avenue", "close", "drive", "way"].contains(next) {
                    return nil
                }
                if tokens[t].isNumber, !tokens[t].text.hasPrefix("0"), let h = Int(tokens[t].text.count <= 2 ? tokens[t].text
                                                                                   : String(tokens[t].text.dropLast(2))),
                   (1...12).contains(h), Int(c.time.prefix(2)) == h,
                   !["am", "pm"].contains(key(c.end - 1) ?? ""), longest(Lexicon.partsOfDay, at: c.end) == nil {
                    return nil
                }
                // Only a time that ends its phrase ("at 14:00 kick-off" names something else), in a sentence that
                // speaks of no other day and of nothing after the crew came ("collapsed at 14:00 yesterday", "seized
                // in the back of the ambulance at 15:10", "fell again at 15:20").
                guard c.end >= tokens.count || tokens[c.end].kind == .punctuation || longest(Lexicon.partsOfDay, at: c.end) != nil
                        || ["and", "while", "on", "in", "when", "today", "this", "getting", "going", "trying"].contains(keys[c.end]) else {
                    return nil
                }
                var sentenceEnd = i
                while sentenceEnd < tokens.count, !isSentenceEnd(sentenceEnd) { sentenceEnd += 1 }
                if (c.end..<sentenceEnd).contains(where: { Self.notTheEventsDay.contains(keys[$0]) }) { return nil }
                // (Nor another day before the time: "had a fall on Friday at 14:00", review 81; "on a Friday night
                // out" is today.)
                if (i..<c.end).contains(where: { ["again", "ambulance", "we", "us", "crew"].contains(keys[$0]) })
                    || (i..<j).contains(where: { ["yesterday", "last", "ago", "previous"].contains(keys[$0])
                        || (Lexicon.weekdays.contains(keys[$0]) && key($0 - 1) != "a") }) { return nil }
                times.onset = c.time
                onsetFromEvent = true
                addEvidence("times.onset", scalarSpan(i, c.end))
                return c.end
            }
            j += 1
        }
        return nil
    }

    /// The patient's words: all that may stand before the verb of an event in its clause (`matchEventOnset`,
    /// `readStoryOnset`): "Sam, 34, male, …, fell", "She slipped", "the patient collapsed", "he was hit".
    static let eventSubjectWords: Set<String> = [
        "he", "she", "patient", "pt", "the", "our", "was", "had", "has", "been", "got", "then", "just", "suddenly", "also",
        "and", "who", "he's", "she's", "he'd", "she'd", "apparently", "reportedly", "male", "female", "man", "woman",
        "lady", "gentleman", "boy", "girl", "casualty",
    ]

    /// What stings or bites no one's body (`matchEventOnset`: "stung by the remark"; "bitten by an edder", an
    /// engine's adder, is a bite).
    static let notCreatures: Set<String> = [
        "remark", "remarks", "comment", "comments", "news", "criticism", "words", "loss", "price", "bill", "bug",
        "joke", "reply", "decision",
    ]

    /// An onset read from an event (`matchEventOnset`) that comes after the crew's arrival is not when the complaint
    /// began ("He had a fit at 14:40. Crew arrived 14:30": a second fit in front of the crew; review 81). Removed
    /// after the scan, when it is 1 minute to 3 hours after the time on scene (or at the patient); further on, the
    /// arrival is more likely a twelve-hour time read in the wrong half of the day ("She fell this evening at about
    /// 1930. On scene at 1040").
    mutating func dropEventOnsetAfterArrival() {
        guard onsetFromEvent, let onset = times.onset.flatMap(Self.minutes),
              let arrival = (times.onScene ?? times.atPatient).flatMap(Self.minutes),
              (1...180).contains(((onset - arrival) % 1440 + 1440) % 1440) else { return }
        times.onset = nil
        evidence.removeAll { $0.path == "times.onset" }
    }

    /// The words of a complaint that can be said to start: what "started at", "began at" need before them.
    static let complaintWords: Set<String> = [
        "pain", "pains", "symptoms", "symptom", "headache", "palpitations", "bleeding", "bleed", "seizure", "seizures",
        "fitting", "fit", "vomiting", "wheeze", "wheezing", "breathlessness", "sob", "contractions", "labour", "labor",
        "tightness", "weakness", "numbness", "dizziness", "confusion", "rash", "swelling", "fever", "rigors", "cough",
        "coughing", "diarrhoea", "diarrhea", "nausea", "itching", "tingling", "problems", "trouble", "episode",
        "discomfort", "ache", "cramps", "cramping", "shaking", "sweating", "slurring", "drooping", "haematemesis",
        "hematemesis", "epistaxis", "nosebleed", "spinning", "vertigo", "rigor", "rigour", "rigours",
        "speech", "slurred", "vision", "cp", "sob", "dib", "soboe", "dizzy", "breathless", "unwell", "attack",
        "attacks", "breath", "breathing", "shortness", "asthma", "angina", "migraine", "panic", "exacerbation",
    ]

    /// Treatments and care that can be said to start: what started is no complaint when one of these is said with
    /// it ("Oxygen for the breathlessness started 14:10", "Pain management started 14:10", "The GTN spray, it
    /// started 18:45").
    private static let careWords: Set<String> = [
        "oxygen", "o2", "fluids", "fluid", "infusion", "drip", "management", "relief", "control", "treatment",
        "therapy", "analgesia", "cpap", "niv", "bipap", "neb", "nebuliser", "nebulizer", "spray", "cpr", "compressions",
        "ventilation", "bagging", "pacing", "cooling", "warming", "irrigation", "iv", "line", "cannula", "drugs",
        "medication", "medications", "meds", "tablets", "shift", "work", "school", "match", "game", "party",
        "argument", "fight", "fire", "someone", "rescue",
    ]

    /// How what started is said, before "started" or "began" at `i`: the complaint (`complaint`), someone or something
    /// else (`other`), or only "he", "she", "the patient" (`person`), whose complaint must then be named after the
    /// time ("He started at 14:10 with chest pain").
    enum StartedSubject { case complaint, other, person }

    /// "The pain started at 14:30", "Palpitations started 18:45", "Patient's headache started at 19:00", "It started
    /// suddenly at about half past two", and "Started at 14:30, central chest pain": what started, in the words of its
    /// clause before "started" (at most six, after a "says"/"states"; a label before a colon counts: "CPR: started
    /// 14:02"), is the complaint or "it"/"this"/"that"/"they", or nothing was said. Not a treatment, the crew or
    /// anyone else ("Bystander CPR started at 14:02", "We started at 14:10", "Infusion started at 13:40", "Her shift
    /// started at 06:00"), nor someone else's complaint ("his wife's pain"; the patient's is the patient's). "It"
    /// after care in its sentence is the care ("The GTN spray, it started 18:45").
    private func startedSubject(before i: Int) -> StartedSubject {
        var first = i
        while first > 0, i - first < 6, !isSentenceEnd(first - 1), !isPunct(first - 1, ","), !isPunct(first - 1, ";") {
            first -= 1
        }
        // ("Her daughter says the confusion started at about 12:30": what started comes after the one who tells it.)
        if let told = (first..<i).last(where: { ["says", "said", "reckons", "thinks", "reports", "reported", "states",
                                                 "stated", "told", "tells", "per"].contains(keys[$0]) }) {
            first = told + 1
        }
        let words = (first..<i).filter { !isPunct($0, ":") && !isPunct($0, "-") }
        // ("Magnesium sulphate four grams IV over fifteen minutes, started at oh five twenty-two": a clause that says
        // no subject after a dose in its sentence is that dose's start; HeldOut21. Review 87: not after a medicine of
        // the patient's ("Takes ramipril and aspirin, started at 14:00 with central chest pain"), nor with a complaint
        // said after it.)
        if words.allSatisfy({ ["and", "then", "was", "were"].contains(keys[$0]) }), first > 0, isPunct(first - 1, ",") {
            var s = first - 1
            while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
            var e = i
            while e < tokens.count, !isSentenceEnd(e) { e += 1 }
            let dose = (s..<first).contains { k in
                k > s && numbers.parse(at: k - 1) != nil && Lexicon.doseUnits.candidates(keys[k]).contains { $0.0.count == 1 }
            }
            if dose, (s..<first).contains(where: { longest(Lexicon.drugs, at: $0) != nil }),
               !(i..<e).contains(where: { Self.complaintWords.contains(keys[$0]) }) {
                return .other
            }
        }
        if words.isEmpty { return .complaint }
        // The complaint straight before "started" heads what started, whatever came before it in unpunctuated
        // engine text ("… paracetamol at eight thirty the pain started at nine fifteen"); not "for the pain", "of
        // pain" ("Morphine for the pain started at 14:10").
        // ("His wife's pain started at 14:00" is hers.)
        let patientsOwn: Set<String> = ["patient's", "pt's", "casualty's", "patients'", "today's", "tonight's",
                                        "yesterday's"]
        func isSomeoneElse(_ k: Int) -> Bool {
            Lexicon.crewPronouns.contains(keys[k]) || Lexicon.relatives.contains(keys[k])
                || Lexicon.thirdPartyGivers.contains(keys[k])
                || (tokens[k].text.hasSuffix("'s") && !["it's", "he's", "she's", "that's"].contains(tokens[k].text)
                    && !patientsOwn.contains(tokens[k].text)
                    && !(k > 0 && ["mr", "mrs", "ms", "miss", "mx"].contains(keys[k - 1])))
        }
        if i >= 1, Self.complaintWords.contains(keys[i - 1]), !tokens[i - 1].text.hasSuffix("'s"),
           !(max(0, i - 4)..<(i - 1)).contains(where: { ["for", "of"].contains(keys[$0]) || isSomeoneElse($0) }) {
            return .complaint
        }
        if words.contains(where: { k in
            isSomeoneElse(k) || Self.careWords.contains(keys[k]) || longest(Lexicon.drugs, at: k) != nil
        }) {
            return .other
        }
        if words.contains(where: { Self.complaintWords.contains(keys[$0]) }) { return .complaint }
        if ["it", "this", "that", "all", "they", "these"].contains(keys[i - 1]) {
            // ("The GTN spray, it started 18:45": the sentence's care before the pronoun.)
            var s = i - 1
            while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
            let care = (s..<(i - 1)).contains { Self.careWords.contains(keys[$0]) || longest(Lexicon.drugs, at: $0) != nil }
            return care ? .other : .complaint
        }
        if words.allSatisfy({ ["he", "she", "patient", "pt", "the", "casualty"].contains(keys[$0]) }) { return .person }
        return .other
    }

    /// The time after "started" at `i` (read at `j..<c.end`) is the complaint's onset:
    /// - no unit, number or "over" follows: it is no quantity ("Pain: started 1000mg paracetamol at home" is a
    ///   dose);
    /// - after a bare "started", no year ("Her seizures started 2015, now on Keppra", "started twenty nineteen")
    ///   unless "hrs", "hours", "tonight" or "today" says it is a time;
    /// - nothing in its sentence puts it after the crew came ("Vomiting started 10:40 in the ambulance", "during
    ///   transport", "en route"), and it is not after an arrival time already read;
    /// - after only "he", "she", "the patient", the complaint is named within five words after the time ("He
    ///   started at 14:10 with chest pain", "She started at 07:00 to feel dizzy").
    private func startedTimeFits(_ c: (time: String, end: Int), clockAt j: Int, bare: Bool, subject: StartedSubject,
                                 at i: Int) -> Bool {
        let next = key(c.end) ?? ""
        // ("Pain started at 1315 1pm": digits that carry the pm.)
        let pm = ["am", "pm"].contains(key(c.end + 1) ?? "")
        let isQuantity = c.end < tokens.count && ((tokens[c.end].isNumber && !pm) || isPunct(c.end, "/") || isPunct(c.end, "%")
            || Lexicon.doseUnits.candidates(next).contains { $0.0.count == 1 } || Lexicon.doseUnitsWords.contains(next)
            || ["minutes", "mins", "min", "seconds", "secs", "metres", "meters", "m", "feet", "ft", "miles", "km", "kg",
                "over", "percent", "times", "x"].contains(next))
        guard !isQuantity else { return false }
        if bare {
            let written = tokens[j].isNumber && tokens[j].text.count == 4 ? Int(tokens[j].text) : nil
            let spokenYear = !tokens[j].isNumber && ["nineteen", "twenty"].contains(keys[j])
                && numbers.parse(at: j).map { $0.form == .clock } ?? false
            let year = written.map { (1900...2099).contains($0) } ?? spokenYear
            if year, !["hrs", "hours", "tonight", "today"].contains(next) { return false }
        }
        var s = i
        while s > 0, !isSentenceEnd(s - 1) { s -= 1 }
        var e = c.end
        while e < tokens.count, !isSentenceEnd(e) { e += 1 }
        let transport: Set<String> = ["ambulance", "transport", "transit", "route", "truck", "rig", "vehicle", "journey"]
        if (s..<e).contains(where: { transport.contains(keys[$0]) }) { return false }
        if let said = times.onScene ?? times.atPatient, let arrival = Self.minutes(said), let t = Self.minutes(c.time),
           (1...720).contains(((t - arrival) % 1440 + 1440) % 1440) {
            return false
        }
        if subject == .person {
            return (c.end..<min(e, c.end + 6)).contains { Self.complaintWords.contains(keys[$0]) }
        }
        return true
    }

    /// "When did it start? Twelve-forty, she was on the rowing machine": the answer to a question about when the
    /// complaint started opens with its time. Only a question of at most eight words ending in "start", "begin" or
    /// "come on" whose subject is the complaint ("it", "the pain", "the seizure"), and a clock time as the answer's
    /// first words (past a "Medic:" label) with no other day or doubt in the rest of the answer.
    private mutating func matchOnsetAnswer(at i: Int) -> Int? {
        guard keys[i] == "when", key(i + 1) == "did", times.onset == nil else { return nil }
        var q = i + 2
        while q < tokens.count, q < i + 9, !isSentenceEnd(q) { q += 1 }
        guard isPunct(q, "?"), ["start", "begin", "started", "began"].contains(key(q - 1) ?? "")
                || (key(q - 1) == "on" && key(q - 2) == "come") else { return nil }
        // The complaint, not a treatment, another episode or someone else's ("When did CPR start?", "When did the
        // second one start?", "When did the wife's chest pain start?").
        let subject: Set<String> = ["it", "this", "all", "the", "his", "her", "pain", "symptoms", "headache", "chest",
                                    "breathlessness", "shortness", "of", "breath", "bleeding", "swelling", "vomiting",
                                    "rash", "weakness", "palpitations", "dizziness", "confusion", "come", "on", "start",
                                    "begin", "started", "began", "seizure", "fitting", "nausea", "in", "arm", "leg",
                                    "back", "abdominal", "stomach", "belly", "head", "neck", "cough", "fever"]
        guard (i + 2..<q).allSatisfy({ subject.contains(keys[$0]) && !tokens[$0].text.hasSuffix("'s") }) else { return nil }
        var a = q + 1
        // A speaker's label ("Medic:", "EMT:").
        if a + 1 < tokens.count, tokens[a].isWord, isPunct(a + 1, ":") { a += 2 }
        if ["about", "around", "at", "approximately", "roughly"].contains(key(a) ?? "") { a += 1 }
        guard let c = clock(at: a, twelveHour: true, onset: true) else { return nil }
        // Today's time only, and said for certain: nothing in the rest of the answer names another day or doubts it
        // ("12:40 yesterday", "12:40, two days ago", "12:40 the night before", "14:10 on Monday", "the 3rd",
        // "12:40? Or 13:40?"); "12:40 on exertion" is today's.
        var d = c.end
        while d < tokens.count, !isSentenceEnd(d) { d += 1 }
        let otherDay: Set<String> = ["yesterday", "last", "ago", "days", "day", "week", "weeks", "before", "previous",
                                     "or", "maybe", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                     "sunday", "tonight", "st", "nd", "rd", "th"]
        if isPunct(d, "?") || (c.end..<d).contains(where: { otherDay.contains(keys[$0])
            || (tokens[$0].text.count > 2 && ["st", "nd", "rd", "th"].contains(String(tokens[$0].text.suffix(2)))
                && tokens[$0].text.first?.isNumber == true) }) {
            return nil
        }
        times.onset = c.time
        addEvidence("times.onset", scalarSpan(a, c.end), nemsis: nil)
        return c.end
    }

    /// Whether "from about" + the time at `j..<end` is the onset: "From about ten past nine this evening she's been
    /// spitting blood", "pain from about 14:30". Of a symptom (see below), and a time said as a clock ("14:30",
    /// "1430") or with a mark of the twelve-hour clock or the part of the day ("four fifteen p.m.", "ten past nine
    /// this evening"). Not:
    /// - a bare number, which after "from about" is mostly a reading or a distance ("HR from about 150 down to 100",
    ///   "from about 100 yards"), nor a year ("on warfarin from about 2019");
    /// - a span ("from about 14:30 to 15:00", "from about 14:30, until 15:00", "through to");
    /// - a journey ("transferred from about 14:30", "walked from about…").
    private func isOnsetFrom(_ i: Int, clockAt j: Int, end: Int) -> Bool {
        // Of a symptom: a word of one just before "from", or the story of one going on after the time ("…this
        // evening she's been spitting fresh blood", "…p.m. he's had a pounding headache"). Not "nil by mouth from about
        // 06:00", "pain free from about 15:10", "On oxygen from about 16:20", "waiting for us from about 13:15".
        let symptom = ["pain", "pains", "bleeding", "headache", "headaches", "vomiting", "symptoms", "confused",
                       "breathless", "unwell", "breath", "dizzy", "dizziness", "palpitations", "weakness", "numbness", "sob",
                       "nausea", "fitting", "seizures", "tightness", "blood", "swelling", "faint", "epistaxis", "unresponsive",
                       "speech", "drowsy", "collapsed", "nosebleed", "rigors", "fever", "temperature", "exacerbation",
                       "cough", "wheeze", "wheezy", "rash", "itching", "diarrhoea", "diarrhea"]
            .contains(key(i - 1) ?? "")
        // (The story straight after the time: "…this evening she's been spitting fresh blood".)
        var a = end
        while a < tokens.count, tokens[a].kind == .punctuation || ["this", "morning", "afternoon", "evening", "tonight"].contains(keys[a]) { a += 1 }
        // (A symptom within four words of it: "she's been spitting fresh blood", "he's had a pounding headache" —
        // not "he's had about eight pints", "she's been stable", "she's been fine until she collapsed".)
        let story = a < tokens.count && ["he's", "she's", "they've"].contains(tokens[a].text)
            && (a + 1..<min(tokens.count, a + 5)).contains { k in
                ["headache", "headaches", "pain", "pains", "bleeding", "blood", "spitting", "vomiting", "vomited",
                 "breathless", "dizzy", "palpitations", "confused", "coughing", "seizures", "fitting", "numb",
                 "weakness", "drowsy", "worse", "unwell", "sick"].contains(keys[k])
            }
        // Not a state or a wait: "nil by mouth", "pain free", "on oxygen", "waiting", "in the department", "drinking".
        var first = i
        while first > 0, !isSentenceEnd(first - 1) { first -= 1 }
        let state = (first..<i).contains { q in
            ["nil", "free", "oxygen", "waiting", "department", "centre", "center", "drinking", "fasting", "ward", "work"]
                .contains(keys[q])
        }
        if state || !(symptom || story) { return false }
        if ["transferred", "walked", "came", "driven", "drove", "moved", "travelled", "traveled", "brought",
            "discharged", "away", "here", "there", "home"].contains(key(i - 1) ?? "") {
            return false
        }
        let colon = (j..<end).contains { isPunct($0, ":") }
        let marked = (j..<end).contains { k in
            ["am", "pm", "noon", "midnight", "o'clock", "half", "quarter", "past"].contains(keys[k])
        } || longest(Lexicon.partsOfDay, at: end) != nil || ["am", "pm"].contains(key(end) ?? "")
        let written = end == j + 1 && tokens[j].isNumber && tokens[j].text.count == 4 ? Int(tokens[j].text) : nil
        let clockDigits = written.map { !(1950...2024).contains($0) } ?? false
        guard colon || marked || clockDigits else { return false }
        var k = end
        var looked = 0
        while k < tokens.count, looked < 4, !isSentenceEnd(k) {
            if ["to", "until", "till", "til", "through", "thru", "-"].contains(keys[k]) || isPunct(k, "-") { return false }
            if !(tokens[k].kind == .punctuation || ["ish", "or", "so", "about", "approximately", "roughly"].contains(keys[k])) {
                break
            }
            k += 1
            looked += 1
        }
        return true
    }

    /// "onset of central crushing chest pain at oh six forty", "sudden onset palpitations at sixteen ten", "came on at
    /// rest at eleven forty": the symptom is named between the onset words and "at" + a clock time. Only words may
    /// come between, within the clause (no comma or sentence end, at most 10 words): no number, and nothing that
    /// begins another part of the handover (a drug, a vital, another time, "given", "obs", a new set), no "unknown",
    /// "found", "seen" and no day ("since yesterday at 14:00" is not today's 14:00). A bare three-digit number is
    /// no time here ("palpitations in AF at 140").
    private func onsetClockAhead(from start: Int) -> (time: String, end: Int)? {
        var k = start
        while k < tokens.count, k < start + 10, !isSentenceEnd(k), !isPunct(k, ",") {
            if ["at", "around", "about", "approximately"].contains(keys[k]) {
                var t = k + 1
                if ["about", "around", "approximately", "roughly"].contains(key(t) ?? "") { t += 1 }
                if t < tokens.count, tokens[t].isNumber, tokens[t].text.count == 3 { return nil }
                if let c = clock(at: t, twelveHour: true, onset: true) { return c }
            }
            if tokens[k].isNumber || numbers.parse(at: k) != nil || Lexicon.onsetLookaheadStops.contains(keys[k]) || endsCapture(k)
                || longest(Lexicon.setMarkers, at: k) != nil {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// Only the shapes engines produce: a digit hyphen-glued onto a written time ("13-14-9"), or a digit word after
    /// a time spoken in words that is not followed by what makes it a reading of its own ("eight out of ten",
    /// "nine/10", "1hr ago"). Clean text such as "since 0900 8/10" keeps its time.
    private func isGarbledTail(clockStart: Int, end: Int) -> Bool {
        func loneDigit(_ k: Int) -> Bool {
            guard let n = numbers.parse(at: k), n.end == k + 1, let v = n.intValue else { return false }
            return (1...9).contains(v)
        }
        if isPunct(end, "-"), end + 1 < tokens.count, tokens[end + 1].isNumber, tokens[end + 1].text.count == 1,
           tokens[end].start == tokens[end - 1].end, tokens[end + 1].start == tokens[end].end {
            return true
        }
        // "Left Scene 420 2pm" (Whisper's 4:22 p.m.): digits, then more digits that carry the "pm". The time was
        // split, and the first part alone is a morning time never said.
        if tokens[clockStart].isNumber, end < tokens.count, tokens[end].isNumber, ["am", "pm"].contains(key(end + 1) ?? ""),
           let d = Int(tokens[end].text) {
            // ("At scene 1532 3pm": the 24-hour time and the hour with its pm agree, so nothing was split.)
            let hour = Int(tokens[clockStart].text).map { tokens[clockStart].text.count >= 3 ? $0 / 100 : $0 } ?? -1
            let agrees = key(end + 1) == "pm" ? hour == d + 12 || (d == 12 && hour == 12) : hour == d % 12
            return !agrees
        }
        // "we got to the green at ten fifty for ten fifty eight" (PocketSphinx's "ten fifty-four. Ten fifty-eight"): a
        // time spoken in words that ends in a tens word, then "for" and the next time said from the same hour, lost
        // its last digit to the "for". Not "at ten fifty for two casualties", "at ten twenty for ten minutes", "at
        // four forty for the burns" (review 89), "left scene at ten fifty for eleven oh five at hospital" (review 90).
        let hours = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                     "twenty-one", "twenty-two", "twenty-three"]
        if !tokens[clockStart].isNumber, ["twenty", "thirty", "forty", "fifty"].contains(key(end - 1) ?? ""),
           key(end) == "for", hours.contains(keys[clockStart]), key(end + 1) == keys[clockStart],
           let n = numbers.parse(at: end + 1), n.end > end + 2,
           !["minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr", "seconds", "secs", "days", "day", "weeks",
             "months", "years", "doses", "goes", "times", "patients", "casualties"].contains(key(n.end) ?? "") {
            return true
        }
        // Not after "fourteen hundred (hours)": a whole time, and "two crews" may follow.
        guard !tokens[clockStart].isNumber, end < tokens.count, tokens[end].isWord, loneDigit(end),
              !["am", "pm", "hundred", "hours", "hrs"].contains(key(end - 1) ?? "") else { return false }
        let after = key(end + 1) ?? ""
        if ["out", "/", "over", "am", "pm", "minutes", "mins", "days", "weeks"].contains(after)
            || doseUnit(at: end + 1) != nil {
            return false
        }
        // "thirteen fourteen nine hours" is the garbled time said the UK way; "… nine hours ago" is a duration.
        if ["hours", "hour", "hrs", "hr"].contains(after) {
            return !["ago", "later", "before", "after", "earlier"].contains(key(end + 2) ?? "")
        }
        return true
    }
}
