/// One token of a transcript: a run of letters (a word), a run of digits with an optional decimal part (a number),
/// or a single other visible character (punctuation). Offsets are Unicode scalar offsets into the transcript.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word
        case number
        case punctuation
    }

    var kind: Kind
    /// Lowercased text for words, the digits for numbers, the character for punctuation.
    var text: String
    /// The text as written (case kept), used where case carries meaning ("IN" the route vs "in" the word).
    var raw: String
    /// Unicode scalar offset of the first scalar.
    var start: Int
    /// Unicode scalar offset one past the last scalar.
    var end: Int

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }

    /// A full stop, question mark, exclamation mark or semicolon: the end of a clinical statement.
    var isSentenceEnd: Bool { kind == .punctuation && (text == "." || text == "?" || text == "!" || text == ";") }
}
