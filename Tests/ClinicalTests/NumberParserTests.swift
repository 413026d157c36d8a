import Testing
@testable import Clinical

@Suite struct NumberParserTests {
    static let table: [(String, Double, SpokenNumber.Form)] = [
        ("140", 140, .digits),
        ("98.6", 98.6, .digits),
        ("one forty", 140, .colloquial),
        ("one twenty-two", 122, .colloquial),
        ("one twenty two", 122, .colloquial),
        ("one eighty", 180, .colloquial),
        ("three twenty-four", 324, .colloquial),
        ("one oh five", 105, .colloquial),
        ("a hundred and ten", 110, .cardinal),
        ("one hundred and ten", 110, .cardinal),
        ("one hundred", 100, .cardinal),
        ("two hundred and twenty-five", 225, .cardinal),
        ("five hundred", 500, .cardinal),
        ("ninety-eight point six", 98.6, .cardinal),
        ("ninety eight point six", 98.6, .cardinal),
        ("thirty-eight point five", 38.5, .cardinal),
        ("five point six", 5.6, .cardinal),
        ("two point five", 2.5, .cardinal),
        ("point four", 0.4, .cardinal),
        ("one twenty-six point seven", 126.7, .colloquial),
        ("forty-eight", 48, .cardinal),
        ("ninety four", 94, .cardinal),
        ("twenty two", 22, .cardinal),
        ("fifteen", 15, .cardinal),
        ("seven", 7, .cardinal),
        ("zero", 0, .cardinal),
        ("oh seven hundred", 700, .clock),
        ("oh nine fifteen", 915, .clock),
        ("oh seven oh four", 704, .clock),
        ("fourteen thirty-two", 1432, .clock),
        ("fifteen oh five", 1505, .clock),
        ("twenty-three fifty-nine", 2359, .clock),
        ("fourteen hundred", 1400, .hundreds),
        ("36 point eight", 36.8, .digits),
        ("36 point 8", 36.8, .digits),
        ("98 point six", 98.6, .digits),
        ("thirty-six point 8", 36.8, .cardinal),
    ]

    @Test(arguments: table)
    func parses(_ text: String, _ value: Double, _ form: SpokenNumber.Form) throws {
        let tokens = Tokenizer.tokenize(text)
        let n = try #require(NumberParser(tokens: tokens).parse(at: 0))
        #expect(abs(n.value - value) < 1e-9)
        #expect(n.form == form)
        #expect(n.end == tokens.count, "the whole phrase is one number")
    }

    @Test func stopsAtTheNumber() throws {
        // "ninety over" and "sixteen sats" end where the number ends; minutes above 59 are not a clock.
        let tokens = Tokenizer.tokenize("sixteen ninety")
        let n = try #require(NumberParser(tokens: tokens).parse(at: 0))
        #expect(n.value == 16)
        #expect(n.end == 1)
    }

    @Test func notNumbers() {
        for text in ["a and o", "oh", "over", "hundred", "the", "a hundred and was", "36 point", "36.5 point two",
                     "thirty-six point", "thirty-six point over"] {
            #expect(NumberParser(tokens: Tokenizer.tokenize(text)).parse(at: 0) == nil, "\(text)")
        }
    }

    @Test func fragmentsOfGarbledNumbers() throws {
        func fragment(_ text: String, letterCodes: Bool = false) throws -> Bool {
            let tokens = Tokenizer.tokenize(text)
            let parser = NumberParser(tokens: tokens)
            let n = try #require(parser.parse(at: 0), "\(text)")
            return parser.isFragment(n, letterCodes: letterCodes)
        }
        #expect(try fragment("100 and 1.3 Fahrenheit"))
        #expect(try fragment("200 and ten"))
        #expect(try fragment("4 T2, GCS"))
        #expect(try !fragment("4 T2", letterCodes: true))
        #expect(try !fragment("94 O2"))
        #expect(try !fragment("110 and regular"))
        #expect(try !fragment("110 and 90"), "only a whole hundred reads as \"a hundred and …\"")
        #expect(try !fragment("110 bpm"))
        #expect(try !fragment("4 T 2"), "a letter code is written as one word")
        #expect(try !fragment("15th 15th"))
    }

    @Test func lettersGluedToDigits() {
        let tokens = Tokenizer.tokenize("11490th's 110 bpm 110bpm")
        let parser = NumberParser(tokens: tokens)
        #expect(parser.isGluedToLetters(0))
        #expect(!parser.isGluedToLetters(2))
        #expect(parser.isGluedToLetters(4))
        #expect(!parser.isGluedToLetters(1), "a word is not a number")
    }

    @Test func clockReadings() {
        #expect(SpokenNumber(value: 1432, first: 0, end: 1, form: .clock).clock == "14:32")
        #expect(SpokenNumber(value: 700, first: 0, end: 1, form: .clock).clock == "07:00")
        #expect(SpokenNumber(value: 2460, first: 0, end: 1, form: .clock).clock == nil)
        #expect(SpokenNumber(value: 140, first: 0, end: 1, form: .colloquial).clock == nil)
    }

    @Test func articleMismatchIsDistrusted() throws {
        let tokens = Tokenizer.tokenize("a eight year old")
        let n = try #require(NumberParser(tokens: tokens).parse(at: 1))
        #expect(NumberParser(tokens: tokens).articleDisagrees(n))
        let ok = Tokenizer.tokenize("an eighty year old")
        #expect(!NumberParser(tokens: ok).articleDisagrees(try #require(NumberParser(tokens: ok).parse(at: 1))))
    }

    @Test func tokenizerKeepsScalarOffsets() {
        let text = "Temp 38.5 °C — patient’s SpO2 94%"
        let scalars = Array(text.unicodeScalars)
        for t in Tokenizer.tokenize(text) {
            #expect(String(String.UnicodeScalarView(scalars[t.start..<t.end])) == t.raw)
        }
        let words = Tokenizer.tokenize(text).map(\.text)
        #expect(words == ["temp", "38.5", "°", "c", "—", "patient's", "spo", "2", "94", "%"])
    }
}
