/// The words the extractor listens for. Phrases are token sequences (lowercased, "'s" dropped, hyphens ignored).
enum Lexicon {
    enum VitalKind: Sendable, Equatable {
        case bp, systolic, hr, rr, spo2, temp, gcs, gcsEye, gcsVerbal, gcsMotor, glucose, glucometer, etco2, pain
    }

    static let vitals = PhraseTable<VitalKind>({
        var t: [([String], VitalKind)] = []
        func add(_ kind: VitalKind, _ phrases: String...) {
            for p in phrases { t.append((p.split(separator: " ").map(String.init), kind)) }
        }
        add(.bp, "bp", "b p", "blood pressure", "pressure", "bee pee", "p")
        add(.systolic, "systolic", "systolic pressure", "systolic bp", "systolic blood pressure")
        add(.hr, "pulse", "pulse rate", "heart rate", "hr", "tachy at", "tachycardic at", "tachy", "tachycardic",
            "brady at", "bradycardic at", "bradycardic", "pulses")
        add(.rr, "resps", "resp", "resp rate", "respiratory rate", "respirations", "respiration rate", "respiration",
            "rr", "breathing", "breathing rate", "breathing at", "breasts", "respiratory", "resps rate",
            // Whisper's spellings of "resps" and "resp rate" (not English words, so nothing else to confuse).
            "risps", "risp", "respirate", "rhysp", "rhysps", "rips")
        add(.hr, "tachycardia at", "bradycardia at", "piles", "pils")
        add(.systolic, "cystolic")
        add(.temp, "tem")
        add(.etco2, "end title", "and title")
        add(.spo2, "sats", "sat", "saturations", "saturation", "spo 2", "sp o 2", "spo two", "s p o 2", "s p o two",
            "o 2 sats", "o 2 saturation", "o 2 saturations", "oxygen saturation", "oxygen saturations", "oxygen sats",
            "pulse ox", "pulse oximetry", "pulse oximeter", "saturating", "satting", "sating", "cents", "stats", "spo")
        add(.temp, "temp", "temperature", "temps", "tympanic temp", "tympanic temperature", "tympanic",
            "ear thermometer", "tympanic thermometer", "oral thermometer", "forehead thermometer")
        add(.gcs, "gcs", "g c s", "j c s", "glasgow coma scale", "glasgow coma score", "glasgow")
        add(.gcsEye, "eyes", "eye opening")
        add(.gcsVerbal, "verbal")
        add(.gcsMotor, "motor")
        add(.glucose, "bgl", "b g l", "blood glucose", "glucose", "blood sugar", "blood sugars", "sugar", "sugars",
            "bm", "b m", "cbg", "c b g", "blood glucose level", "glucose level", "bsl", "b s l", "fingerstick",
            "finger stick", "cbg of", "hgt", "h g t")   // HGT: haemoglucotest, South African crews
        add(.glucometer, "glucometer", "glucometer reads", "glucometer reading")
        add(.etco2, "end tidal", "end tidal co 2", "end tidal co two", "end tidal c o 2", "end tidal c o two",
            "end tidal carbon dioxide", "etco 2", "et co 2", "e t c o 2", "e t c o two", "capnography", "etco")
        add(.pain, "pain", "pain score", "pain scale", "pain level", "pain score of")
        return t
    }())

    /// Vital names that are also English words, as engines write "pulse", "resps" and "end tidal" ("Piles 122",
    /// "rips 32", "and title 35"): read only with digits straight after them. Not "wrist" for resps: "radial pulse
    /// at the wrist 60" would become a respiratory rate.
    static let soundAlikeVitalNames: Set<String> = ["piles", "pils", "rips", "end title", "and title"]

    /// Words with which a crew corrects the number just said ("one ten, sorry, one hundred").
    static let corrections = PhraseTable<Bool>([
        ["sorry"], ["no", "wait"], ["no", ",", "wait"], ["correction"], ["scratch", "that"], ["or", "rather"],
        ["no", "sorry"], ["no", ",", "sorry"], ["actually"], ["actually", "no"], ["actually", ",", "no"],
        ["no", ",", "actually"], ["no", "actually"], ["no", "hang", "on"], ["no", ",", "hang", "on"], ["hang", "on"],
        ["my", "mistake"], ["my", "bad"], ["i", "misread", "that"], ["i", "misspoke"],
        ["uh"], ["um"], ["erm"], ["uhm"],
        // "pulse ninety-two, I mean eighty-two" (as cautious as "actually": a number of the same shape only).
        [",", "i", "mean"], [",", "i", "meant"], [".", "i", "mean"], [".", "i", "meant"],
        // A reading checked as a question and corrected: "BP one-fifty over ninety? No, one-forty over ninety."
        ["?", "no", ","], ["?", "no"],
        // "on scene at oh four fifty, no, oh five fifteen": as cautious as a checked reading.
        [",", "no", ","],
        // "pulse ninety-eight, naw, sorry, eighty-eight" (Glasgow; HeldOut24), "nah, sorry".
        ["naw", "sorry"], ["naw", ",", "sorry"], ["nah", "sorry"], ["nah", ",", "sorry"], ["naw", ",", "wait"],
        ["nah", ",", "wait"],
    ])
    /// A false start: "resps twenty, uh, twenty-two". Corrects like a bare "actually" (after a comma, only a number
    /// of the same shape), so "pulse ninety, uh, sats ninety-four" loses nothing. Not "er" ("HR 110, ER 98").
    static let falseStarts: Set<String> = ["uh", "um", "erm", "uhm"]
    /// Words between a correction's marker and the new number: "sorry, I mean 5 mg", "no wait, make that 88".
    static let correctionLeadIns = PhraseTable<Bool>([
        ["i", "mean"], ["i", "meant"], ["make", "that"], ["that", "should", "be"], ["should", "be"],
        ["i", "misread", "that"], ["i", "misread"], ["i", "misspoke"], ["my", "mistake"],
    ])
    /// Lead-ins that also start other sentences: only after "sorry"/"no wait", and only for a same-shape correction.
    static let weakCorrectionLeadIns = PhraseTable<Bool>([["it's"], ["it", "was"], ["that's"], ["it", "is"]])

    /// Words that may sit between a vital's name and its number.
    static let fillers: Set<String> = [
        "sitting", "steady", "hovering", "holding",
        "is", "was", "of", "at", "about", "around", "approximately", "approx", "roughly", "reading", "reads", "read",
        "now", "currently", "are", "were", "rate", "score", "level", "initially", "still", "measured", "recorded",
        "estimated", "only", "the", "his", "her", "their", "s", "its", "it", "be", "been", "a",
    ]
    /// Between a thermometer's name and its number only ("ear thermometer said 38.2"): after other vitals' names an
    /// engine's "says" may be a misheard "sats".
    static let temperatureFillers: Set<String> = ["said", "showed"]
    static let approximateWords: Set<String> = ["about", "around", "approximately", "approx", "roughly", "estimated"]
    /// The device a reading was taken on, said after it: "a hundred and four on the monitor".
    static let monitorPhrases: [[String]] = [
        ["on", "the", "monitor"], ["on", "the", "machine"], ["on", "the", "ecg"], ["on", "the", "screen"],
        ["on", "the", "defib"], ["on", "the", "lifepak"], ["on", "the", "zoll"], ["on", "the", "corpuls"],
        ["on", "our", "monitor"], ["on", "the", "dinamap"],
    ]

