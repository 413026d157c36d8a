/// One security event. Never carries a password, a token or patient content: only who, from where, what, on
/// which object, and how it ended.
public struct AuditEvent: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable {
        case success
        case failure
        case denied
    }

    public var actorID: Int64?
    public var actorUsername: String?
    public var actorRole: String?
    public var sessionShort: String?
    public var clientIP: String?
    public var action: String
    public var targetType: String?
    public var targetID: String?
    public var outcome: Outcome
    public var reason: String?

    public init(action: String, outcome: Outcome, actorID: Int64? = nil, actorUsername: String? = nil,
                actorRole: String? = nil, sessionShort: String? = nil, clientIP: String? = nil,
                targetType: String? = nil, targetID: String? = nil, reason: String? = nil) {
        self.action = action
        self.outcome = outcome
        self.actorID = actorID
        self.actorUsername = actorUsername
        self.actorRole = actorRole
        self.sessionShort = sessionShort
        self.clientIP = clientIP
        self.targetType = targetType
        self.targetID = targetID
        self.reason = reason
    }

    /// Text fields made inert before they are stored: control characters (CR, LF, ESC, …) become visible
    /// `\u{…}` escapes and the length is capped, so a hostile username cannot forge log lines or terminal codes.
    static func inert(_ text: String?, limit: Int = 128) -> String? {
        guard let text else { return nil }
        var out = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.value < 0x20 || scalar.value == 0x7f || (0x80...0x9f).contains(scalar.value)
                || scalar.properties.generalCategory == .format {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    var sanitized: AuditEvent {
        var copy = self
        copy.actorUsername = Self.inert(actorUsername, limit: 64)
        copy.actorRole = Self.inert(actorRole, limit: 16)
        copy.sessionShort = Self.inert(sessionShort, limit: 8)
        copy.clientIP = Self.inert(clientIP, limit: 64)
        copy.action = Self.inert(action, limit: 64) ?? ""
        copy.targetType = Self.inert(targetType, limit: 32)
        copy.targetID = Self.inert(targetID, limit: 64)
        copy.reason = Self.inert(reason, limit: 128)
        return copy
    }
}
