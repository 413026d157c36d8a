/// Base64url without padding (RFC 4648 §5, as JWS uses it: RFC 7515 §2).
///
/// Decoding is strict, so every byte string has exactly one accepted text form: only `A-Z a-z 0-9 - _`, no `=`,
/// no whitespace, a length that is not 1 mod 4, and the unused low bits of the last character must be zero
/// (re-encoding the result gives back the input exactly).
public enum Base64URL {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Maps an ASCII byte to its 6-bit value, or 0xFF for any byte outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// The unpadded base64url text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { encode($0) }
    }

    /// The unpadded base64url text of `bytes`.
    static func encode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let fullGroups = bytes.count / 3
        let remainder = bytes.count % 3
        let length = fullGroups * 4 + (remainder == 0 ? 0 : remainder + 1)
        return String(unsafeUninitializedCapacity: length) { out in
            alphabet.withUnsafeBufferPointer { a in
                var i = 0
                var o = 0
                for _ in 0..<fullGroups {
                    let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
                    out[o] = a[Int(n >> 18 & 63)]
                    out[o + 1] = a[Int(n >> 12 & 63)]
                    out[o + 2] = a[Int(n >> 6 & 63)]
                    out[o + 3] = a[Int(n & 63)]
                    i += 3
                    o += 4
                }
                if remainder == 1 {
                    let n = UInt32(bytes[i]) << 16
                    out[o] = a[Int(n >> 18 & 63)]
                    out[o + 1] = a[Int(n >> 12 & 63)]
                } else if remainder == 2 {
                    let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
                    out[o] = a[Int(n >> 18 & 63)]
                    out[o + 1] = a[Int(n >> 12 & 63)]
                    out[o + 2] = a[Int(n >> 6 & 63)]
                }
            }
            return length
        }
    }

    /// The bytes encoded by `text`, or nil when `text` is not strict, canonical, unpadded base64url.
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(bytes: $0) }
    }

    /// The bytes encoded by `text`, or nil when `text` is not strict, canonical, unpadded base64url.
    public static func decode(_ text: Substring) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(bytes: $0) }
    }

    /// Decodes ASCII base64url text given as UTF-8 bytes; nil when it is not strict and canonical.
    static func decode(bytes input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = input.count
        let tail = count % 4
        if tail == 1 { return nil }
        let outputCount = count / 4 * 3 + (tail == 0 ? 0 : tail - 1)
        var failed = false
        let result = values.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: outputCount) { out, initialized in
                var i = 0
                var o = 0
                var bad: UInt8 = 0
                while i + 4 <= count {
                    let a = table[Int(input[i])], b = table[Int(input[i + 1])]
                    let c = table[Int(input[i + 2])], d = table[Int(input[i + 3])]
                    bad |= (a | b | c | d) & 0xC0
                    let n = UInt32(a & 63) << 18 | UInt32(b & 63) << 12 | UInt32(c & 63) << 6 | UInt32(d & 63)
                    out[o] = UInt8(truncatingIfNeeded: n >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: n >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: n)
                    i += 4
                    o += 3
                }
                if tail == 2 {
                    let a = table[Int(input[i])], b = table[Int(input[i + 1])]
                    bad |= (a | b) & 0xC0
                    if b & 0x0F != 0 { bad |= 0x80 }  // non-canonical: unused low 4 bits set
                    out[o] = (a & 63) << 2 | (b & 63) >> 4
                    o += 1
                } else if tail == 3 {
                    let a = table[Int(input[i])], b = table[Int(input[i + 1])], c = table[Int(input[i + 2])]
                    bad |= (a | b | c) & 0xC0
                    if c & 0x03 != 0 { bad |= 0x80 }  // non-canonical: unused low 2 bits set
                    out[o] = (a & 63) << 2 | (b & 63) >> 4
                    out[o + 1] = (b & 0x0F) << 4 | (c & 63) >> 2
                    o += 2
                }
                failed = bad != 0
                initialized = o
            }
        }
        return failed ? nil : result
    }
}