    /// Words after a number that show it is not the vital's reading ("pain for 2 hours", "fifteen kilos").
    /// After a reading in its sentence: the crew rejects it. Not "wrong" or "not right" alone ("nothing wrong with
    /// his chest", "not right in himself").
    static let disowningPhrases = PhraseTable<Bool>([
        ["ignore", "that"], ["ignore", "it"], ["ignore", "this"], ["disregard"], ["artefact"], ["artifact"],
        ["artefactual"], ["can't", "be", "right"], ["cannot", "be", "right"], ["couldn't", "be", "right"],
        ["not", "accurate"], ["inaccurate"], ["unreliable"], ["not", "reliable"], ["not", "a", "true", "reading"],
        ["false", "reading"], ["spurious"], ["not", "a", "real", "reading"],
    ])
    static let notAReading: Set<String> = [
        "hours", "hour", "hrs", "minutes", "mins", "days", "day", "weeks", "week", "years", "year", "ago",
        "months", "month", "kilos", "kg", "kilograms", "pounds", "lbs", "stone", "times", "cm", "centimetres",
        "centimeters", "inches", "inch", "gauge", "past", "yrs", "yr", "degrees", "degree",
    ]
    static let doseUnitsWords: Set<String> = [
        "litres", "liters", "litre", "liter", "milligrams", "milligram", "mg", "micrograms", "microgram", "mcg",
        "mls", "ml", "mils", "grams", "gram",
    ]

    static let continuations = PhraseTable<Bool>([
        ["up", "to"], ["improving", "to"], ["improved", "to"], ["improves", "to"], ["rising", "to"], ["rose", "to"],
        ["increasing", "to"], ["increased", "to"], ["coming", "up", "to"], ["came", "up", "to"], ["going", "up", "to"],
        ["then"], ["now"], ["down", "to"], ["dropped", "to"], ["dropping", "to"], ["fell", "to"], ["falling", "to"],
        ["came", "down", "to"], ["coming", "down", "to"], ["decreased", "to"], ["settled", "to"],
    ])
    /// Before a vital's name: what follows is a target or a setting, not a reading ("happy with sats down to 88",
    /// "keep his sats down to 88").
    static let targetWords: Set<String> = ["keep", "kept", "keeping", "happy", "accept", "accepting", "accepted",
                                           "target", "targets", "aim", "aiming", "tolerate", "tolerating"]

    // MARK: Oxygen context

    static let roomAir = PhraseTable<Bool>([["room", "air"], ["air"], ["ra"], ["r", "a"]])
    static let litres: Set<String> = ["litres", "liters", "litre", "liter", "l", "lpm", "lt", "ltrs"]
    static let devices = PhraseTable<String>([
        (["non", "rebreather"], "non-rebreather"), (["non", "rebreather", "mask"], "non-rebreather"),
        (["nonrebreather"], "non-rebreather"), (["nrb"], "non-rebreather"), (["nrbm"], "non-rebreather"),
        (["non", "re", "breather"], "non-rebreather"),
        (["nasal", "cannula"], "nasal cannula"), (["nasal", "cannulae"], "nasal cannula"),
        (["nasal", "prongs"], "nasal cannula"), (["nc"], "nasal cannula"), (["nasal", "specs"], "nasal cannula"),
        (["simple", "face", "mask"], "simple face mask"), (["face", "mask"], "simple face mask"),
        (["hudson", "mask"], "simple face mask"), (["hudson"], "simple face mask"), (["mask"], "simple face mask"),
        (["venturi"], "venturi mask"), (["venturi", "mask"], "venturi mask"),
        (["bvm"], "bag-valve-mask"), (["bag", "valve", "mask"], "bag-valve-mask"),
        (["high", "flow"], "high-flow"),
    ])
    static let oxygenWords = PhraseTable<Bool>([["oxygen"], ["o", "2"], ["o", "two"], ["supplemental", "oxygen"],
                                          ["supplementary", "oxygen"]])

    // MARK: Parts of the day

    enum PartOfDay: Sendable { case morning, afternoon, evening, night }

    /// After a 12-hour time, what makes it unambiguous (`HandoverScanner.twelveHourClock`).
    static let partsOfDay = PhraseTable<PartOfDay>([
        (["this", "morning"], .morning), (["in", "the", "morning"], .morning),
        (["this", "afternoon"], .afternoon), (["in", "the", "afternoon"], .afternoon),
        (["this", "evening"], .evening), (["in", "the", "evening"], .evening),
        (["tonight"], .night), (["at", "night"], .night), (["last", "night"], .night),
    ])

    // MARK: AVPU

    static let avpuPhrases = PhraseTable<String>([
        (["responds", "to", "voice"], "V"), (["responding", "to", "voice"], "V"), (["responsive", "to", "voice"], "V"),
        (["response", "to", "voice"], "V"), (["responds", "to", "verbal"], "V"), (["responsive", "to", "verbal"], "V"),
        (["responds", "to", "pain"], "P"), (["responding", "to", "pain"], "P"), (["responsive", "to", "pain"], "P"),
        (["response", "to", "pain"], "P"), (["responds", "to", "painful"], "P"), (["responsive", "to", "painful"], "P"),
        (["unresponsive"], "U"), (["unconscious"], "U"), (["no", "response"], "U"),
        (["alert"], "A"), (["alert", "and", "oriented"], "A"), (["alert", "and", "orientated"], "A"),
        (["a", "and", "o"], "A"), (["a", "&", "o"], "A"),
        (["new", "confusion"], "C"), (["newly", "confused"], "C"), (["new", "onset", "confusion"], "C"),
        (["acutely", "confused"], "C"),
    ])
    /// "alert" that is no AVPU level: "stroke alert", "medic alert bracelet", "he's got an alert card".
    static let alertNotAVPUBefore: Set<String> = [
        "stroke", "trauma", "sepsis", "stemi", "cardiac", "medic", "medical", "red", "code", "allergy", "priority",
        "hospital", "pre", "amber",
    ]
    static let alertNotAVPUAfter: Set<String> = [
        "card", "cards", "bracelet", "band", "wristband", "necklace", "tag", "pendant", "sticker", "call", "called",
        "message", "system", "alarm", "button",
    ]
    static let avpuLetters: [String: String] = [
        "a": "A", "alert": "A", "c": "C", "confused": "C", "confusion": "C", "v": "V", "voice": "V", "p": "P",
        "pain": "P", "u": "U", "unresponsive": "U",
    ]

    // MARK: Glucose units

