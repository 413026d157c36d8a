extension Array where Element == Int16 {
    /// Appends s16le PCM bytes (what the browser streams and the vault stores) as samples. A trailing odd byte is
    /// ignored (callers check the length first). On little-endian hosts this is one copy: it runs for every
    /// chunk, and the element-by-element conversion it replaces was 4 % of the server's CPU at 1,000 tablets.
    mutating func appendPCM(_ bytes: [UInt8]) {
        let count = bytes.count / 2
        guard count > 0 else { return }
        bytes.withUnsafeBytes { raw in
            #if _endian(little)
            let start = self.count
            append(contentsOf: repeatElement(0, count: count))
            withUnsafeMutableBytes { target in
                UnsafeMutableRawBufferPointer(rebasing: target[(start * 2)...]).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[..<(count * 2)]))
            }
            #else
            reserveCapacity(self.count + count)
            for index in 0..<count {
                append(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: index * 2, as: Int16.self)))
            }
            #endif
        }
    }

    /// Samples from s16le PCM bytes, in one allocation of exactly the right size (every streamed chunk comes
    /// through here: growing an empty array and zero-filling it first showed up as 1–2 % of the server's CPU at
    /// 1,000 tablets).
    init(pcm bytes: [UInt8]) {
        #if _endian(little)
        let count = bytes.count / 2
        self.init(unsafeUninitializedCapacity: count) { target, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(target).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[..<(count * 2)]))
            }
            initialized = count
        }
        #else
        self.init()
        appendPCM(bytes)
        #endif
    }
}
