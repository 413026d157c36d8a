/// A small strict JSON (RFC 8259) parser for JOSE headers and JWT claim sets.
///
/// Stricter than `JSONSerialization`/`JSONDecoder` where JWTs need it (RFC 7515 §5.2, RFC 8725 §3.1): it REJECTS
/// duplicate member names (compared after unescaping, so `"a"` and `"\u0061"` collide), invalid UTF-8, unpaired
/// surrogate escapes, raw control characters, leading zeros, a byte-order mark and trailing content; and it
/// bounds size, nesting depth and member count. Numbers written as plain integers that fit `Int64` become
/// `.integer`; any other number (fraction, exponent, overflow) becomes `.nonInteger`, so a claim that must be an
/// integer can refuse `1.5`, `1e3` or `1.0`.
struct StrictJSON {
    enum Value {
        case string(String)
        case integer(Int64)
        case nonInteger
        case bool(Bool)
        case null
        case array([Value])
        case object(Object)
    }

    /// Members in document order, with a set of the names for the duplicate check (a linear scan per insert
    /// made a hostile body of thousands of members quadratic). Set membership uses String's canonical
    /// equivalence, as Foundation's dictionaries do.
    struct Object {
        /// Member names in document order; `values[i]` belongs to `names[i]`.
        private(set) var names: [String] = []
        private(set) var values: [Value] = []
        private var seen: Set<String> = []

        subscript(name: String) -> Value? {
            guard let index = names.firstIndex(of: name) else { return nil }
            return values[index]
        }

        mutating func reserveCapacity(_ count: Int) {
            names.reserveCapacity(count)
            values.reserveCapacity(count)
            seen.reserveCapacity(count)
        }

        /// Appends a member; false when the name is already present.
        mutating func insert(_ name: String, _ value: Value) -> Bool {
            guard seen.insert(name).inserted else { return false }
            names.append(name)
            values.append(value)
            return true
        }
    }

    struct Failure: Error, Equatable {
        let reason: String
    }

    static let maximumByteCount = 4096
    static let maximumDepth = 8
    static let maximumMembers = 64