    static let mmolUnits = PhraseTable<Bool>([["mmol"], ["mmol", "/", "l"], ["mmols"], ["millimoles"], ["millimole"],
                                        ["millimols"], ["millimolar"], ["mmol", "per", "litre"], ["millimoles", "per", "litre"],
                                        ["millimoles", "per", "liter"]])
    static let mgdlUnits = PhraseTable<Bool>([["mg", "/", "dl"], ["mgdl"], ["mg", "dl"], ["milligrams", "per", "decilitre"],
                                        ["milligrams", "per", "deciliter"], ["mg", "per", "dl"], ["milligrams"], ["mg"]])

    // MARK: Temperature units

    static let celsius = PhraseTable<Bool>([["celsius"], ["centigrade"], ["c"], ["°", "c"], ["degrees", "c"],
                                      ["degrees", "celsius"], ["degrees", "centigrade"], ["°"]])
    static let fahrenheit = PhraseTable<Bool>([["fahrenheit"], ["f"], ["°", "f"], ["degrees", "f"], ["degrees", "fahrenheit"]])

    // MARK: Medications

    static let drugs = PhraseTable<String>({
        var t: [([String], String)] = []
        func add(_ canonical: String, _ aliases: String...) {
            t.append((canonical.split(separator: " ").map(String.init), canonical))
            for a in aliases { t.append((a.split(separator: " ").map(String.init), canonical)) }
        }
        add("aspirin", "asa", "acetylsalicylic acid")
        add("nitroglycerin", "nitro", "nitroglycerine", "gtn", "g t n", "glyceryl trinitrate", "nitrostat")
        // Not "Oramorph": mostly the patient's own oral morphine, given at home before the crew came.
        add("morphine", "morphine sulfate", "morphine sulphate")
        add("fentanyl")
        add("epinephrine", "epi", "adrenaline", "adrenalin", "epipen", "epi pen")
        add("salbutamol", "albuterol", "ventolin")
        add("ipratropium", "atrovent", "ipratropium bromide")
        add("naloxone", "narcan")
        add("glucagon")
        add("dextrose", "d 50", "d 10", "d50", "d10", "glucose gel", "oral glucose")
        // "glucose 10%, 100 ml IV": the strength is part of the name, never a dose or a glucose reading.
        for name in ["glucose", "dextrose"] {
            for strength in ["10", "ten", "50", "fifty", "5", "five"] {
                add("dextrose", "\(name) \(strength) %", "\(name) \(strength) percent")
                // Strength first only for "dextrose": "ten percent glucose 5.4" may be a burn area running into a
                // reading in an engine transcript.
                if name == "dextrose" { add("dextrose", "\(strength) % dextrose", "\(strength) percent dextrose") }
            }
        }
        add("amiodarone", "amio", "cordarone")
        add("atropine")
        add("adenosine")
        add("midazolam", "buccolam", "epistatus", "hypnovel")
        add("diazepam")
        add("lorazepam")
        add("ketamine")
        add("paracetamol", "acetaminophen", "tylenol", "calpol", "panadol", "pamol")
        add("ibuprofen", "nurofen", "brufen", "advil", "motrin")
        add("methoxyflurane", "penthrox")
        add("nitrous oxide", "entonox")
        add("hydrocortisone")
        add("dexamethasone")
        add("prednisolone")
        add("prednisone")
        add("furosemide", "frusemide", "lasix")
        add("ondansetron", "zofran")
        add("metoclopramide", "maxolon", "reglan")
        add("tranexamic acid", "txa")
        add("ticagrelor")
        add("clopidogrel")
        add("heparin")
        add("magnesium sulfate", "magnesium sulphate", "magnesium")
        add("oxytocin", "syntocinon")
        add("ergometrine", "ergometrine maleate")
        add("syntometrine")
        add("misoprostol")
        add("carboprost", "hemabate")
        add("calcium chloride")
        add("calcium gluconate")
        add("sodium bicarbonate")
        add("metformin")
        add("insulin")
        add("gliclazide")
        add("warfarin", "coumadin")
        add("apixaban", "eliquis")
        add("rivaroxaban", "xarelto")
        add("dabigatran", "pradaxa")
        add("atorvastatin")
        add("simvastatin")
        add("rosuvastatin")
        add("ramipril")
        add("lisinopril")
        add("enalapril")
        add("perindopril")
        add("amlodipine")
        add("bisoprolol")
        add("metoprolol")
        add("atenolol")
        add("digoxin")
        add("levothyroxine", "thyroxine")
        add("omeprazole")
        add("lansoprazole")
        add("pantoprazole")
        add("sertraline")
        add("citalopram")
        add("fluoxetine")
        add("amitriptyline")
        add("tiotropium", "spiriva")
        add("allopurinol")
        add("tramadol")
        add("codeine")
        add("oxycodone")
        add("gabapentin")
        add("pregabalin")
        add("donepezil")
        add("levetiracetam", "keppra")
        add("sodium valproate", "valproate")
        add("lamotrigine")
        add("carbamazepine")
        add("phenytoin")
        add("spironolactone")
        add("bendroflumethiazide")
        add("hydrochlorothiazide")
        add("losartan")
        add("candesartan")
        add("isosorbide mononitrate")
        add("methotrexate")
        add("capecitabine")
        // "Allergy: PCN." (US charting).
        add("penicillin", "pcn")
        add("amoxicillin")
        // Antibiotics, and medicines seen on the held-out sets' drug histories and in crews' hands.
        add("co-amoxiclav", "co amoxiclav", "coamoxiclav", "augmentin")
        add("flucloxacillin", "fluclox")
        add("phenoxymethylpenicillin", "penicillin v")
        add("clarithromycin")
        add("azithromycin")
        add("erythromycin")
        add("clindamycin")
        add("trimethoprim")
        add("tetracycline")
        add("vancomycin")
        add("teicoplanin")
        add("co-trimoxazole", "co trimoxazole", "cotrimoxazole")
        add("carbocisteine")
        add("cetirizine")
        add("chlordiazepoxide")
        add("colchicine")
        add("estradiol", "oestradiol")
        add("fludrocortisone")
        add("latanoprost")
        add("oxybutynin")
        add("procyclidine")
        add("riluzole")
        add("sumatriptan")
        add("factor VIII", "factor eight", "factor 8", "factor viii")
        // With its strength said, the strength is part of the name ("NaCl 0.9% 180 ml IV bolus": the dose is 180 ml).
        add("sodium chloride 0.9%", "normal saline", "saline", "sodium chloride", "ns", "nacl", "sodium chloride 0.9 %",
            "nacl 0.9 %", "normal saline 0.9 %", "saline 0.9 %", "0.9 % saline", "0.9 % sodium chloride", "0.9 % nacl")
        // Given by crews (JRCALC, US protocols) and often on patients' lists; more names also keep the sound-alike
        // reading (SoundAlike) from taking an unlisted drug for a listed one.
        add("chlorphenamine", "chlorpheniramine", "piriton")
        add("benzylpenicillin", "benpen", "benzyl penicillin", "penicillin g")
        add("ceftriaxone", "rocephin")
        add("ketorolac", "toradol")
        add("diphenhydramine", "benadryl")
        add("methylprednisolone", "solu medrol")
        add("terbutaline")
        add("aminophylline")
        add("labetalol")
        add("hydralazine")
        add("cyclizine")
        add("prochlorperazine", "stemetil")
        add("hyoscine butylbromide", "buscopan")
        add("haloperidol")
        add("olanzapine")
        add("droperidol")
        add("etomidate")
        add("rocuronium")
        add("suxamethonium", "succinylcholine")
        add("propofol")
        add("lidocaine", "lignocaine")
        add("thiamine", "pabrinex")
        add("activated charcoal", "charcoal")
        add("beclometasone", "beclomethasone", "clenil", "qvar")
        add("budesonide", "pulmicort")
        add("fluticasone", "flixotide", "seretide", "advair")
        add("formoterol", "symbicort")
        add("salmeterol")
        add("montelukast", "singulair")
        add("theophylline")
        add("clobazam")
        add("clonazepam")
        add("zopiclone")
        add("mirtazapine")
        add("venlafaxine")
        add("quetiapine")
        add("risperidone")
        add("lithium")
        add("glipizide")
        add("glimepiride")
        add("sitagliptin")
        add("empagliflozin")
        add("dapagliflozin")
        add("tamsulosin")
        add("finasteride")
        add("diltiazem")
        add("verapamil")
        add("doxazosin")
        add("indapamide")
        add("nifedipine")
        add("propranolol")
        add("carvedilol")
        add("sotalol")
        add("flecainide")
        add("edoxaban", "lixiana")
        add("levomepromazine", "nozinan")
        add("prasugrel")
        add("nicorandil")
        add("methadone")
        add("buprenorphine", "subutex")
        add("lactulose")
        add("sevelamer")
        add("calcitriol")
        add("alfacalcidol")
        add("hydroxyurea", "hydroxycarbamide")
        add("isosorbide dinitrate")
        add("co-codamol", "co codamol", "cocodamol")
        add("naproxen")
        add("diclofenac", "voltarol")
        add("dihydrocodeine")
        add("co-careldopa", "co careldopa", "cocareldopa", "sinemet")
        add("co-beneldopa", "co beneldopa", "cobeneldopa", "madopar")
        add("levodopa")
        add("ropinirole")
        add("memantine")
        add("alendronic acid", "alendronate")
        add("folic acid")
        // (HeldOut13: laxatives, a myeloma drug and antivirals said in medicine lists.)
        add("senna", "senokot")
        add("bisacodyl")
        add("docusate")
        add("lenalidomide", "revlimid")
        add("thalidomide")
        add("aciclovir", "acyclovir", "zovirax")
        add("valaciclovir", "valacyclovir")
        add("pyridostigmine", "mestinon")
        add("ferrous sulfate", "ferrous sulphate")
        add("esomeprazole")
        add("bumetanide")
        add("torasemide", "torsemide")
        add("eplerenone")
        add("sacubitril valsartan", "entresto")
        add("valsartan")
        add("irbesartan")
        add("ezetimibe")
        add("pravastatin")
        add("hydroxychloroquine")
        add("azathioprine")
        add("tacrolimus")
        add("mycophenolate")
        add("baclofen")
        add("ondansetron odt")
        add("famotidine")
        // Word keys drop a final "'s" ("Hartmann's" is "hartmann"), so the apostrophe forms are spelt without it.
        add("hartmann's solution", "hartmann", "hartmann solution", "hartmanns", "ringer lactate", "lactated ringer",
            "ringers lactate", "lactated ringers")
        return t
    }())

