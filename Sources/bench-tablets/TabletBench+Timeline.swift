extension TabletBench {
    /// "p99/max" of the wire latency for each second of the stream in which requests were due, e.g.
    /// "4/9 5/11 120/201 …": a tail confined to a few seconds points at stalls, a tail in every second at saturation.
    static func timeline(_ stats: LoopStats) -> String {
        var buckets: [Int32: [Float]] = [:]
        for (second, latency) in zip(stats.dueSecond, stats.wire) { buckets[second, default: []].append(latency) }
        return buckets.keys.sorted().map { second in
            let p = Percentiles(buckets[second]!)
            return String(format: "%.0f/%.0f", p.p99, p.max)
        }.joined(separator: " ")
    }
}
