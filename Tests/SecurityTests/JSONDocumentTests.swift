import Security
import Testing

/// Request bodies go through `JSONDocument` before any decoder sees them.
@Suite struct JSONDocumentTests {
    @Test(arguments: [#"{}"#, #"[]"#, #"[1,2,3]"#, #"{"a":[true,false,null],"b":{"c":-1.5e3}}"#, #" "x" "#, "0",
                      #"{"a":"\u00e9\ud83d\ude00"}"#])
    func acceptsValidJSON(_ text: String) {
        #expect(JSONDocument.isStrictlyValid(Array(text.utf8)))
    }

    @Test(arguments: [#"{"a":1,}"#, #"[1,2,]"#, #"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#, #"{"a":1} x"#, #"{"a":01}"#,
                      #"{'a':1}"#, #"{"a":"\ud800"}"#, "", " ", #"{"a":NaN}"#, "\u{FEFF}{}", "{\"a\":\"tab\tin\"}"])
    func refusesWhatFoundationMightAccept(_ text: String) {
        #expect(!JSONDocument.isStrictlyValid(Array(text.utf8)))
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(!JSONDocument.isStrictlyValid([0x22, 0xC3, 0x28, 0x22]))
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(!JSONDocument.isStrictlyValid(Array(deep.utf8)))
        let fine = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(JSONDocument.isStrictlyValid(Array(fine.utf8)))
    }
}