    static let doseUnits = PhraseTable<String>([
        (["mg"], "mg"), (["milligram"], "mg"), (["milligrams"], "mg"), (["mgs"], "mg"), (["milligramme"], "mg"),
        (["milligrammes"], "mg"), (["mcg"], "mcg"), (["microgram"], "mcg"), (["micrograms"], "mcg"), (["mics"], "mcg"),
        (["micro", "grams"], "mcg"), (["ug"], "mcg"), (["µg"], "mcg"), (["mcgs"], "mcg"), (["g"], "g"), (["gram"], "g"),
        (["grams"], "g"), (["ml"], "ml"), (["mls"], "ml"), (["mils"], "ml"), (["mil"], "ml"), (["millilitres"], "ml"),
        (["milliliters"], "ml"), (["millilitre"], "ml"), (["milliliter"], "ml"), (["units"], "units"),
        (["unit"], "units"),
    ])

    /// Routes; "in" only counts when written "IN" (checked by the caller).
    static let routes = PhraseTable<String>([
        (["iv"], "IV"), (["i", "v"], "IV"), (["intravenous"], "IV"), (["intravenously"], "IV"),
        (["io"], "IO"), (["i", "o"], "IO"), (["intraosseous"], "IO"),
        (["im"], "IM"), (["i", "m"], "IM"), (["intramuscular"], "IM"), (["intramuscularly"], "IM"),
        (["sl"], "SL"), (["sublingual"], "SL"), (["sublingually"], "SL"), (["under", "the", "tongue"], "SL"),
        (["po"], "PO"), (["oral"], "PO"), (["orally"], "PO"), (["by", "mouth"], "PO"), (["chewed"], "PO"),
        (["odt"], "PO"),   // an orally disintegrating tablet ("Zofran 4 mg ODT")
        (["in"], "IN"), (["intranasal"], "IN"), (["intranasally"], "IN"), (["nasally"], "IN"),
        (["neb"], "NEB"), (["nebs"], "NEB"), (["nebulised"], "NEB"), (["nebulized"], "NEB"), (["nebuliser"], "NEB"),
        (["nebulizer"], "NEB"), (["via", "nebuliser"], "NEB"), (["via", "nebulizer"], "NEB"),
        (["sc"], "SC"), (["subcut"], "SC"), (["subcutaneous"], "SC"), (["subcutaneously"], "SC"),
        (["pr"], "PR"), (["rectal"], "PR"), (["rectally"], "PR"), (["inhaled"], "INH"),
    ])

