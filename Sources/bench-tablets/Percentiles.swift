/// Percentiles of a sample (nearest rank).
struct Percentiles: Sendable {
    let p50: Double
    let p99: Double
    let max: Double
    let count: Int

    init(_ values: [Float]) {
        let sorted = values.sorted()
        count = sorted.count
        func rank(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let index = Swift.min(sorted.count - 1, Swift.max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[index])
        }
        p50 = rank(0.50)
        p99 = rank(0.99)
        max = sorted.last.map(Double.init) ?? .nan
    }
}
