/// Token lifetimes and limits (all configurable; defaults from the security requirements).
public struct TokenSettings: Sendable {
    public var issuer = "paramedic-recorder"
    public var audience = "paramedic-recorder-api"
    /// Access token lifetime: 15 minutes.
    public var accessLifetime: Int64 = 15 * 60
    /// A refresh token unused this long expires: 30 minutes.
    public var refreshIdleTimeout: Int64 = 30 * 60
    /// A login's refresh chain ends this long after the login: 12 hours (a shift).
    public var refreshAbsoluteLifetime: Int64 = 12 * 3600
    /// Consecutive failures before an account locks.
    public var lockoutThreshold = 5
    /// First lockout, doubling per further failure, up to `lockoutMaximum`.
    public var lockoutBase: Int64 = 60
    public var lockoutMaximum: Int64 = 15 * 60
    /// Failed logins per client address per hour before that address is refused.
    public var perIPFailuresPerHour = 100

    public init() {}
}