    /// Long-term conditions read as past history with a cue word (`HandoverScanner.matchCondition`); 1 for the
    /// words that describe the patient by themselves ("asthmatic"). Word keys drop a final "'s" ("parkinson").
    static let conditions = PhraseTable<Int>({
        var t: [([String], Int)] = []
        for p in ["asthma", "copd", "emphysema", "af", "afib", "a fib", "a - fib", "atrial fibrillation", "angina",
                  "heart failure", "ccf", "chf", "congestive heart failure", "epilepsy", "diabetes", "type 1 diabetes",
                  "type 2 diabetes", "type one diabetes", "type two diabetes", "hypertension", "high blood pressure",
                  "dementia", "alzheimer", "alzheimers", "parkinson", "parkinsons", "ckd", "chronic kidney disease",
                  "kidney disease", "hypothyroidism", "osteoporosis", "gallstones", "kidney stones", "schizophrenia",
                  "ihd", "ischaemic heart disease", "ischemic heart disease", "multiple sclerosis", "sickle cell",
                  "cystic fibrosis", "cirrhosis", "high cholesterol", "varices", "oesophageal varices",
                  "esophageal varices", "liver disease", "renal failure", "kidney failure", "esrd", "cancer",
                  "prostate cancer", "breast cancer", "lung cancer", "bowel cancer", "colon cancer", "bladder cancer",
                  "ovarian cancer", "pancreatic cancer", "lymphoma", "leukaemia", "leukemia"] {
            t.append((p.split(separator: " ").map(String.init), 0))
        }
        for p in ["asthmatic", "diabetic", "epileptic"] { t.append(([p], 1)) }
        return t
    }())
    /// Words just before a condition that make it the patient's history ("known COPD", "with AF", "for AF").
    static let conditionCues: Set<String> = ["known", "with", "has", "have", "got", "for", "history", "background",
                                             "diagnosed", "suffers", "pmh"]
    /// Before "asthmatic", "diabetic", "epileptic": "known" or the patient ("she's asthmatic", "he is diabetic").
    static let conditionAdjectiveCues: Set<String> = ["known", "she", "he", "patient", "pt"]
    /// Words in a condition's sentence that deny it ("no known COPD", "not diabetic", "non-diabetic", "nil"); any
    /// word ending in "n't" too.
    static let conditionNegations: Set<String> = ["no", "not", "non", "denies", "denied", "nil", "without", "never",
                                                  "negative", "none"]
    /// Just before a condition: not the patient's history but a finding or a question now ("new AF", "?AF").
    static let conditionNotHistory: Set<String> = ["new", "query", "?", "possible", "suspected", "probable", "likely",
                                                   "consistent", "keeping", "ongoing", "acute", "fast", "rapid",
                                                   "now", "today", "tonight", "currently"]
    /// In a condition's clause before it: feared or investigated, not had ("worried he has cancer", "tested for").
    static let conditionDoubts: Set<String> = [
        "worried", "worries", "scared", "afraid", "fears", "feared", "concerned", "thinks", "think", "thought",
        "wonders", "wondering", "query", "tested", "testing", "tests", "investigated", "investigation",
        "investigations", "awaiting", "screening", "screened", "excluded", "exclude", "rule", "ruled", "suspected",
        "suspect", "possible", "possibly", "maybe", "whether", "if",
    ]
    /// Inside an item of a history list: a finding now, which ends the list ("history of copd now short of breath").
    static let presentNotHistory: Set<String> = ["new", "now", "today", "tonight", "currently", "presenting",
                                                 "presented", "this", "acute", "exacerbation", "worsening"]
    /// Opening an item of a history list, the same and a few more ("history of angina and worsening chest pain";
    /// "acute" except before a name of past illness: "history of acute MI").
    static let presentNotHistoryOpeners: Set<String> = presentNotHistory.union(["worsening", "ongoing", "acute",
                                                                                "acutely", "increasing"])
    static let acuteHistoryNames: Set<String> = ["mi", "myocardial", "coronary", "kidney", "renal", "pancreatitis",
                                                 "leukaemia", "leukemia", "stroke"]
    /// Within three words after a condition: now or suspected, not history ("AF today", "lymphoma suspected",
    /// "AF versus flutter", "bowel cancer is being ruled out").
    static let conditionNotHistoryAfter: Set<String> = [
        "now", "today", "tonight", "suspected", "query", "?", "versus", "vs", "ruled", "being", "likely", "possible",
        "probable", "exacerbation", "investigation", "investigations",
    ]
    /// Straight after a condition: a service or a test named after it ("cancer nurse", "bowel cancer screening").
    static let conditionServices: Set<String> = [
        "screening", "scare", "nurse", "nurses", "team", "teams", "centre", "center", "clinic", "referral", "test",
        "tests", "ward", "specialist", "charity", "service", "unit",
    ]
    /// Just after a condition: a rhythm seen now, not history ("AF on the monitor").
    static let rhythmStrips: Set<String> = ["monitor", "ecg", "strip"]
    /// Words between an onset phrase and a later time that stop the search (`HandoverScanner.onsetClockAhead`): the
    /// onset was not known, or the time is another day's.
    static let onsetLookaheadStops: Set<String> = [
        "unknown", "found", "seen", "yesterday", "last", "night", "ago", "day", "days", "week", "weeks", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "tonight",
        "today",
    ]
    /// After a fluid's name: a form patients take at home, not an infusion ("sodium chloride tablets", "saline nebs").
    static let nonInfusionForms: Set<String> = ["tablet", "tablets", "tab", "tabs", "neb", "nebs", "nebuliser",
                                                "nebulizer", "nebulised", "nebulized", "drops", "spray", "sprays",
                                                "nasal", "eye"]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Relatives by sex: after "her"/"his" they say which sex the other person is ("her husband", "his wife").
    static let maleRelatives: Set<String> = ["husband", "son", "father", "dad", "brother", "boyfriend", "grandson",
                                             "uncle", "stepdad", "stepfather", "grandad", "grandfather", "nephew"]
    static let femaleRelatives: Set<String> = ["wife", "daughter", "mother", "mum", "sister", "girlfriend",
                                               "granddaughter", "aunt", "stepmum", "stepmother", "grandma",
                                               "grandmother", "niece"]
    /// In a condition's sentence: someone else's condition ("his wife has dementia").
    static let relatives: Set<String> = ["wife", "husband", "mum", "mother", "dad", "father", "son", "daughter",
                                         "brother", "sister", "grandmother", "grandfather", "gran", "grandad",
                                         "relative", "relatives", "neighbour", "neighbor", "friend"]

    /// Infusion fluids by their canonical names: given through a line, never a home medication.
    static let intravenousFluids: Set<String> = ["sodium chloride 0.9%", "hartmann's solution"]
    /// Litres as an infusion fluid's volume ("a litre of saline"); see `HandoverScanner.doseUnit(at:drug:)`. Not
    /// `litres` above, the oxygen flow units: "lpm" is a rate, never a volume.
    static let litreUnits: Set<String> = ["litre", "litres", "liter", "liters", "l"]
    /// Words between a fluid's volume and "of" ("a 250 ml bolus of saline"), after an optional "fluid".
    static let fluidContainers: Set<String> = ["bolus", "bag", "challenge"]
    /// After an infusion volume in litres, words of an oxygen flow instead ("15 litres non-rebreather").
    static let oxygenDeviceWords: Set<String> = ["non", "nonrebreather", "non-rebreather", "nrb", "nasal", "cannula",
                                                 "specs", "mask", "oxygen", "o2", "via", "per", "a"]
    /// After a drug's name: the words name something else ("a Hartmann's procedure").
    static let notADrugAfter: Set<String> = ["procedure", "pouch", "reversal", "operation", "surgery", "syndrome"]
    /// Before a drug's name: it is a person's name ("Dr Hartmann"). Not "Ms" or "Miss": "has MS, baclofen",
    /// "did not miss insulin".
    static let titles: Set<String> = ["dr", "mr", "mrs", "professor", "prof"]

