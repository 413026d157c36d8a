extension Array where Element == Int16 {
    /// Appends s16le PCM bytes (what the browser streams and the vault stores) as samples.
    mutating func appendPCM(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            append(contentsOf: raw.bindMemory(to: Int16.self).lazy.map { Int16(littleEndian: $0) })
        }
    }

    /// Samples from s16le PCM bytes.
    init(pcm bytes: [UInt8]) {
        self.init()
        appendPCM(bytes)
    }
}
