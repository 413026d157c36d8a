import Audio
import Testing

@Suite("Resampler")
struct ResamplerTests {
    @Test(arguments: [48_000, 44_100])
    func streamingEqualsOneShot(inputRate: Int) throws {
        let input = Signal.sine(frequency: 1_000, rate: inputRate, count: inputRate, amplitude: 0.8)
            + Signal.sine(frequency: 3_000, rate: inputRate, count: inputRate / 2, amplitude: 0.3)
        let oneShot = try Resampler(inputRate: inputRate).process(input, endOfInput: true)
        // 1.5 s of input at any rate → 24,000 samples at 16 kHz (ratio 1/3 at 48 kHz).
        #expect(abs(oneShot.count - 24_000) <= 1, "\(oneShot.count) samples")

        for chunkSize in [1, 160, 441, 480, 4_096] {
            let resampler = try Resampler(inputRate: inputRate)
            var streamed: [Int16] = []
            var offset = 0
            while offset < input.count {
                let end = min(offset + chunkSize, input.count)
                streamed += try resampler.process(Array(input[offset..<end]), endOfInput: false)
                offset = end
            }
            streamed += try resampler.process([], endOfInput: true)
            #expect(streamed.count == oneShot.count, "chunk \(chunkSize)")
            let maxDifference = zip(streamed, oneShot).map { abs(Int($0) - Int($1)) }.max() ?? 0
            #expect(maxDifference <= 2, "chunk \(chunkSize): max difference \(maxDifference) LSB")
        }
    }

    @Test func keepsTheFrequencyAndLevel() throws {
        let input = Signal.sine(frequency: 1_000, rate: 48_000, count: 48_000, amplitude: 0.5)
        let output = try Resampler(inputRate: 48_000).process(input, endOfInput: true)
        // A 1 kHz tone crosses zero 2,000 times a second at any sample rate.
        let middle = Array(output[800..<15_200])  // skip the filter's ramp-in and tail
        let crossings = zip(middle, middle.dropFirst()).filter { ($0 < 0) != ($1 < 0) }.count
        #expect(abs(Double(crossings) - 2_000 * 14_400 / 16_000) <= 4, "\(crossings) crossings")
        let expectedRMS = 0.5 * 32_767 / 2.0.squareRoot()
        #expect(abs(Signal.rms(middle) - expectedRMS) / expectedRMS < 0.01)
        // No click: the step between neighbours never exceeds the tone's steepest slope (+10%).
        let maxStep = zip(middle, middle.dropFirst()).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(Double(maxStep) < 0.5 * 32_767 * 2 * .pi * 1_000 / 16_000 * 1.1)
    }

    @Test func reusableAfterEndOfInput() throws {
        let resampler = try Resampler(inputRate: 48_000)
        let input = Signal.sine(frequency: 500, rate: 48_000, count: 4_800)
        let first = try resampler.process(input, endOfInput: true)
        let second = try resampler.process(input, endOfInput: true)
        #expect(first == second)
    }

    @Test func refusesImpossibleRatios() {
        #expect(throws: AudioError.self) { try Resampler(inputRate: 0) }
        #expect(throws: AudioError.self) { try Resampler(inputRate: 16_000_000) }
    }
}
