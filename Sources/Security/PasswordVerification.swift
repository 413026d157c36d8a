/// The outcome of checking a password against a stored scrypt hash.
public struct PasswordVerification: Hashable, Sendable {
    /// True when the password matches (compared in constant time).
    public let isValid: Bool
    /// True when the stored hash used weaker parameters (cost, block size, parallelism, salt or output length)
    /// than the hasher's current ones: after a successful login, store `hash(password)` again.
    /// Always false for a failed match (an attacker's guess never triggers a write).
    public let needsRehash: Bool

    public init(isValid: Bool, needsRehash: Bool) {
        self.isValid = isValid
        self.needsRehash = isValid && needsRehash
    }
}
