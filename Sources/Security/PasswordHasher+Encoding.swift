extension PasswordHasher {
    /// A decoded `$scrypt$…` string.
    struct Stored {
        var parameters: Parameters
        var salt: [UInt8]
        var hash: [UInt8]
    }

    /// `$scrypt$ln=<logN>,r=<r>,p=<p>$<salt base64url>$<hash base64url>`
    static func encode(parameters: Parameters, salt: [UInt8], hash: [UInt8]) -> String {
        "$scrypt$ln=\(parameters.logN),r=\(parameters.r),p=\(parameters.p)$"
            + Base64URL.encode(salt) + "$" + Base64URL.encode(hash)
    }

    /// Parses an encoded hash strictly: exact field order, decimal numbers without sign or leading zeros, strict
    /// base64url, parameters within `Parameters.validate`. Throws `CryptoError(.invalidInput)` naming what is
    /// wrong (never echoing the string).
    static func decode(_ encoded: String) throws -> Stored {
        func fail(_ detail: String) -> CryptoError {
            CryptoError(.invalidInput, operation: "PasswordHasher.verify", detail: "malformed encoded hash: \(detail)")
        }
        guard encoded.utf8.count <= 512 else { throw fail("too long") }
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty else { throw fail("expected $scrypt$params$salt$hash") }
        guard fields[1] == "scrypt" else { throw fail("unsupported algorithm") }
        let assignments = fields[2].split(separator: ",", omittingEmptySubsequences: false)
        guard assignments.count == 3 else { throw fail("expected ln=,r=,p=") }
        func number(_ field: Substring, named name: String) throws -> Int {
            let prefix = name + "="
            guard field.hasPrefix(prefix) else { throw fail("expected \(name)=") }
            let digits = field.dropFirst(prefix.count)
            guard (1...4).contains(digits.count), digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  digits.count == 1 || digits.first != "0", let value = Int(digits)
            else { throw fail("\(name) is not a plain decimal number") }
            return value
        }
        let logN = try number(assignments[0], named: "ln")
        let r = try number(assignments[1], named: "r")
        let p = try number(assignments[2], named: "p")
        guard let salt = Base64URL.decode(fields[3]), !salt.isEmpty else { throw fail("salt is not base64url") }
        guard let hash = Base64URL.decode(fields[4]), !hash.isEmpty else { throw fail("hash is not base64url") }
        let parameters = Parameters(logN: logN, r: r, p: p, saltByteCount: salt.count, hashByteCount: hash.count)
        do {
            try parameters.validate(operation: "PasswordHasher.verify")
        } catch let error as CryptoError {
            throw fail(error.detail)
        }
        return Stored(parameters: parameters, salt: salt, hash: hash)
    }
}
