/// Float ↔ 16-bit conversions with the same scale libsndfile uses (±1.0 ↔ ±32768), so 16-bit input survives a
/// float round trip bit-exactly, and values beyond full scale are clipped rather than wrapped.
enum SampleConversion {
    static func int16(from samples: [Float]) -> [Int16] {
        var result = [Int16]()
        append(samples[...], to: &result)
        return result
    }

    static func append(_ samples: ArraySlice<Float>, to result: inout [Int16]) {
        result.reserveCapacity(result.count + samples.count)
        for sample in samples {
            let scaled = (sample * 32_768).rounded()
            // NaN compares false everywhere and lands on 0.
            let clipped: Int16 = scaled >= 32_767 ? .max : scaled <= -32_768 ? .min : scaled.isNaN ? 0 : Int16(scaled)
            result.append(clipped)
        }
    }
}
