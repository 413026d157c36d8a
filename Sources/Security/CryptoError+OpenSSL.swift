import CCrypto

extension CryptoError {
    /// Builds an `.openSSL` error for `operation`, draining OpenSSL's thread-local error queue so a later call on
    /// this thread does not report a stale reason.
    static func openSSL(_ operation: String) -> CryptoError {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return CryptoError(.openSSL, operation: operation, detail: reasons.joined(separator: "; "))
    }
}