    static let givenVerbs: Set<String> = [
        "given", "gave", "give", "administered", "administer", "received", "treated", "dosed", "pushed", "gives",
        "titrated", "accepted", "started", "commenced", "put", "repeated",
    ]
    static let historyWords: Set<String> = [
        "takes", "taking", "take", "medications", "medication", "meds", "prescribed", "regularly", "usual",
        "usually", "normally", "currently", "prescription", "dhx",
        // "She uses a salbutamol inhaler", "uses latanoprost drops" (the crew's is "we used").
        "uses",
    ]
    static let onSubjects: Set<String> = ["he", "she", "is", "they", "they're", "patient", "pt", "who", "also", "already"]
    static let scheduleWords: Set<String> = ["daily", "bd", "tds", "qds", "od", "nocte", "mane", "prn", "twice", "weekly",
                                             "night", "nightly", "bedtime", "bid", "tid", "qid"]
    static let negations: Set<String> = ["no", "not", "declined", "refused", "withheld", "nil", "without", "denies",
                                         "didn't", "never", "neither"]
    /// Anywhere in a drug's sentence (up to another drug): the drug was talked about, not given.
    static let notGivenWords: Set<String> = [
        "declined", "refused", "withheld", "withhold", "withholding", "discussed", "considered", "considering",
        "contraindicated", "deferred", "omitted", "held", "advised", "advice", "suggested", "recommended", "told",
        "haven't", "hasn't", "won't",
    ]
    /// In a drug's sentence: taken before the crew came ("before we arrived he'd taken ... aspirin").
    static let beforeCrewPhrases = PhraseTable<Bool>([
        ["before", "we", "arrived"], ["before", "our", "arrival"], ["before", "arrival"], ["prior", "to", "arrival"],
        ["prior", "to", "our", "arrival"], ["before", "we", "got", "there"], ["before", "we", "got", "here"],
        ["before", "ems", "arrival"], ["before", "crew", "arrival"], ["before", "we", "came"],
    ])
    /// After a drug's name, even past a comma, when no other drug follows: "so didn't give it".
    static let notGivenPhrases = PhraseTable<Bool>([
        ["didn't", "give", "it"], ["did", "not", "give", "it"], ["haven't", "given", "it"], ["haven't", "given", "any"],
        ["didn't", "give", "any"], ["not", "given", "it"],
    ])
    /// Before a drug's name, in its clause: "we didn't give her morphine", "unable to give".
    static let notGivenBeforeWords: Set<String> = [
        "didn't", "not", "never", "couldn't", "wouldn't", "unable", "without", "weren't", "wasn't",
    ]
    /// Words that start a new statement inside a sentence: words of not giving before them are about something
    /// else ("pain not settling so morphine", "unable to give anything orally so glucagon").
    static let clauseBreaks: Set<String> = ["so", "then", "but", "instead", "therefore", "hence", "despite", "after"]
    /// Straight before "given"/"gave": "haven't given", "never gave".
    static let negatedAuxiliaries: Set<String> = ["haven't", "hasn't", "never", "not", "didn't", "wasn't", "weren't", "hadn't"]
    /// After a drug's name, even past a comma, in its sentence: "morphine 5 mg IV offered, refused".
    static let refusalWords: Set<String> = ["declined", "refused", "withheld", "withholding", "held"]
    /// Words before "took"/"taken" that make the patient the one who took the drug.
    static let ingestionSubjects: Set<String> = [
        "he", "she", "they", "patient", "pt", "he'd", "she'd", "they'd", "he's", "she's", "had", "has", "says", "said",
        "reportedly", "allegedly",
    ]
    /// Verbs saying a drug went in; looking back from a drug, words of not giving before one of these do not count.
    static let givenDoneVerbs: Set<String> = [
        "gave", "given", "administered", "received", "accepted", "agreed", "treated", "dosed", "pushed", "gives",
        "titrated",
    ]
    /// Before a drug's name in its sentence: the patient's own intake ("overdose ... paracetamol"); "took" and
    /// "taken" are checked by the scanner (they need the patient as subject).
    static let ingestionWords: Set<String> = [
        "swallowed", "ingested", "ingestion", "overdose", "overdosed", "od'd", "consumed", "packets", "packet",
        "boxes", "blister", "blisters",
    ]
    /// Straight before a drug's name: the patient's own medication ("her salbutamol inhaler").
    static let possessives: Set<String> = ["her", "his", "their", "own", "my"]
    /// Verbs of starting a course: with the patient as subject ("he started his prednisolone rescue pack"), the
    /// drug stays the patient's own. Verbs of giving are not among them: "she gave her ketamine" may be a crewmate.
    static let patientStartingVerbs: Set<String> = ["started", "commenced"]
    /// After an offer, the patient using the drug: "Offered Entonox, which she's been using".
    static let usingVerbs: Set<String> = ["using", "used", "inhaling", "inhaled", "taking"]
    /// People who may have given a drug before the crew took over, as the subject right before the verb ("his
    /// wife gave him aspirin", "the carer had already given two puffs", "benzylpenicillin given by the GP"). Not
    /// "doctor" (a prehospital doctor works with the crew), "partner" (a US crew's word for a crewmate), "nurse"
    /// (flight and critical-care nurses are crew), "responder" (a rapid-response paramedic), "colleague", "she".
    /// Words before "nurse" that make the nurse someone other than the crew ("the school nurse gave").
    static let nonCrewNurses: Set<String> = [
        "school", "practice", "district", "community", "home", "ward", "agency", "surgery", "clinic",
    ]
    /// In a drug's sentence: nothing was given at all ("declined everything, so nothing was given").
    static let nothingGivenPhrases = PhraseTable<Bool>([
        ["nothing", "was", "given"], ["nothing", "given"], ["declined", "everything"], ["refused", "everything"],
        ["declined", "all"], ["refused", "all"], ["no", "drugs", "given"], ["no", "medication", "given"],
        ["no", "medications", "given"], ["nothing", "was", "administered"], ["no", "drugs", "were", "given"],
    ])
    static let thirdPartyGivers: Set<String> = [
        "mum", "mom", "mother", "dad", "father", "wife", "husband", "son", "daughter", "parent", "parents", "sister",
        "brother", "girlfriend", "boyfriend", "grandmother", "grandfather", "grandma", "grandpa", "nan", "gran",
        "aunt", "uncle", "flatmate", "roommate", "relative", "relatives", "family", "carer", "carers", "caregiver",
        "neighbour", "neighbor", "friend", "friends", "bystander", "bystanders", "teacher", "school", "gp",
        "pharmacist", "staff", "cfr", "police", "officer", "officers", "lifeguard", "midwife", "aider", "stepdad",
        "stepmum", "stepmom", "stepfather", "stepmother", "manager", "warden",
    ]
    /// The crew speaking of itself as a subject ("we gave", "I've given").
    static let crewPronouns: Set<String> = ["we", "we've", "we'd", "i", "i've"]
    /// Verbs that report someone's words: after them, "we" or "I" may be the speaker, not the crew.
    static let reportingVerbs: Set<String> = [
        "says", "say", "said", "states", "stated", "reports", "reported", "told", "tells", "explained", "explains",
        "reckons", "thinks", "mentioned", "mentions", "advises", "advised", "confirmed", "confirms", "insists",
        "insisted", "according", "claims", "claimed", "believes", "adds", "added",
    ]
    /// Words that make the patient the subject of the verb straight after them.
    static let patientSubjects: Set<String> = [
        "he", "she", "they", "patient", "pt", "he'd", "she'd", "they'd", "he's", "she's",
    ]

