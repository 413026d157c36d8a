/// Lower-case hex of `bytes`.
func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// Bytes from hex text (spaces ignored); traps on bad input (test vectors only).
func bytes(hex text: String) -> [UInt8] {
    let clean = Array(text.utf8.filter { $0 != UInt8(ascii: " ") })
    precondition(clean.count % 2 == 0)
    return stride(from: 0, to: clean.count, by: 2).map { UInt8(String(decoding: clean[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
}
