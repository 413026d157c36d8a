import Audio
import Testing

@Suite struct QuietCutTests {
    /// A 440 Hz-ish square tone with a silent gap at `gap`.
    private func tone(seconds: Double, gap: Range<Int>) -> [Int16] {
        let count = Int(seconds * 16_000)
        return (0..<count).map { index in gap.contains(index) ? 0 : ((index / 18) % 2 == 0 ? 8_000 : -8_000) }
    }

    @Test func cutsInTheSilentGapNearTheEnd() {
        let samples = tone(seconds: 10, gap: 140_000..<144_000)   // 8.75–9.0 s silent
        let cut = QuietCut.find(in: samples, searchLast: 3 * 16_000)
        #expect((140_000..<144_000).contains(cut))
    }

    @Test func aGapBeforeTheSearchWindowIsNotChosen() {
        let samples = tone(seconds: 10, gap: 16_000..<20_000)   // silence at 1 s only
        let cut = QuietCut.find(in: samples, searchLast: 3 * 16_000)
        #expect(cut >= samples.count - 3 * 16_000 && cut <= samples.count)
    }

    @Test func shortInputIsNotCut() {
        #expect(QuietCut.find(in: [1, 2, 3], searchLast: 48_000) == 3)
        #expect(QuietCut.find(in: [], searchLast: 48_000) == 0)
    }
}