    // MARK: Interventions

    static let interventions = PhraseTable<String>([
        (["cpr"], "CPR"), (["c", "p", "r"], "CPR"), (["chest", "compressions"], "CPR"), (["compressions"], "CPR"),
        (["shocked"], "defibrillation"), (["defibrillated"], "defibrillation"), (["defibrillation"], "defibrillation"),
        (["defib"], "defibrillation"), (["shock", "delivered"], "defibrillation"),
        (["shocks", "delivered"], "defibrillation"),
        (["iv", "access"], "IV access"), (["cannulated"], "IV access"), (["cannulation"], "IV access"),
        (["iv", "cannula"], "IV access"), (["iv", "line"], "IV access"), (["iv", "established"], "IV access"),
        (["io", "access"], "IO access"), (["io", "needle"], "IO access"),
        (["12", "lead"], "12-lead ECG"), (["twelve", "lead"], "12-lead ECG"), (["ecg"], "12-lead ECG"),
        (["pelvic", "binder"], "pelvic binder"), (["splint"], "splint"), (["splinted"], "splint"),
        (["traction", "splint"], "splint"), (["c", "collar"], "cervical collar"),
        (["cervical", "collar"], "cervical collar"), (["collared"], "cervical collar"),
        (["spinal", "immobilisation"], "spinal immobilisation"), (["spinal", "immobilization"], "spinal immobilisation"),
        (["tourniquet"], "tourniquet"), (["intubated"], "intubation"), (["intubation"], "intubation"),
        (["ett"], "intubation"), (["endotracheal", "tube"], "intubation"), (["i", "gel"], "supraglottic airway"),
        (["igel"], "supraglottic airway"), (["supraglottic"], "supraglottic airway"), (["lma"], "supraglottic airway"),
        (["bvm"], "bag-valve-mask ventilation"), (["bag", "valve", "mask"], "bag-valve-mask ventilation"),
        (["bagging"], "bag-valve-mask ventilation"), (["bagged"], "bag-valve-mask ventilation"),
        (["suctioned"], "suction"), (["suction"], "suction"),
        (["oxygen", "applied"], "oxygen"), (["supplemental", "oxygen"], "oxygen"), (["high", "flow", "oxygen"], "oxygen"),
        (["o", "2", "applied"], "oxygen"),
    ])

    // MARK: Times

    enum TimeKind: Sendable { case onset, onScene, atPatient, leftScene, atDestination, transferOfCare }

    static let times = PhraseTable<TimeKind>({
        var t: [([String], TimeKind)] = []
        func add(_ kind: TimeKind, _ phrases: String...) {
            for p in phrases { t.append((p.split(separator: " ").map(String.init), kind)) }
        }
        add(.onset, "onset", "time of onset", "onset at", "since", "started at", "began at", "symptoms started at",
            "symptom onset", "onset time", "came on", "time of incident", "incident time", "time of injury",
            // "From about ten past nine this evening she's been spitting blood" (not a range: see `matchTime`).
            "from about", "from around", "from approximately", "from roughly",
            // A stroke's onset is when the patient was last known to be well.
            "last seen well", "last known well", "lkw", "last seen normal", "last known normal", "last known to be well",
            "last seen at her normal", "last seen at his normal")
        add(.onScene, "on scene", "arrived on scene", "arrived at scene", "at scene", "on scene at", "arrival on scene",
            "came on scene",
            // The crew's own arrival ("we arrived at 0152", "we got there at nine fifty"); "we arrived at hospital"
            // is left to `atDestination`: no time follows "we arrived". `matchTime` reads "crew arrived" only opening
            // a sentence ("Fire crew arrived…" is another crew) and "we arrived" only before leaving the scene.
            "we arrived", "we got there", "we got to scene", "crew arrived",
            // "We reached the house at six thirty-eight", "We reach at twenty-one twenty-six", "we pulled in behind them
            // at seventeen forty-seven", "We got to the green at ten fifty-four" (`matchTime`, `isPlainArrival`).
            "we reached", "we reach", "we pulled in", "we pulled up", "we got to",
            // Typed reports: "Arr scene 14:26" (HeldOut22).
            "arr scene", "arr on scene", "arr at scene", "arrived scene")
        add(.atPatient, "at patient", "at the patient", "at patient side", "at patients side", "patient contact",
            "with patient", "with the patient", "at pt", "with pt", "patient contact at", "we were with him", "we were with her",
            "we were with them", "we was with him", "we was with her", "we was with them")
        add(.leftScene, "left scene", "leaving scene", "departed scene", "left the scene", "off scene", "depart scene",
            "departed", "left",
            // "Dep scene 14:58", "Depart 11:10", "We were off site at twenty-three ten" (HeldOut20; the last two only
            // as `matchTime` allows).
            "dep scene", "depart", "off site")
        add(.atDestination, "at destination", "arrived at hospital", "at hospital", "arrived at ed", "arrival at hospital",
            "at ed", "arrived at destination", "at the hospital", "arrived at the hospital", "arrived hospital",
            "at the ed", "arrived at a and e", "at a and e")
        add(.transferOfCare, "transfer of care", "handed over", "handover at", "handover time", "care transferred",
            "transferred care", "handed over at")
        return t
    }())

    /// "Palpitations started 18:45", "the pain started suddenly at about half past two": onset words read only by
    /// `matchTime`, with the complaint as what started (`startedSubject(before:)`). Kept out of `times`, which
    /// also ends free-text captures.
    static let complaintStarts = PhraseTable<TimeKind>(
        [["started"], ["began"], ["started", "suddenly"], ["began", "suddenly"], ["started", "abruptly"]].map { ($0, .onset) })

    // MARK: Free-text triggers

    enum TextKind: Sendable { case chiefComplaint, pastHistory, lastMeal, events, exam, mechanism }

