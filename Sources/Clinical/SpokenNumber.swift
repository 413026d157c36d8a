/// A number read from the transcript: its value, the token range it came from, and the shape it was said in.
struct SpokenNumber: Sendable, Equatable {
    enum Form: Sendable, Equatable {
        /// Written with digits ("140", "98.6").
        case digits
        /// Plain number words ("ninety-four", "a hundred and ten", "five point six", "point four").
        case cardinal
        /// A leading digit and a two-digit group, the way crews say three-digit readings ("one forty", "one oh five").
        case colloquial
        /// Hours and minutes said as two groups ("fourteen thirty-two", "oh seven hundred", "fifteen oh five").
        case clock
        /// A two-digit group and "hundred" ("fourteen hundred"): a clock time or a plain hundreds count.
        case hundreds
    }

    var value: Double
    /// Index of the first token.
    var first: Int
    /// Index one past the last token.
    var end: Int
    var form: Form

    /// True when the value has no fractional part.
    var isInteger: Bool { value.rounded() == value }

    var intValue: Int? { isInteger && abs(value) < 1_000_000_000 ? Int(value) : nil }

    /// The clock time this number can be read as, "HH:MM", or nil when it is not an unambiguous 24-hour time.
    var clock: String? {
        guard let v = intValue else { return nil }
        switch form {
        case .clock, .hundreds:
            return Self.clockString(v / 100, v % 100)
        case .digits, .cardinal, .colloquial:
            return nil
        }
    }

    static func clockString(_ hour: Int, _ minute: Int) -> String? {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        let m = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(h):\(m)"
    }
}
