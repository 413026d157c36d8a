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

    @Test func manyMembersAreCheckedForDuplicatesWithoutLimitSurprises() {
        // Thousands of distinct (non-ASCII) names pass; one repeated name at the very end is caught.
        let members = (0..<4000).map { #""é\#($0)":0"# }
        let distinct = "{" + members.joined(separator: ",") + "}"
        #expect(JSONDocument.isStrictlyValid(Array(distinct.utf8)))
        let repeated = "{" + members.joined(separator: ",") + #","é0":1}"#
        #expect(!JSONDocument.isStrictlyValid(Array(repeated.utf8)))
        // Canonically equivalent names collide: precomposed é and e + combining acute.
        #expect(!JSONDocument.isStrictlyValid(Array("{\"\u{E9}\":1,\"e\u{301}\":2}".utf8)))
        // Past the member limit: refused, not slow.
        let tooMany = "{" + (0..<5000).map { #""k\#($0)":0"# }.joined(separator: ",") + "}"
        #expect(!JSONDocument.isStrictlyValid(Array(tooMany.utf8)))
    }
}