    static let textTriggers = PhraseTable<TextKind>({
        var t: [([String], TextKind)] = []
        func add(_ kind: TextKind, _ phrases: String...) {
            for p in phrases { t.append((p.split(separator: " ").map(String.init), kind)) }
        }
        add(.chiefComplaint, "chief complaint", "chief complaint of", "chief complaint is", "complaining of",
            "complains of", "c / o", "presenting complaint", "presenting complaint of", "presenting complaint is",
            "presenting with", "presents with", "complaint of", "c o")
        add(.pastHistory, "history of", "past history", "past history of", "past medical history",
            "past medical history of", "pmh", "p m h", "hx of", "background of", "medical history of",
            "medical history", "pmhx")
        add(.lastMeal, "last meal", "last ate", "last oral intake", "last food", "last eaten", "last intake",
            "last meal was", "last oral intake was")
        add(.events, "events", "events leading up", "events leading up to this", "events prior")
        add(.exam, "on examination", "o / e", "on exam", "exam shows", "examination shows", "examination reveals",
            "exam reveals", "findings", "pupils")
        add(.mechanism, "mechanism", "mechanism of injury", "moi")
        return t
    }())

    /// Allergens other than the drugs above that crews name in handovers. An allergy is recorded only when the
    /// words name a known drug or allergen; other words are flagged for the reader instead (engines mishear them).
    /// Allergens that are no drug: "NKDA" and one of these are both true.
    static let nonDrugAllergens: Set<String> = [
        "latex", "peanut", "peanuts", "nuts", "nut", "tree nuts", "shellfish", "fish", "egg", "eggs", "milk", "dairy",
        "soy", "wheat", "gluten", "bee", "bees", "bee stings", "bee sting", "wasp", "wasps", "wasp stings", "plasters",
        "elastoplast", "adhesive tape", "tape", "dogs", "cats", "pollen", "grass", "dust",
    ]
    static let allergens: Set<String> = [
        "latex", "peanut", "peanuts", "nuts", "nut", "tree nuts", "shellfish", "fish", "egg", "eggs", "milk", "dairy",
        "soy", "wheat", "gluten", "bee", "bees", "bee stings", "bee sting", "wasp", "wasps", "wasp stings", "sulfa",
        "sulpha", "sulfa drugs", "sulfonamides", "sulphonamides", "sulphur", "sulfur", "nsaids", "opiates", "opioids",
        "contrast", "iodine", "plasters", "elastoplast", "adhesive tape", "tape", "penicillins", "cephalosporins",
        "antibiotics", "trimethoprim", "erythromycin", "clarithromycin", "doxycycline", "ciprofloxacin", "cefalexin",
        "co amoxiclav", "flucloxacillin", "metronidazole", "tetracycline", "vancomycin", "gentamicin", "septrin",
        "bactrim", "chlorhexidine", "ace inhibitors", "statins", "naproxen", "diclofenac", "sulfasalazine",
        "nitrofurantoin", "lidocaine", "lignocaine", "local anaesthetic", "anaesthetic", "morphine sulfate", "pethidine",
        "clindamycin", "teicoplanin", "azithromycin", "cefuroxime", "levofloxacin",
    ]

    static let allergyTriggers = PhraseTable<Bool>([
        ["allergic", "to"], ["allergies", "to"], ["allergy", "to"], ["allergies"], ["allergies", "are"],
        ["allergies", "include"], ["allergy"], ["allergic"], ["allergies", "include"], ["known", "allergies", "to"],
    ])
    static let nkdaPhrases = PhraseTable<Bool>([
        ["nkda"], ["n", "k", "d", "a"], ["no", "known", "drug", "allergies"], ["no", "known", "allergies"], ["nka"],
        ["no", "allergies"], ["no", "drug", "allergies"], ["no", "known", "drug", "allergy"], ["nkdas"],
    ])

    /// The words that end a reading of a scalar vital: "out of ten", "bpm", "a minute".
    static let vitalTrailers = PhraseTable<Bool>([
        ["out", "of", "ten"], ["out", "of", "10"], ["/", "10"], ["over", "ten"], ["over", "10"], ["a", "minute"],
        ["per", "minute"], ["breaths", "per", "minute"], ["breaths", "a", "minute"], ["beats", "per", "minute"],
    ])
    /// A recap of the handover: a drug or a set named again in it is the same one ("Quick recap for you, …").
    static let recapWords: Set<String> = ["recap", "summary", "summarise", "summarize", "recapping"]
    static let setMarkers = PhraseTable<Bool>([
        ["repeat"], ["repeated"], ["second", "set"], ["third", "set"], ["reassessment"], ["re", "assessment"],
        ["recheck"], ["rechecked"], ["re", "check"], ["subsequent"], ["on", "reassessment"], ["follow", "up"],
        ["latest"], ["post"],
    ])
    /// Before a set taken earlier than the sets said before it.
    static let earlierSetMarkers = PhraseTable<Bool>([
        ["on", "arrival"], ["on", "our", "arrival"], ["initial"], ["initially"], ["first", "set"], ["first", "obs"],
        ["first", "observations"], ["first", "vitals"], ["when", "we", "arrived"], ["when", "we", "got", "there"],
        ["when", "we", "first", "arrived"], ["when", "we", "first", "got", "there"], ["at", "first"], ["originally"],
        ["when", "we", "got", "to"], ["when", "we", "first", "got", "to"], ["from", "the", "start"], ["to", "start", "with"],
        ["on", "first", "assessment"], ["on", "initial", "assessment"],
    ])
    /// Before "since", what has gone on is not the complaint ("saline running since", "drinking since 8 pm",
    /// "nil by mouth since 0800").
    static let notComplaintSince = PhraseTable<Bool>([
        ["infusing"], ["drip"], ["drinking"], ["fasting"], ["nil", "by", "mouth"], ["nil", "po"], ["nbm"],
    ])
    /// Before "running since": a fluid, or its volume and route (Whisper's "500 mils of Celine IV, running since 645").
    static let fluidWords: Set<String> = [
        "saline", "fluids", "fluid", "infusion", "drip", "hartmann", "hartmann's", "bag", "mils", "ml", "mls",
        "millilitres", "milliliters", "litre", "liter", "iv",
    ]
    static let vitalsContextWords: Set<String> = [
        "vitals", "obs", "observations", "repeat", "set", "reassessment", "initial", "recheck", "first", "second",
        "third", "baseline", "latest",
    ]

    static let ageUnits: [String: String] = [
        "year": "years", "years": "years", "yr": "years", "yrs": "years", "month": "months", "months": "months",
        "week": "weeks", "weeks": "weeks", "day": "days", "days": "days", "yo": "years",
    ]
    static let genders: [String: String] = [
        "male": "male", "man": "male", "gentleman": "male", "gent": "male", "boy": "male", "female": "female",
        "woman": "female", "lady": "female", "girl": "female",
    ]

    /// Pronouns that open a clause: a list item cannot start with one.
    static let clauseSubjects: Set<String> = ["he", "she", "they", "we", "i", "it", "he'd", "she'd", "they'd", "we've"]

    /// Words that end a free-text or list capture (another section of the handover begins).
    static let sectionStarts: Set<String> = [
        "allergic", "allergies", "allergy", "nkda", "takes", "taking", "meds", "medications", "medication", "history",
        "pmh", "vitals", "obs", "given", "gave", "we", "on", "since", "onset", "last", "events", "started", "for",
        "denies", "no",
    ]
}
