/// What `Vault.recover` found and did.
public struct VaultRecovery: Sendable, Hashable {
    /// Data segments kept (always the `committedSegments` passed in).
    public let segments: Int
    /// Plaintext bytes in the kept segments.
    public let plaintextBytes: Int64
    /// Bytes cut from the end: unacknowledged writes after the last committed segment.
    public let discardedBytes: Int64
    /// The file already ended with a valid final segment right after the committed ones; nothing was changed.
    public let wasAlreadyFinished: Bool
}
