/// Password rules after NIST SP 800-63B §5.1.1.2 (memorized secrets): a minimum length, a generous maximum, no
/// composition rules (no "one digit and one symbol"), and a check against commonly used passwords and the
/// user's own name.
///
/// Length is counted in Unicode scalars (code points), as 800-63B says ("each Unicode code point SHALL be counted
/// as a single character"): "é" typed precomposed counts 1, typed as e + combining accent counts 2, and an emoji
/// with a skin-tone modifier counts 2. Passwords are never normalized or trimmed here or in `PasswordHasher`.
public struct PasswordPolicy: Hashable, Sendable {
    /// Fewest Unicode scalars accepted (800-63B: at least 8; this product requires 12).
    public var minimumLength: Int
    /// Most Unicode scalars accepted (800-63B: allow at least 64; this product allows 256).
    public var maximumLength: Int

    public init(minimumLength: Int = 12, maximumLength: Int = 256) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }

    /// The first rule `password` breaks, in the order too_short, too_long, contains_username, common_password;
    /// nil when it is acceptable.
    public func check(_ password: String, username: String) -> Violation? {
        violations(password, username: username).first
    }

    /// Every rule `password` breaks (empty when acceptable), in the order of `check`.
    ///
    /// - `too_short` / `too_long`: outside `minimumLength...maximumLength` Unicode scalars.
    /// - `contains_username`: the password contains the username, case-insensitively (checked for usernames of
    ///   3 or more characters, so a 2-letter name does not forbid every password holding those letters).
    /// - `common_password`: the lower-cased password is in the shipped list (zxcvbn's 30,000 most common
    ///   passwords), or is such an entry followed only by digits and punctuation ("dragon2024!!!!"), or is
    ///   one short unit (≤ 4 characters) repeated ("abcabcabcabc"), or one run of consecutive characters
    ///   ("123456789012", "abcdefghijkl", "zyxwvutsrqpo").
    public func violations(_ password: String, username: String) -> [Violation] {
        var found: [Violation] = []
        let length = password.unicodeScalars.count
        if length < minimumLength {
            found.append(Violation(.tooShort, "use at least \(minimumLength) characters"))
        }
        if length > maximumLength {
            found.append(Violation(.tooLong, "use at most \(maximumLength) characters"))
        }
        let lowered = password.lowercased()
        let name = username.lowercased()
        if name.count >= 3, lowered.contains(name) {
            found.append(Violation(.containsUsername, "the password must not contain the username"))
        }
        if length <= maximumLength, Self.isCommon(lowered) {
            found.append(Violation(.commonPassword, "this password is too common; choose another"))
        }
        return found
    }

    /// The `common_password` rule on an already lower-cased password.
    static func isCommon(_ lowered: String) -> Bool {
        if CommonPasswords.all.contains(lowered) { return true }
        let core = lowered.unicodeScalars.reversed().drop { $0.properties.numericType != nil || isPunctuation($0) }
        if core.count >= 4, core.count < lowered.unicodeScalars.count,
           CommonPasswords.all.contains(String(String.UnicodeScalarView(core.reversed()))) {
            return true
        }
        let scalars = Array(lowered.unicodeScalars)
        return isRepetition(scalars) || isSequence(scalars)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && !scalar.properties.isAlphabetic && !scalar.properties.isWhitespace
            && scalar.value > 0x20 && scalar.value < 0x7F
    }

    /// The whole password is one unit of 1–4 scalars repeated at least 3 times.
    private static func isRepetition(_ scalars: [Unicode.Scalar]) -> Bool {
        for unit in 1...4 where scalars.count % unit == 0 && scalars.count / unit >= 3 {
            if scalars.indices.allSatisfy({ scalars[$0] == scalars[$0 % unit] }) { return true }
        }
        return false
    }

    /// The whole password ascends or descends by one code point at each step (digits wrap 9 → 0).
    private static func isSequence(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 3 else { return false }
        func step(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
            let digits: ClosedRange<UInt32> = 0x30...0x39
            if digits.contains(a.value), digits.contains(b.value) {
                let d = (Int(b.value) - Int(a.value) + 10) % 10
                return d == 1 ? 1 : d == 9 ? -1 : 0
            }
            let d = Int(b.value) - Int(a.value)
            return abs(d) == 1 ? d : 0
        }
        let first = step(scalars[0], scalars[1])
        guard first != 0 else { return false }
        return zip(scalars.dropFirst(), scalars.dropFirst(2)).allSatisfy { step($0, $1) == first }
    }
}
