/// Device session ids are UUID v4 in canonical lowercase text form (the browser keeps one in localStorage).
/// Anything else is refused with 400 `invalid_session_id`.
public enum DeviceSessionID {
    public static func validate(_ text: String) -> String? {
        let lowered = text.lowercased()
        let bytes = Array(lowered.utf8)
        guard bytes.count == 36 else { return nil }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) else { return nil }
            }
        }
        // Version nibble 4, variant 10xx.
        guard bytes[14] == UInt8(ascii: "4"), [UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"),
                                              UInt8(ascii: "b")].contains(bytes[19]) else { return nil }
        return lowered
    }
}
