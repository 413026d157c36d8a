extension TabletBench {
    /// "p99/max" of the wire latency for each second of a paced phase, by the second its requests were due, e.g.
    /// "4/9 5/11 120/201 - 6/12": a tail confined to a few seconds points at stalls, a tail in every second at
    /// saturation. "-" is a second without one acknowledged request.
    static func timeline(_ stats: LoopStats) -> String {
        precondition(stats.dueSecond.count == stats.wire.count, "timeline needs a paced phase's stats")
        var buckets: [Int32: [Float]] = [:]
        for (second, latency) in zip(stats.dueSecond, stats.wire) { buckets[second, default: []].append(latency) }
        guard let last = buckets.keys.max() else { return "-" }
        return (0...last).map { second in
            guard let values = buckets[second] else { return "-" }
            let p = Percentiles(values)
            return String(format: "%.0f/%.0f", p.p99, p.max)
        }.joined(separator: " ")
    }
}