    /// Parses `bytes` as one JSON object (with nothing after it but whitespace).
    static func parseObject(_ bytes: [UInt8]) throws(Failure) -> Object {
        guard bytes.count <= maximumByteCount else { throw Failure(reason: "JSON too large") }
        var parser = StrictJSON(bytes: bytes, maxDepth: maximumDepth, maxMembers: maximumMembers)
        parser.skipWhitespace()
        guard parser.peek() == UInt8(ascii: "{") else { throw Failure(reason: "not a JSON object") }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw Failure(reason: "trailing content") }
        guard case .object(let members) = value else { throw Failure(reason: "not a JSON object") }
        return members
    }

    /// Checks that `bytes` are exactly one JSON value of any type (HTTP request bodies, also bounded by the route's
    /// body limit). Same strictness as above, with roomier limits; linear in the input.
    static func validateDocument(_ bytes: [UInt8], maxBytes: Int = 1 << 20, maxDepth: Int = 32,
                                 maxMembers: Int = 4096) throws(Failure) {
        guard bytes.count <= maxBytes else { throw Failure(reason: "JSON too large") }
        var parser = StrictJSON(bytes: bytes, maxDepth: maxDepth, maxMembers: maxMembers)
        _ = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw Failure(reason: "trailing content") }
    }

    private let bytes: [UInt8]
    private var index = 0
    private let maxDepth: Int
    private let maxMembers: Int

    private init(bytes: [UInt8], maxDepth: Int, maxMembers: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxMembers = maxMembers
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ literal: StaticString) throws(Failure) {
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard bytes.count - index >= text.count, bytes[index..<index + text.count].elementsEqual(text) else {
            throw Failure(reason: "invalid literal")
        }
        index += text.count
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> Value {
        guard depth <= maxDepth else { throw Failure(reason: "nested too deeply") }
        skipWhitespace()
        guard let byte = peek() else { throw Failure(reason: "unexpected end") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObjectBody(depth: depth)
        case UInt8(ascii: "["): return try parseArrayBody(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw Failure(reason: "unexpected character")
        }
    }

    private mutating func parseObjectBody(depth: Int) throws(Failure) -> Value {
        index += 1  // {
        var members = Object()
        members.reserveCapacity(16)
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw Failure(reason: "expected member name") }
            let name = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw Failure(reason: "expected ':'") }
            index += 1
            let value = try parseValue(depth: depth + 1)
            guard members.insert(name, value) else { throw Failure(reason: "duplicate member name") }
            guard members.names.count <= maxMembers else { throw Failure(reason: "too many members") }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw Failure(reason: "expected ',' or '}'")
            }
        }
    }

    private mutating func parseArrayBody(depth: Int) throws(Failure) -> Value {
        index += 1  // [
        var elements: [Value] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth + 1))
            guard elements.count <= maxMembers else { throw Failure(reason: "too many elements") }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw Failure(reason: "expected ',' or ']'")
            }
        }
    }

    private mutating func parseNumber() throws(Failure) -> Value {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw Failure(reason: "invalid number") }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { throw Failure(reason: "leading zero") }
        } else {
            while let d = peek(), isDigit(d) { index += 1 }
        }
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let d = peek(), isDigit(d) else { throw Failure(reason: "invalid fraction") }
            while let d = peek(), isDigit(d) { index += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let d = peek(), isDigit(d) else { throw Failure(reason: "invalid exponent") }
            while let d = peek(), isDigit(d) { index += 1 }
        }
        guard isInteger else { return .nonInteger }
        // Accumulate negatively so Int64.min parses; overflow means "not an Int64".
        let negative = bytes[start] == UInt8(ascii: "-")
        var value: Int64 = 0
        for byte in bytes[(negative ? start + 1 : start)..<index] {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.subtractingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            if o1 || o2 { return .nonInteger }
            value = s
        }
        if negative { return .integer(value) }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? .nonInteger : .integer(positive)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func parseString() throws(Failure) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes, so the string is the bytes between the quotes, validated as UTF-8 in one pass.
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { index += 1 }
        guard let stop = peek() else { throw Failure(reason: "unterminated string") }
        if stop == UInt8(ascii: "\"") {
            index += 1
            return try Self.validatedString(bytes, start..<(index - 1))
        }
        // Slow path: collect UTF-8 (runs copied, escapes encoded), validate once at the end.
        var utf8 = Array(bytes[start..<index])
        while true {
            guard let byte = peek() else { throw Failure(reason: "unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try Self.validatedString(utf8, 0..<utf8.count)
            case UInt8(ascii: "\\"):
                index += 1
                let scalar = try parseEscape()
                utf8.append(contentsOf: UTF8.encode(scalar)!)
            case 0x00..<0x20:
                throw Failure(reason: "control character in string")
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private static func validatedString(_ buffer: [UInt8], _ range: Range<Int>) throws(Failure) -> String {
        let string = buffer.withUnsafeBufferPointer { whole -> String? in
            let part = UnsafeBufferPointer(rebasing: whole[range])
            // ASCII (every claim this product writes) needs no validation beyond the < 0x80 check.
            if part.allSatisfy({ $0 < 0x80 }) { return String(decoding: part, as: UTF8.self) }
            return String(validating: part, as: UTF8.self)
        }
        guard let string else { throw Failure(reason: "invalid UTF-8") }
        return string
    }

    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        guard let byte = peek() else { throw Failure(reason: "unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard peek() == UInt8(ascii: "\\") else { throw Failure(reason: "unpaired surrogate") }
                index += 1
                guard peek() == UInt8(ascii: "u") else { throw Failure(reason: "unpaired surrogate") }
                index += 1
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Failure(reason: "unpaired surrogate") }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw Failure(reason: "unpaired surrogate") }
            return scalar
        default:
            throw Failure(reason: "invalid escape")
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard bytes.count - index >= 4 else { throw Failure(reason: "short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure(reason: "invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
