import App
import Foundation
import Security
import Testing

/// Builds access tokens by hand, as an attacker (or a buggy client) would: any header, any payload, signed with
/// the server's real key (read from keys/jwt.key) or with any other key, or not signed at all.
struct TokenForge {
    let kid: String
    let key: HMACKey
    let issuer = "paramedic-recorder"
    let audience = "paramedic-recorder-api"

    /// The server's current signing key.
    init(keysDirectory: String) throws {
        let file = try KeyFile.load(path: keysDirectory + "/jwt.key")
        let current = try #require(file.current)
        kid = current.id
        key = try HMACKey(key: current.bytes)
    }

    init(kid: String, key: HMACKey) {
        self.kid = kid
        self.key = key
    }

    static func b64(_ text: String) -> String { Base64URL.encode(Array(text.utf8)) }

    var header: String { #"{"alg":"HS256","typ":"JWT","kid":"\#(kid)"}"# }

    /// A payload with every claim the server requires, valid now, for `session`; `override` replaces members
    /// (a nil value removes one). Values are JSON literals.
    func payload(userID: Int64, sessionID: String, now: Int64, version: Int64 = 1,
                 override: [String: String?] = [:]) -> String {
        var members: [(String, String)] = [
            ("iss", "\"\(issuer)\""), ("sub", "\"\(userID)\""), ("aud", "\"\(audience)\""),
            ("sid", "\"\(sessionID)\""), ("jti", "\"\(Base64URL.encode((0..<16).map { _ in UInt8.random(in: 0...255) }))\""),
            ("iat", "\(now)"), ("nbf", "\(now)"), ("exp", "\(now + 900)"), ("ver", "\(version)"),
        ]
        for (name, value) in override {
            if let index = members.firstIndex(where: { $0.0 == name }) {
                if let value { members[index].1 = value } else { members.remove(at: index) }
            } else if let value {
                members.append((name, value))
            }
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// `b64(header).b64(payload).b64(HMAC(key, signing input))`.
    func sign(header: String? = nil, payload: String) throws -> String {
        let input = Self.b64(header ?? self.header) + "." + Self.b64(payload)
        return input + "." + Base64URL.encode(try key.authenticationCode(for: input))
    }

    /// Signs an already encoded signing input (for tokens whose segments are themselves malformed).
    func sign(encodedInput input: String) throws -> String {
        input + "." + Base64URL.encode(try key.authenticationCode(for: input))
    }
}

extension String {
    /// The JWT's segments.
    var jwtParts: [String] { split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    /// The decoded JSON of the JWT header.
    var jwtHeader: [String: Any]? {
        guard let first = jwtParts.first, let bytes = Base64URL.decode(first) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }
}
