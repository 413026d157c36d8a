import Security
import Testing

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test(arguments: [
        // Accepted: long enough, no composition rules.
        ("correct horse battery staple", "alice", nil),
        ("all lowercase words only", "alice", nil),
        ("xk7-vq2-rm9-pw", "alice", nil),
        ("exactly12chr", "alice", nil),
        // Length, counted in Unicode scalars.
        ("", "alice", "too_short"),
        ("short", "alice", "too_short"),
        ("elevenchars", "alice", "too_short"),                             // 11
        (String(repeating: "\u{E9}", count: 11), "alice", "too_short"),    // 11 precomposed é
        ("re\u{301}sume\u{301} cafe\u{301}", "alice", nil),                // 14 scalars, 11 Characters
        ("🚑🩺💉🫀🧠🦴🩸💊🌡️📋⏱️✅", "alice", nil),                                 // 12 Characters, 14 scalars
        ("🚑🚑🚑🚑🚑🚑🚑🚑🚑🚑🚑🚑", "alice", "common_password"),                     // one unit repeated
        ("Sanitäter-Übergabe", "alice", nil),
        ("救护车交接记录很重要的事", "alice", nil),                            // 12 CJK scalars
        ("救护车交接记录很重要的", "alice", "too_short"),                      // 11
        (String(repeating: "a1b2c3d4", count: 16), "alice", nil),          // exactly 128
        (String(repeating: "q7w", count: 85) + "z", "alice", nil),         // 256
        (String(repeating: "q7w", count: 85) + "zz", "alice", "too_long"), // 257
        // Username, case-insensitively.
        ("MyALICEpassword-2024", "alice", "contains_username"),
        ("i am bob the paramedic", "Bob", "contains_username"),
        ("i am bo the paramedic!", "bo", nil),                             // names under 3 characters skipped
        // Common passwords: exact, lower-cased, with a digit/punctuation tail, repetition, sequences.
        ("1qaz2wsx3edc", "alice", "common_password"),
        ("QwertyUiop123", "alice", "common_password"),
        ("password1234", "alice", "common_password"),
        ("dragon2024!!!!", "alice", "common_password"),
        ("iloveyou12345678", "alice", "common_password"),
        ("whosyourdaddy", "alice", "common_password"),
        ("aaaaaaaaaaaa", "alice", "common_password"),
        ("abcabcabcabc", "alice", "common_password"),
        ("123456789012", "alice", "common_password"),
        ("abcdefghijklmn", "alice", "common_password"),
        ("zyxwvutsrqpo", "alice", "common_password"),
    ] as [(String, String, String?)])
    func table(password: String, username: String, expected: String?) {
        #expect(policy.check(password, username: username)?.code.rawValue == expected)
    }

    @Test func violationsListsEveryRuleBroken() {
        let codes = policy.violations("Monkey", username: "monkey").map(\.code)
        #expect(codes == [.tooShort, .containsUsername, .commonPassword])
        #expect(policy.violations("correct horse battery staple", username: "alice").isEmpty)
    }

    @Test func messagesNeverContainThePassword() {
        let password = "alice-secret"
        for violation in policy.violations(password, username: "alice") {
            #expect(!violation.message.contains(password))
            #expect(!violation.description.contains(password))
        }
    }

    @Test func limitsAreConfigurable() {
        let strict = PasswordPolicy(minimumLength: 16, maximumLength: 64)
        #expect(strict.check("fifteen chars!!", username: "x")?.code == .tooShort)
        #expect(strict.check("sixteen chars!!!", username: "x") == nil)
        #expect(strict.check(String(repeating: "k9", count: 33), username: "x")?.code == .tooLong)
    }
}
