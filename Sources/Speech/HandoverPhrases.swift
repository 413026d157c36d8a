/// Short phrases of observations, times and doses with their numbers spread over each field's whole plausible range,
/// in both ways crews read numbers ("one forty" and "one hundred and forty"). Counted with the written handovers,
/// they let the language model expect any value after a vital's name, not only the values the handovers happen to
/// contain. Deterministic: a fixed-seed generator, so the model is rebuilt byte for byte.
public enum HandoverPhrases {
    /// `rounds` phrases of each kind.
    public static func all(rounds: Int = 400) -> [[String]] {
        var random = SplitMix64(seed: 1)
        func pick(_ choices: [String]) -> String { choices[random.next(below: choices.count)] }
        func value(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.next(below: range.count) }
        func say(_ n: Int) -> String {
            let words = (101...199).contains(n) && n % 100 >= 10 && random.next(below: 2) == 0
                ? ["one"] + SpokenText.words(n - 100) : SpokenText.words(n)
            return words.joined(separator: " ")
        }
        func decimal(_ tenths: Int) -> String { say(tenths / 10) + " point " + SpokenText.ones[tenths % 10] }

        var phrases: [String] = []
        for _ in 0..<rounds {
            phrases.append("\(pick(["bp", "blood pressure", "pressure"])) \(say(value(60...230))) over \(say(value(30...130)))")
            phrases.append("\(pick(["pulse", "heart rate", "pulse rate", "pulse of"])) \(say(value(30...190)))")
            phrases.append("\(pick(["resps", "resp rate", "respiratory rate", "resps of"])) \(say(value(6...48)))")
            phrases.append("\(pick(["sats", "saturations", "sats are", "spo2"])) \(say(value(75...100))) percent"
                           + pick(["", " on air", " on room air", " on oxygen", " on fifteen litres"]))
            phrases.append("\(pick(["temp", "temperature", "temp of"])) \(decimal(value(340...415)))")
            phrases.append("\(pick(["gcs", "gcs of", "gcs is"])) \(say(value(3...15)))")
            phrases.append("\(pick(["sugar", "blood sugar", "bm", "glucose", "bgl"])) \(decimal(value(10...350)))")
            phrases.append("\(pick(["pain", "pain score"])) \(say(value(0...10))) out of ten")
            phrases.append("\(pick(["at", "on scene at", "left scene at", "given at"])) "
                           + SpokenText.number(String(format2(value(0...23)) + format2(value(0...59))))
                               .joined(separator: " "))
            phrases.append("\(say(value(1...1000))) \(pick(["milligrams", "micrograms", "mils"]))"
                           + pick(["", " iv", " im", " orally", " nebulised"]))
        }
        return phrases.map { phrase in phrase.split(separator: " ").map { String($0) }.flatMap(SpokenText.spokenWord) }
    }

    private static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
